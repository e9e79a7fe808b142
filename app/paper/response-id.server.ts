import { createHash } from 'node:crypto'

/**
 * The response id of a paper sheet, the same every time it is asked for: counting a sheet
 * again (a retry, two supervisors at once) replays the same submission instead of adding a
 * second response. Shaped as a UUID v4 (version and variant bits set) as the submission
 * contract requires; the bits come from a hash of the batch and sheet number, not chance.
 */
export function paperResponseId(batchId: string, sheetNo: number): string {
  const bytes = createHash('sha256').update(`sipas:paper-sheet:${batchId}:${sheetNo}`).digest().subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
