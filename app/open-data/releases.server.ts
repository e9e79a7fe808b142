import { randomUUID } from 'node:crypto'
import { parsePeriod } from '~/aggregation/period'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { Prisma } from '~/generated/prisma/client'
import type { ChangeSummary, CsvText } from './changes'
import { hasChanges } from './changes'
import { buildReleaseFiles, CHANGES_FILE, PACKAGE_FILE, type PreviousRelease, type ReleaseBuild } from './release-files.server'

/*
 * Published open-data releases (OpenDataRelease, OpenDataFile). A release is stored whole, files
 * and all, in one transaction, and the database refuses any later UPDATE or DELETE of it: a
 * correction is a new version of the same period that names the one it corrects and says what
 * changed. ADR 022.
 */

/** Why a release was not published; each is a message of the `open-data` namespace. */
export type PublishRefusal = 'noFigures' | 'unchanged' | 'correctionNotes' | 'versionTaken'

export type PublishResult =
  | { published: true; releaseId: string; version: number }
  | { published: false; reason: PublishRefusal }

type Notes = { vi: string; en: string }

/**
 * Publishes the period's figures as its next release. A period that has one already gets a
 * correction: it must say in both languages what changed, and it is refused when its data files
 * are the same as the previous release's.
 */
export async function publishRelease(
  periodKey: string,
  notes: Notes,
  actorId: string,
  now = new Date(),
): Promise<PublishResult> {
  const { previous, build } = await prepareRelease(periodKey, now)
  const refusal = refusalOf(build) ?? (previous && (notes.vi.trim() === '' || notes.en.trim() === '') ? 'correctionNotes' : null)
  if (refusal) return { published: false, reason: refusal }
  const id = randomUUID()
  const version = (previous?.version ?? 0) + 1
  try {
    await prisma.$transaction(async (tx) => {
      await tx.openDataRelease.create({
        data: {
          id,
          period: periodKey,
          version,
          methodologyCode: build.methodologyCodes.join(','),
          notes: notes.vi,
          notesEn: notes.en,
          correctsId: previous?.id ?? null,
          publishedAt: now,
          publishedById: actorId,
        },
        select: { id: true },
      })
      await tx.openDataFile.createMany({
        data: build.files.map((file) => ({
          releaseId: id,
          name: file.name,
          mediaType: file.mediaType,
          content: new Uint8Array(file.content),
          bytes: file.bytes,
          sha256: file.sha256,
        })),
      })
      await recordAudit(
        'open_data.published',
        {
          actorId,
          target: `open_data_release:${id}`,
          details: { period: periodKey, version, corrects: previous?.version ?? null, files: build.files.length },
        },
        tx,
      )
    })
  } catch (error) {
    // Someone published the same period at the same moment: their version stands.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { published: false, reason: 'versionTaken' }
    }
    throw error
  }
  return { published: true, releaseId: id, version }
}

/**
 * What publishing the period now would publish, and whether its figures would be refused (no
 * figures, or none changed since the previous release).
 */
export async function previewRelease(periodKey: string, now = new Date()) {
  const { previous, build } = await prepareRelease(periodKey, now)
  return {
    period: build.period,
    version: (previous?.version ?? 0) + 1,
    corrects: previous?.version ?? null,
    refusal: refusalOf(build),
    files: build.files.map((file) => ({
      name: file.name,
      bytes: file.bytes,
      rows: build.rowCounts[file.name] ?? null,
    })),
    changes: build.changes,
  }
}

async function prepareRelease(periodKey: string, now: Date) {
  const previous = await getLatestRelease(periodKey)
  const build = await buildReleaseFiles(periodKey, {
    version: (previous?.version ?? 0) + 1,
    previous: previous ? { version: previous.version, csv: previous.csv } : null,
    now,
  })
  return { previous, build }
}

/** Why the figures themselves can't be published: there are none, or none changed. */
function refusalOf(build: ReleaseBuild): 'noFigures' | 'unchanged' | null {
  if (Object.values(build.rowCounts).every((rows) => rows === 0)) return 'noFigures'
  if (build.changes && !hasChanges(build.changes)) return 'unchanged'
  return null
}

/** What a stored datapackage.json tells about its CSV files' keys. */
type StoredPackage = { resources: Array<{ path: string; schema?: { uniqueKeys?: string[][] } }> }

/** The period's latest release with its CSV files, keyed as its data package keyed them. */
async function getLatestRelease(periodKey: string): Promise<(PreviousRelease & { id: string }) | null> {
  const release = await prisma.openDataRelease.findFirst({
    where: { period: periodKey },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, files: { select: { name: true, content: true } } },
  })
  if (!release) return null
  const packageFile = release.files.find((file) => file.name === PACKAGE_FILE)
  const descriptor = packageFile ? (JSON.parse(Buffer.from(packageFile.content).toString('utf8')) as StoredPackage) : null
  const keys = new Map((descriptor?.resources ?? []).map((resource) => [resource.path, resource.schema?.uniqueKeys?.[0] ?? []]))
  const csv: CsvText[] = release.files
    .filter((file) => file.name.endsWith('.csv'))
    .map((file) => ({ name: file.name, text: Buffer.from(file.content).toString('utf8'), rowKey: keys.get(file.name) ?? [] }))
  return { id: release.id, version: release.version, csv }
}

const fileListSelect = { name: true, mediaType: true, bytes: true, sha256: true } satisfies Prisma.OpenDataFileSelect

/**
 * Every release by period, newest first; with its files
 * (not their content) and, for a correction, what changed.
 */
export async function listReleases() {
  const releases = await prisma.openDataRelease.findMany({
    orderBy: [{ publishedAt: 'desc' }, { version: 'desc' }],
    select: {
      id: true,
      period: true,
      version: true,
      methodologyCode: true,
      notes: true,
      notesEn: true,
      correctsId: true,
      publishedAt: true,
      files: { select: fileListSelect, orderBy: { name: 'asc' } },
    },
  })
  const changes = await prisma.openDataFile.findMany({
    where: { name: CHANGES_FILE, releaseId: { in: releases.filter((r) => r.correctsId).map((r) => r.id) } },
    select: { releaseId: true, content: true },
  })
  const changesOf = new Map(
    changes.map((file) => [file.releaseId, JSON.parse(Buffer.from(file.content).toString('utf8')) as ChangeSummary]),
  )
  const versionOf = new Map(releases.map((release) => [release.id, release.version]))
  const listed = releases.map((release) => ({
    period: release.period,
    version: release.version,
    methodologyCodes: release.methodologyCode.split(',').filter(Boolean),
    notes: { vi: release.notes, en: release.notesEn },
    publishedAt: release.publishedAt.toISOString(),
    correctsVersion: release.correctsId ? versionOf.get(release.correctsId) ?? null : null,
    changes: changesOf.get(release.id) ?? null,
    files: release.files,
  }))
  // Grouped by period, the period published most recently first.
  const periods = [...new Set(listed.map((release) => release.period))]
  return periods.map((period) => ({
    period,
    label: parsePeriod(period)?.label ?? { vi: period, en: period },
    releases: listed.filter((release) => release.period === period),
  }))
}

export type ListedPeriod = Awaited<ReturnType<typeof listReleases>>[number]
export type ListedRelease = ListedPeriod['releases'][number]

/** One stored file of a release, or null when the period, version or name names none. */
export async function getReleaseFile(periodKey: string, version: number, name: string) {
  const file = await prisma.openDataFile.findFirst({
    where: { name, release: { period: periodKey, version } },
    select: { ...fileListSelect, content: true },
  })
  return file ? { ...file, content: Buffer.from(file.content) } : null
}
