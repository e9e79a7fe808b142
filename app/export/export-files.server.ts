import { createReadStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { env } from '~/env.server'
import type { ExportFormat } from './filters'

/*
 * Where export files live: one file per job in EXPORT_DIR (default ./data/exports, beside the
 * embedded database and out of git), named by the job's id. A job writes `<id>.<format>.part`
 * and renames it when complete, so a half-written file is never served. ADR 020.
 */

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
}

export function exportFilePath(jobId: string, format: string): string {
  return join(resolve(env.EXPORT_DIR), `${jobId}.${format}`)
}

export function partFilePath(jobId: string, format: string): string {
  return `${exportFilePath(jobId, format)}.part`
}

export async function ensureExportDirectory(): Promise<void> {
  await mkdir(resolve(env.EXPORT_DIR), { recursive: true })
}

/** Removes a job's file and any half-written one; a file already gone is not an error. */
export async function removeExportFiles(jobId: string, format: string): Promise<void> {
  await Promise.all([rm(exportFilePath(jobId, format), { force: true }), rm(partFilePath(jobId, format), { force: true })])
}

export function openExportFile(jobId: string, format: string): Readable {
  return createReadStream(exportFilePath(jobId, format))
}
