import { describe, expect, test } from 'vitest'
import type { Column } from '~/export/table'
import { buildDataPackage, fieldOf, LICENSE, packageName, sha256Sums, type DataPackageInput, type TableResource } from './data-package'

const text = (vi: string, en: string) => ({ vi, en })
const columns: Column[] = [
  { key: 'unit_code', type: 'string', label: text('Mã đơn vị', 'Unit code'), description: text('Mã', 'Code') },
  { key: 'n', type: 'integer', label: text('Số phiếu', 'Responses'), description: text('Số phiếu hợp lệ', 'Valid responses') },
  { key: 'sipas', type: 'percent', label: text('SIPAS', 'SIPAS'), description: text('Chỉ số', 'Index') },
  { key: 'score', type: 'number', label: text('Điểm', 'Score'), description: text('Điểm', 'Score') },
  { key: 'suppressed', type: 'boolean', label: text('Ẩn', 'Suppressed'), description: text('Ẩn', 'Suppressed') },
  { key: 'from', type: 'date', label: text('Từ ngày', 'From'), description: text('Từ', 'From') },
]

const input: DataPackageInput = {
  period: { key: '2025-Q2', from: '2025-04-01', to: '2025-06-30', label: text('Quý II/2025', 'Q2 2025') },
  version: 2,
  created: '2025-07-10T03:00:00.000Z',
  methodologyCodes: ['sipas-2023'],
  minN: 30,
  responses: 'verified',
  suppressionRule: text('Ẩn khi ít hơn 30 phiếu.', 'Suppressed under 30 responses.'),
  corrects: 1,
  csv: [
    {
      name: 'provinces.csv',
      mediaType: 'text/csv; charset=utf-8',
      bytes: 123,
      sha256: 'a'.repeat(64),
      title: text('Tỉnh', 'Provinces'),
      description: text('Theo tỉnh', 'By province'),
      columns,
      rowKey: ['unit_code'],
    },
  ],
  others: [
    {
      name: 'figures.json',
      mediaType: 'application/json',
      bytes: 456,
      sha256: 'b'.repeat(64),
      format: 'json',
      title: text('JSON', 'JSON'),
      description: text('Mọi bảng', 'Every table'),
    },
  ],
}

describe('the data package of a release', () => {
  test('maps each column type to its Table Schema type, a percentage to a number from 0 to 100', () => {
    expect(columns.map((column) => fieldOf(column).type)).toEqual(['string', 'integer', 'number', 'number', 'boolean', 'date'])
    expect(fieldOf(columns[2]!).constraints).toEqual({ minimum: 0, maximum: 100 })
    expect(fieldOf(columns[3]!).constraints).toBeUndefined()
  })

  test('gives every field its title and description in Vietnamese and in English', () => {
    expect(fieldOf(columns[1]!)).toEqual({
      name: 'n',
      type: 'integer',
      title: 'Số phiếu',
      title_en: 'Responses',
      description: 'Số phiếu hợp lệ',
      description_en: 'Valid responses',
    })
  })

  test('describes each file with its size, checksum, format and encoding', () => {
    const descriptor = buildDataPackage(input)
    expect(descriptor.name).toBe('sipas-2025-q2')
    expect(descriptor.version).toBe('2.0.0')
    expect(descriptor.licenses).toEqual([LICENSE])
    expect(descriptor.resources.map((resource) => [resource.path, resource.bytes, resource.hash, resource.format, resource.encoding])).toEqual([
      ['provinces.csv', 123, `sha256:${'a'.repeat(64)}`, 'csv', 'utf-8'],
      ['figures.json', 456, `sha256:${'b'.repeat(64)}`, 'json', 'utf-8'],
    ])
    const csv = descriptor.resources[0] as TableResource
    expect(csv.schema.fields.map((field) => field.name)).toEqual(columns.map((column) => column.key))
    expect(csv.schema.uniqueKeys).toEqual([['unit_code']])
  })

  test('states the period, methodology, minimum n, responses counted, suppression rule and corrected version', () => {
    const descriptor = buildDataPackage(input)
    expect(descriptor).toMatchObject({
      period: '2025-Q2',
      period_from: '2025-04-01',
      period_to: '2025-06-30',
      methodology_versions: ['sipas-2023'],
      minimum_n: 30,
      responses_counted: 'verified',
      suppression_rule: 'Ẩn khi ít hơn 30 phiếu.',
      suppression_rule_en: 'Suppressed under 30 responses.',
      corrects_version: 1,
    })
  })

  test('names a package for its period in the characters the specification allows', () => {
    expect(packageName('2025')).toBe('sipas-2025')
    expect(packageName('2025-03')).toBe('sipas-2025-03')
    expect(packageName('2025-Q4')).toBe('sipas-2025-q4')
  })

  test('lists checksums the way sha256sum -c reads them', () => {
    expect(sha256Sums([{ name: 'national.csv', sha256: 'c'.repeat(64) }, { name: 'figures.json', sha256: 'd'.repeat(64) }])).toBe(
      `${'c'.repeat(64)}  national.csv\n${'d'.repeat(64)}  figures.json\n`,
    )
  })
})
