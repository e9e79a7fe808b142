import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { sipas2023 } from './templates/sipas-2023'
import {
  copyToNewDraft,
  createDraft,
  createQuestionnaire,
  getPublishedVersion,
  publishVersion,
  retireVersion,
  updateDraft,
} from './versions.server'

let serial = 0

async function createPublishedVersion() {
  const { questionnaireId } = await createQuestionnaire({
    slug: `sipas-${++serial}-${Date.now()}`,
    title: 'Khảo sát SIPAS',
    titleEn: 'SIPAS survey',
  })
  const { versionId } = await createDraft({ questionnaireId, definition: sipas2023, methodologyCode: 'sipas-2023' })
  expect(await publishVersion(versionId)).toEqual({ published: true })
  return { questionnaireId, versionId }
}

describe('publishing a version', () => {
  test('writes one item row per item with its element, and freezes the status', async () => {
    const { versionId } = await createPublishedVersion()
    const version = await getPublishedVersion(versionId)

    expect(version?.status).toBe('published')
    expect(version?.items.map((item) => item.code)).toEqual(
      sipas2023.sections.flatMap((section) => section.items.map((item) => item.code)),
    )
    const byCode = new Map(version?.items.map((item) => [item.code, item]))
    expect(byCode.get('svc.access.seats')).toMatchObject({ elementCode: 'access', kind: 'satisfaction5', positive: [4, 5] })
    expect(byCode.get('svc.access.general')).toMatchObject({ elementCode: 'access' })
    expect(byCode.get('perc.informal_payment')).toMatchObject({ elementCode: null, positive: [2] })
    const general = await prisma.item.count({ where: { versionId, isGeneral: true } })
    expect(general).toBe(6)
  })

  test('is refused with the list of problems when a translation is missing', async () => {
    const { questionnaireId } = await createQuestionnaire({ slug: `broken-${Date.now()}`, title: 'Nháp', titleEn: 'Draft' })
    const definition = structuredClone(sipas2023)
    definition.title.en = ''
    const { versionId } = await createDraft({ questionnaireId, definition, methodologyCode: 'sipas-2023' })

    const result = await publishVersion(versionId)

    expect(result).toEqual({
      published: false,
      problems: [{ code: 'publish.missingEnglish', params: { location: 'title' } }],
    })
    expect(await prisma.item.count({ where: { versionId } })).toBe(0)
    expect(await getPublishedVersion(versionId)).toBeNull()
  })

  test('a second publish of the same version is refused as not a draft', async () => {
    const { versionId } = await createPublishedVersion()
    expect(await publishVersion(versionId)).toEqual({
      published: false,
      problems: [{ code: 'publish.notDraft', params: {} }],
    })
  })

  test('records who published it in the audit log', async () => {
    const { versionId } = await createPublishedVersion()
    const events = await prisma.auditEvent.count({
      where: { action: 'questionnaire.published', target: `questionnaire_version:${versionId}` },
    })
    expect(events).toBe(1)
  })
})

