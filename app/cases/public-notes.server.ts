import { randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import type { PublishNote } from './public-notes'

/*
 * The "you said, we did" notes (PublicNote): what the public page lists, what the agency's page
 * lists, publishing (from an answered case or of the agency's own accord) and withdrawing.
 * Withdrawn notes are kept, out of the public page, so who published what stays answerable.
 */

/** How many notes the public page shows, newest first. */
const PUBLIC_NOTES_SHOWN = 100

/** A service point's public page header, by the code on its poster; null when there is none. */
export function getPublicServicePoint(code: string) {
  return prisma.servicePoint.findUnique({ where: { code }, select: { id: true, code: true, name: true, nameEn: true } })
}

/** The notes a service point shows the public: not withdrawn, newest first. */
export function listPublicNotes(servicePointId: string) {
  return prisma.publicNote.findMany({
    where: { servicePointId, withdrawnAt: null },
    orderBy: { publishedAt: 'desc' },
    take: PUBLIC_NOTES_SHOWN,
    select: { id: true, kind: true, said: true, did: true, publishedAt: true },
  })
}

/** Every note of an agency, withdrawn ones too, newest first, with its service point's name. */
export async function listAgencyNotes(agencyId: string) {
  const [notes, servicePoints] = await Promise.all([
    prisma.publicNote.findMany({
      where: { agencyId },
      orderBy: { publishedAt: 'desc' },
      select: { id: true, servicePointId: true, kind: true, said: true, did: true, publishedAt: true, withdrawnAt: true },
    }),
    listAgencyServicePoints(agencyId),
  ])
  const byId = new Map(servicePoints.map((point) => [point.id, point]))
  return notes.map((note) => ({ ...note, servicePoint: byId.get(note.servicePointId) ?? null }))
}

/** The service points a note of this agency may be published for. */
export function listAgencyServicePoints(agencyId: string) {
  return prisma.servicePoint.findMany({
    where: { agencyId },
    orderBy: { code: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true },
  })
}

/**
 * A draft note from one of the agency's answered (or closed) cases: its service point and its
 * public reply, for the manager to edit before publishing. Null when the case is not the
 * agency's or has no public reply yet.
 */
export async function getNoteDraftFromCase(agencyId: string, caseId: string) {
  const kase = await prisma.feedbackCase.findFirst({
    where: { id: caseId, agencyId, status: { in: ['answered', 'closed'] }, publicReply: { not: null } },
    select: { id: true, servicePointId: true, publicReply: true },
  })
  return kase ? { caseId: kase.id, servicePointId: kase.servicePointId, said: '', did: kase.publicReply ?? '' } : null
}

/**
 * Publishes a note for one of the agency's service points, recorded in the audit log. Refuses
 * (one field, nothing stored) a service point of another agency, or a case that is not one of
 * the agency's answered cases.
 */
export async function publishNote(
  agencyId: string,
  note: PublishNote,
  actorId: string,
): Promise<{ error: { field: string; key: string } } | { id: string }> {
  const servicePoint = await prisma.servicePoint.findFirst({ where: { id: note.servicePointId, agencyId }, select: { id: true } })
  if (!servicePoint) return { error: { field: 'servicePointId', key: 'notes.errors.servicePoint' } }
  if (note.caseId && !(await getNoteDraftFromCase(agencyId, note.caseId))) {
    return { error: { field: 'servicePointId', key: 'notes.errors.servicePoint' } }
  }
  const id = randomUUID()
  await prisma.$transaction(async (tx) => {
    await tx.publicNote.create({
      data: {
        id,
        servicePointId: servicePoint.id,
        agencyId,
        caseId: note.caseId,
        kind: note.caseId ? 'reply' : 'improvement',
        said: note.said,
        did: note.did,
        publishedById: actorId,
      },
      select: { id: true },
    })
    await recordAudit('public_note.published', { actorId, target: `public_note:${id}`, details: { agencyId, servicePointId: servicePoint.id, caseId: note.caseId } }, tx)
  })
  return { id }
}

/** Withdraws one of the agency's published notes; false when there is no such note still shown. */
export async function withdrawNote(agencyId: string, noteId: string, actorId: string, now = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.publicNote.updateMany({
      where: { id: noteId, agencyId, withdrawnAt: null },
      data: { withdrawnAt: now, withdrawnById: actorId },
    })
    if (count === 0) return false
    await recordAudit('public_note.withdrawn', { actorId, target: `public_note:${noteId}`, details: { agencyId } }, tx)
    return true
  })
}
