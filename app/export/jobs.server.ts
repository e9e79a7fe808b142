import { randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { type Actor, canAdministerNationally, canExportComments, canExportFigures, canExportMicrodata, canReadNationally } from '~/auth/policy'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import type { Prisma } from '~/generated/prisma/client'
import type { Language } from '~/i18n/config'
import { enqueueExport } from './export-queue.server'
import { AggregatedFiltersSchema, EXPORT_FORMATS, type ExportFormat, MicrodataFiltersSchema, readFilters } from './filters'

/*
 * Export jobs (ADR 020, "Background jobs"): a staff user asks for an export, the request is
 * checked and recorded here as an ExportJob row, and the queue (export-queue.server.ts) runs it
 * in the background (run-job.server.ts). The row is the job's whole state: the exports page
 * reads its progress, the download route its file.
 */

const EXPORT_KINDS = ['aggregated', 'microdata'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

/** What the exports form posts: the kind, the format and the filters' fields. */
export type ExportRequest = { kind: string; format: string; fields: URLSearchParams | FormData; language: Language }

export type RequestResult =
  | { outcome: 'queued'; jobId: string }
  | { outcome: 'invalid'; fieldErrors: FieldErrors }
  /** Not allowed: this kind of export, comments, or another province's units. */
  | { outcome: 'forbidden' }

const isKind = (value: string): value is ExportKind => (EXPORT_KINDS as readonly string[]).includes(value)
const isFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value)

/** May `actor` ask for this kind of export at all. */
function mayExport(actor: Actor, kind: ExportKind): boolean {
  return kind === 'microdata' ? canExportMicrodata(actor) : canExportFigures(actor)
}

/**
 * Checks and records an export request, then queues it. The scope is fixed here: Ministry users
 * export nationally (or the province they choose), a province user only their own province, and
 * asking for another province's units is refused as a whole. Nothing is created unless the
 * answer is 'queued'.
 */
export async function requestExport(actor: Actor, request: ExportRequest): Promise<RequestResult> {
  if (!canExportFigures(actor)) return { outcome: 'forbidden' }
  const fieldErrors: FieldErrors = {}
  if (!isKind(request.kind)) fieldErrors.kind = { key: 'exports:jobs.errors.kind' }
  if (!isFormat(request.format)) fieldErrors.format = { key: 'exports:jobs.errors.format' }
  const kind: ExportKind = isKind(request.kind) ? request.kind : 'aggregated'
  if (!mayExport(actor, kind)) return { outcome: 'forbidden' }

  const read =
    kind === 'microdata' ? readFilters(MicrodataFiltersSchema, request.fields) : readFilters(AggregatedFiltersSchema, request.fields)
  if (read.fieldErrors || Object.keys(fieldErrors).length > 0) return { outcome: 'invalid', fieldErrors: { ...fieldErrors, ...read.fieldErrors } }
  const filters = read.filters!

  if ('includeComments' in filters && filters.includeComments && !canExportComments(actor)) return { outcome: 'forbidden' }
  let scopeProvinceId: string | null = null
  if (!canReadNationally(actor)) {
    if (!actor.provinceId || (filters.provinceId && filters.provinceId !== actor.provinceId)) return { outcome: 'forbidden' }
    scopeProvinceId = actor.provinceId
    filters.provinceId = actor.provinceId
  } else if (filters.provinceId && !(await isProvince(filters.provinceId))) {
    return { outcome: 'invalid', fieldErrors: { provinceId: { key: 'exports:filters.errors.province' } } }
  }

  const id = randomUUID()
  const format = request.format as ExportFormat
  // The language travels with the filters: the file's labels (XLSX headers, the about sheet)
  // are written in the language the user asked in. The filter schemas ignore the extra key.
  const stored = { ...filters, language: request.language } satisfies Prisma.InputJsonObject
  await prisma.$transaction(async (tx) => {
    await tx.exportJob.create({ data: { id, userId: actor.id, kind, format, filters: stored, scopeProvinceId }, select: { id: true } })
    await recordAudit('export.requested', { actorId: actor.id, target: `export:${id}`, details: { kind, format, filters: stored, scopeProvinceId } }, tx)
  })
  await enqueueExport(id)
  return { outcome: 'queued', jobId: id }
}

async function isProvince(id: string): Promise<boolean> {
  const unit = await prisma.adminUnit.findUnique({ where: { id }, select: { kind: true } })
  return unit?.kind === 'province'
}

const listedJobSelect = {
  id: true,
  kind: true,
  format: true,
  filters: true,
  status: true,
  rowsDone: true,
  rowsExpected: true,
  fileName: true,
  fileBytes: true,
  errorCode: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  expiresAt: true,
} satisfies Prisma.ExportJobSelect

/** How many of a user's exports the page lists. */
const LISTED_EXPORTS = 50

/** A user's exports, newest first. */
export async function listExportJobs(userId: string) {
  const jobs = await prisma.exportJob.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LISTED_EXPORTS,
    select: listedJobSelect,
  })
  // BigInt does not travel in a loader's JSON.
  return jobs.map(({ fileBytes, ...job }) => ({ ...job, fileBytes: fileBytes === null ? null : Number(fileBytes) }))
}

export type ExportDownload =
  | { outcome: 'file'; id: string; format: ExportFormat; fileName: string; fileBytes: number }
  | { outcome: 'expired' }
  /** The job exists and is the user's, but has no file yet (queued, running or failed). */
  | { outcome: 'not_ready' }
  /** No such job, or someone else's: the same answer, so ids of others' exports reveal nothing. */
  | { outcome: 'not_found' }

/**
 * The file of an export, for its owner or the Ministry administrator; records the download.
 * A file past its expiry is gone even if the sweep has not yet removed it.
 */
export async function getExportDownload(actor: Actor, id: string, now = new Date()): Promise<ExportDownload> {
  const job = await prisma.exportJob.findUnique({
    where: { id },
    select: { id: true, userId: true, status: true, format: true, fileName: true, fileBytes: true, expiresAt: true },
  })
  if (!job || (job.userId !== actor.id && !canAdministerNationally(actor))) return { outcome: 'not_found' }
  if (job.status === 'expired' || (job.status === 'done' && job.expiresAt !== null && job.expiresAt <= now)) return { outcome: 'expired' }
  if (job.status !== 'done' || !job.fileName || job.fileBytes === null || !isFormat(job.format)) return { outcome: 'not_ready' }
  await recordAudit('export.downloaded', { actorId: actor.id, target: `export:${id}`, details: { fileName: job.fileName } })
  return { outcome: 'file', id: job.id, format: job.format, fileName: job.fileName, fileBytes: Number(job.fileBytes) }
}

/** What the exports form offers: the provinces (Ministry users) and the methodology series. */
export async function listExportChoices(actor: Actor) {
  const [provinces, versions] = await Promise.all([
    prisma.adminUnit.findMany({
      where: canReadNationally(actor) ? { kind: 'province' } : { id: actor.provinceId ?? '' },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.questionnaireVersion.findMany({
      where: { status: { not: 'draft' } },
      distinct: ['methodologyCode'],
      orderBy: { methodologyCode: 'asc' },
      select: { methodologyCode: true },
    }),
  ])
  return { provinces, methodologyCodes: versions.map((version) => version.methodologyCode) }
}
