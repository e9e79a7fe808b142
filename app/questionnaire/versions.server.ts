import { randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { type Definition, DefinitionSchema } from './definition'
import { itemRows } from './item-rows'
import { type Problem, publishProblems } from './publish-rules'

/*
 * The lifecycle of a questionnaire version: draft → published → retired. A published version
 * never changes (a database trigger refuses it, migration `questionnaire_immutability`);
 * editing one means copying it into a new draft with the next version number.
 */

export async function createQuestionnaire(input: { slug: string; title: string; titleEn: string }) {
  const questionnaireId = randomUUID()
  await prisma.questionnaire.create({ data: { id: questionnaireId, ...input }, select: { id: true } })
  return { questionnaireId }
}

/**
 * A new draft, numbered after the questionnaire's latest version.
 * NOTE: two drafts created at the same instant collide on the (questionnaire, version) unique key;
 * the loser gets the database error rather than a silently duplicated number.
 */
export async function createDraft(input: {
  questionnaireId: string
  definition: Definition
  methodologyCode: string
  createdById?: string | null
}) {
  const latest = await prisma.questionnaireVersion.aggregate({
    where: { questionnaireId: input.questionnaireId },
    _max: { version: true },
  })
  const versionId = randomUUID()
  await prisma.questionnaireVersion.create({
    data: {
      id: versionId,
      questionnaireId: input.questionnaireId,
      version: (latest._max.version ?? 0) + 1,
      methodologyCode: input.methodologyCode,
      definition: input.definition as Prisma.InputJsonValue,
      createdById: input.createdById ?? null,
    },
    select: { id: true },
  })
  return { versionId }
}

/** Saves the editor's work; false when the version is no longer a draft. */
export async function updateDraft(versionId: string, definition: Definition): Promise<boolean> {
  const { count } = await prisma.questionnaireVersion.updateMany({
    where: { id: versionId, status: 'draft' },
    data: { definition: definition as Prisma.InputJsonValue },
  })
  return count === 1
}

export type PublishResult = { published: true } | { published: false; problems: Problem[] }

/**
 * Checks the publishing rules, writes the item rows and freezes the version, all in one
 * transaction. Items are written while the version is still a draft, then the status flips:
 * the immutability trigger refuses item writes on a published version.
 */
export async function publishVersion(versionId: string, actorId?: string | null): Promise<PublishResult> {
  return prisma.$transaction(async (tx) => {
    // Locks the row first so two administrators publishing at once are serialised.
    const { count } = await tx.questionnaireVersion.updateMany({
      where: { id: versionId, status: 'draft' },
      data: { updatedAt: new Date() },
    })
    if (count === 0) return { published: false, problems: [{ code: 'publish.notDraft', params: {} }] }
    const version = await tx.questionnaireVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: { definition: true, version: true, questionnaireId: true },
    })
    const problems = publishProblems(version.definition)
    if (problems.length > 0) return { published: false, problems }

    const definition = DefinitionSchema.parse(version.definition)
    await tx.item.deleteMany({ where: { versionId } })
    await tx.item.createMany({ data: itemRows(definition).map((row) => ({ ...row, versionId })) })
    await tx.questionnaireVersion.update({
      where: { id: versionId },
      // The parsed definition, so defaults (required, allowDontKnow…) are stored explicitly.
      data: { status: 'published', publishedAt: new Date(), definition: definition as Prisma.InputJsonValue },
      select: { id: true },
    })
    await recordAudit(
      'questionnaire.published',
      { actorId, target: `questionnaire_version:${versionId}`, details: { version: version.version } },
      tx,
    )
    return { published: true }
  })
}

/** Stops a version from being used by new campaigns; false when it was not published. */
export async function retireVersion(versionId: string, actorId?: string | null): Promise<boolean> {
  const { count } = await prisma.questionnaireVersion.updateMany({
    where: { id: versionId, status: 'published' },
    data: { status: 'retired', retiredAt: new Date() },
  })
  if (count === 1) await recordAudit('questionnaire.retired', { actorId, target: `questionnaire_version:${versionId}` })
  return count === 1
}

/** Editing a published (or any) version: a new draft with its definition and the next number. */
export async function copyToNewDraft(versionId: string, createdById?: string | null) {
  const source = await prisma.questionnaireVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { questionnaireId: true, methodologyCode: true, definition: true },
  })
  return createDraft({
    questionnaireId: source.questionnaireId,
    methodologyCode: source.methodologyCode,
    definition: DefinitionSchema.parse(source.definition),
    createdById,
  })
}

const publishedItemSelect = {
  id: true,
  code: true,
  kind: true,
  elementCode: true,
  positive: true,
} satisfies Prisma.ItemSelect

/**
 * A version that has been published (and possibly retired since), with its item rows in
 * questionnaire order; null for drafts and unknown ids. Retired versions are returned because
 * their responses still need rendering and aggregating.
 */
export async function getPublishedVersion(versionId: string) {
  const version = await prisma.questionnaireVersion.findFirst({
    where: { id: versionId, status: { in: ['published', 'retired'] } },
    select: {
      id: true,
      status: true,
      version: true,
      methodologyCode: true,
      definition: true,
      items: { select: publishedItemSelect, orderBy: { position: 'asc' } },
    },
  })
  if (!version) return null
  return { ...version, definition: DefinitionSchema.parse(version.definition) }
}

/** Every questionnaire with its versions, newest first, for the editor's list. */
export function listQuestionnaires() {
  return prisma.questionnaire.findMany({
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      slug: true,
      title: true,
      titleEn: true,
      versions: {
        orderBy: { version: 'desc' },
        select: { id: true, version: true, status: true, methodologyCode: true, publishedAt: true, updatedAt: true },
      },
    },
  })
}

/**
 * Any version, drafts included, for the editor; with the version before it so the page can
 * show what changed. The definition is returned as stored: a draft may not pass the rules yet.
 */
export async function getVersionForEditor(versionId: string) {
  const version = await prisma.questionnaireVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      version: true,
      status: true,
      methodologyCode: true,
      definition: true,
      publishedAt: true,
      retiredAt: true,
      questionnaire: { select: { id: true, slug: true, title: true, titleEn: true } },
    },
  })
  if (!version) return null
  const previous = await prisma.questionnaireVersion.findFirst({
    where: { questionnaireId: version.questionnaire.id, version: { lt: version.version } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, definition: true },
  })
  return {
    ...version,
    definition: DefinitionSchema.parse(version.definition),
    previous: previous ? { ...previous, definition: DefinitionSchema.parse(previous.definition) } : null,
  }
}

/** Published versions a new campaign may use. */
export function listPublishedVersions() {
  return prisma.questionnaireVersion.findMany({
    where: { status: 'published' },
    orderBy: [{ publishedAt: 'desc' }],
    select: { id: true, version: true, methodologyCode: true, questionnaire: { select: { slug: true, title: true, titleEn: true } } },
  })
}