describe('a published version is immutable in the database', () => {
  test('a raw UPDATE of its definition is refused by the trigger', async () => {
    const { versionId } = await createPublishedVersion()
    await expect(
      prisma.$executeRaw`UPDATE "QuestionnaireVersion" SET "definition" = '{}'::jsonb WHERE "id" = ${versionId}`,
    ).rejects.toThrow(/immutable/)
    const version = await getPublishedVersion(versionId)
    expect(version?.definition).toEqual(sipas2023)
  })

  test('its methodology code and number cannot change either', async () => {
    const { versionId } = await createPublishedVersion()
    await expect(
      prisma.$executeRaw`UPDATE "QuestionnaireVersion" SET "methodologyCode" = 'sipas-2017' WHERE "id" = ${versionId}`,
    ).rejects.toThrow(/immutable/)
    await expect(
      prisma.$executeRaw`UPDATE "QuestionnaireVersion" SET "version" = 99 WHERE "id" = ${versionId}`,
    ).rejects.toThrow(/immutable/)
  })

  test('saving the editor’s work no longer touches it', async () => {
    const { versionId } = await createPublishedVersion()
    expect(await updateDraft(versionId, { ...sipas2023, title: { vi: 'Mới', en: 'New' } })).toBe(false)
    expect((await getPublishedVersion(versionId))?.definition.title.en).toBe(sipas2023.title.en)
  })

  test('its item rows cannot be inserted, updated or deleted', async () => {
    const { versionId } = await createPublishedVersion()
    await expect(
      prisma.$executeRaw`UPDATE "Item" SET "positive" = ARRAY[1,2,3,4,5] WHERE "versionId" = ${versionId}`,
    ).rejects.toThrow(/immutable/)
    await expect(prisma.$executeRaw`DELETE FROM "Item" WHERE "versionId" = ${versionId}`).rejects.toThrow(/immutable/)
    await expect(
      prisma.item.create({
        data: { versionId, code: 'extra.item', position: 999, sectionCode: 'extra', kind: 'yesNo', positive: [1] },
      }),
    ).rejects.toThrow(/immutable/)
    expect(await prisma.item.count({ where: { versionId, positive: { equals: [4, 5] } } })).toBeGreaterThan(0)
  })

  test('it cannot be deleted', async () => {
    const { versionId } = await createPublishedVersion()
    await expect(prisma.$executeRaw`DELETE FROM "QuestionnaireVersion" WHERE "id" = ${versionId}`).rejects.toThrow(
      /cannot be deleted/,
    )
  })

  test('it can be retired, and a retired version can neither come back nor change', async () => {
    const { versionId } = await createPublishedVersion()
    expect(await retireVersion(versionId)).toBe(true)
    expect((await getPublishedVersion(versionId))?.status).toBe('retired')
    await expect(
      prisma.$executeRaw`UPDATE "QuestionnaireVersion" SET "status" = 'published' WHERE "id" = ${versionId}`,
    ).rejects.toThrow(/cannot go from retired to published/)
    await expect(
      prisma.$executeRaw`UPDATE "QuestionnaireVersion" SET "definition" = '{}'::jsonb WHERE "id" = ${versionId}`,
    ).rejects.toThrow(/immutable/)
  })

  test('a draft stays editable, items included', async () => {
    const { questionnaireId } = await createQuestionnaire({ slug: `draft-${Date.now()}`, title: 'Nháp', titleEn: 'Draft' })
    const { versionId } = await createDraft({ questionnaireId, definition: sipas2023, methodologyCode: 'sipas-2023' })
    expect(await updateDraft(versionId, { ...sipas2023, title: { vi: 'Mới', en: 'New' } })).toBe(true)
    await prisma.item.create({
      data: { versionId, code: 'scratch', position: 1, sectionCode: 'demo', kind: 'yesNo', positive: [1] },
    })
    expect(await prisma.$executeRaw`DELETE FROM "QuestionnaireVersion" WHERE "id" = ${versionId}`).toBe(1)
  })
})

describe('editing a published version', () => {
  test('copies it into a new draft numbered n + 1, leaving the original published', async () => {
    const { questionnaireId, versionId } = await createPublishedVersion()

    const { versionId: draftId } = await copyToNewDraft(versionId)

    const versions = await prisma.questionnaireVersion.findMany({
      where: { questionnaireId },
      orderBy: { version: 'asc' },
      select: { id: true, version: true, status: true, definition: true },
    })
    expect(versions.map(({ id, version, status }) => ({ id, version, status }))).toEqual([
      { id: versionId, version: 1, status: 'published' },
      { id: draftId, version: 2, status: 'draft' },
    ])
    expect(versions[1]?.definition).toEqual(sipas2023)
    expect(await prisma.item.count({ where: { versionId: draftId } })).toBe(0)
  })
})
