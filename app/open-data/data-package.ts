import type { ResponseBasis } from '~/aggregation/response-basis'
import type { Column, ColumnType } from '~/export/table'
import type { LocalizedText } from '~/questionnaire/definition'

/*
 * The data dictionary of an open-data release: a Frictionless Data Package (v2,
 * https://datapackage.org) describing every file of the release. Pure: the files' sizes and
 * checksums are computed by whoever wrote them (release-files.server.ts). ADR 022 says which
 * properties are ours: Vietnamese is the language of `title` and `description`, English goes in
 * `title_en` and `description_en`; the period, the methodology versions and the suppression rule
 * are top-level properties the specification leaves to publishers.
 */

const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json'

/**
 * Creative Commons Attribution 4.0: anyone may reuse and redistribute the figures, commercially
 * too, as long as they name the source. ODC-BY would say the same for the database; CC BY is the
 * licence governments' open-data portals use for published statistics and the one readers know.
 */
export const LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
} as const

/** A file already written: what the package says about it. */
export type FileFacts = { name: string; mediaType: string; bytes: number; sha256: string }

/** A CSV file of the release and the columns it holds. */
export type CsvFile = FileFacts & {
  title: LocalizedText
  description: LocalizedText
  columns: readonly Column[]
  /**
   * The columns that identify a row, written as Table Schema's `uniqueKeys` (not `primaryKey`: a
   * key column may be empty, e.g. the methodology of an imported index's row).
   */
  rowKey: readonly string[]
}

/** Any other file the package lists (the JSON of every table, the changes of a correction). */
export type OtherFile = FileFacts & { format: string; title: LocalizedText; description: LocalizedText }

export type DataPackageInput = {
  period: { key: string; from: string; to: string; label: LocalizedText }
  version: number
  /** ISO timestamp of the release. */
  created: string
  methodologyCodes: readonly string[]
  minN: number
  /** Which responses the figures count: all, or verified ones only (the official basis when released). */
  responses: ResponseBasis
  suppressionRule: LocalizedText
  /** Set on a correction: the version it replaces. */
  corrects: number | null
  csv: readonly CsvFile[]
  others: readonly OtherFile[]
}

export type TableSchemaField = {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date'
  title: string
  title_en: string
  description: string
  description_en: string
  constraints?: { minimum?: number; maximum?: number }
}

/** How a column's type is written in Table Schema: a percentage is a number from 0 to 100. */
export function fieldOf(column: Column): TableSchemaField {
  const field: TableSchemaField = {
    name: column.key,
    type: frictionlessType(column.type),
    title: column.label.vi,
    title_en: column.label.en,
    description: column.description.vi,
    description_en: column.description.en,
  }
  return column.type === 'percent' ? { ...field, constraints: { minimum: 0, maximum: 100 } } : field
}

function frictionlessType(type: ColumnType): TableSchemaField['type'] {
  return type === 'percent' ? 'number' : type
}

/** The package name: lowercase letters, digits and dashes, e.g. 'sipas-2025-q2'. */
export function packageName(periodKey: string): string {
  return `sipas-${periodKey.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
}

/**
 * The release version as the package's SemVer version: each release is a major version, since a
 * correction may change any figure and a reader citing one must not get the other.
 */
const packageVersion = (version: number) => `${version}.0.0`

type Resource = {
  name: string
  path: string
  format: string
  mediatype: string
  encoding: 'utf-8'
  bytes: number
  hash: string
  title: string
  title_en: string
  description: string
  description_en: string
}
export type TableResource = Resource & {
  type: 'table'
  dialect: { header: true; delimiter: ','; lineTerminator: '\r\n' }
  schema: { fields: TableSchemaField[]; uniqueKeys: string[][]; missingValues: string[] }
}

/** What the package says of any of its files: where it is, what and how big, its checksum, its title and description. */
function resourceOf(file: FileFacts & { title: LocalizedText; description: LocalizedText }, format: string): Resource {
  return {
    name: resourceName(file.name),
    path: file.name,
    format,
    mediatype: file.mediaType,
    encoding: 'utf-8',
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    title: file.title.vi,
    title_en: file.title.en,
    description: file.description.vi,
    description_en: file.description.en,
  }
}

export function buildDataPackage(input: DataPackageInput) {
  const { period } = input
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: packageName(period.key),
    title: `SIPAS — Chỉ số hài lòng về sự phục vụ hành chính, ${period.label.vi}`,
    title_en: `SIPAS — Satisfaction Index of Public Administrative Services, ${period.label.en}`,
    description:
      'Số liệu tổng hợp về mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước: cả nước, tỉnh, cơ quan và điểm phục vụ. Không có dữ liệu từng phiếu.',
    description_en:
      'Aggregated figures of citizen and business satisfaction with public administrative services: national, provinces, agencies and service points. No individual responses.',
    version: packageVersion(input.version),
    created: input.created,
    licenses: [LICENSE],
    sources: [{ title: 'Bộ Nội vụ — SIPAS', title_en: 'Ministry of Home Affairs — SIPAS' }],
    period: period.key,
    period_from: period.from,
    period_to: period.to,
    methodology_versions: [...input.methodologyCodes],
    minimum_n: input.minN,
    responses_counted: input.responses,
    suppression_rule: input.suppressionRule.vi,
    suppression_rule_en: input.suppressionRule.en,
    corrects_version: input.corrects,
    resources: [
      ...input.csv.map((file): TableResource => ({
        ...resourceOf(file, 'csv'),
        type: 'table',
        dialect: { header: true, delimiter: ',', lineTerminator: '\r\n' },
        schema: {
          fields: file.columns.map(fieldOf),
          uniqueKeys: [[...file.rowKey]],
          // An empty cell is a figure not published: suppressed or not applicable.
          missingValues: [''],
        },
      })),
      ...input.others.map((file) => resourceOf(file, file.format)),
    ],
  }
}

export type DataPackage = ReturnType<typeof buildDataPackage>

/** A resource name: the file name without its extension, in the characters the spec allows. */
const resourceName = (fileName: string) => fileName.replace(/\.[a-z]+$/, '').toLowerCase().replace(/[^a-z0-9._-]/g, '-')

/** `sha256sum` output (two spaces between checksum and name), which `sha256sum -c` verifies. */
export function sha256Sums(files: readonly Pick<FileFacts, 'name' | 'sha256'>[]): string {
  return files.map((file) => `${file.sha256}  ${file.name}\n`).join('')
}
