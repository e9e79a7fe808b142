import { randomUUID } from 'node:crypto'
import type { RawResponse } from '~/aggregation/reference'
import { prisma } from '~/db.server'
import type { Channel } from '~/generated/prisma/enums'
import { createCampaign } from '~/questionnaire/campaigns.server'
import { type Definition, allItems } from '~/questionnaire/definition'
import { TEMPLATES, type TemplateCode } from '~/questionnaire/templates'
import { createDraft, createQuestionnaire, getPublishedVersion, publishVersion } from '~/questionnaire/versions.server'
import { type StoredResponse, insertResponses } from '~/responses/store.server'

/*
 * Test support for the integration tests that read figures (aggregation, rankings, dashboards):
 * a small survey world (provinces with lineage, agencies, service points, published SIPAS
 * versions, a campaign) and responses stored through the one write path, insertResponses,
 * alongside the same responses in the shape the reference implementation reads.
 */

export type SurveyVersion = { id: string; methodologyCode: string; definition: Definition; itemIds: Map<string, number> }
export type SurveyServicePoint = { id: string; agencyId: string; provinceId: string }

export type Survey = {
  versions: SurveyVersion[]
  servicePoints: SurveyServicePoint[]
  campaignId: string
}

/**
 * `provinces` current provinces, each with `agencies` agencies of `servicePoints` service points.
 * `merged` old provinces become predecessors of the first current province on `mergedOn`.
 * `versions` lists the templates to publish, in order (a template twice gives two versions of
 * one series, as after an edit).
 */
export async function createSurvey(options: {
  provinces: number
  agencies: number
  servicePoints: number
  merged?: { ids: string[]; on: string }
  versions: TemplateCode[]
}): Promise<Survey> {
  const tag = randomUUID().slice(0, 6)
  const provinceIds = Array.from({ length: options.provinces }, (_, i) => `prov-${tag}-${i}`)
  await prisma.adminUnit.createMany({
    data: provinceIds.map((id, i) => ({ id, code: `${tag}${i}`, name: `Tỉnh ${i}`, kind: 'province' as const })),
  })
  if (options.merged) {
    const on = new Date(options.merged.on)
    await prisma.adminUnit.createMany({
      data: options.merged.ids.map((id) => ({ id, code: id, name: id, kind: 'province' as const, validTo: on })),
    })
    await prisma.unitLineage.createMany({
      data: options.merged.ids.map((id) => ({ predecessorId: id, successorId: provinceIds[0]!, effectiveOn: on })),
    })
  }
  const servicePoints: SurveyServicePoint[] = []
  for (const provinceId of provinceIds) {
    for (let a = 0; a < options.agencies; a++) {
      const agencyId = `${provinceId}-ag${a}`
      await prisma.agency.create({
        data: { id: agencyId, code: agencyId, name: agencyId, nameEn: agencyId, kind: 'department', provinceId },
      })
      for (let s = 0; s < options.servicePoints; s++) {
        const id = `${agencyId}-sp${s}`
        await prisma.servicePoint.create({ data: { id, code: id, name: id, nameEn: id, agencyId, provinceId } })
        servicePoints.push({ id, agencyId, provinceId })
      }
    }
  }
  const { questionnaireId } = await createQuestionnaire({ slug: `sipas-${tag}`, title: 'SIPAS', titleEn: 'SIPAS' })
  const versions: SurveyVersion[] = []
  for (const code of options.versions) {
    const { versionId } = await createDraft({ questionnaireId, definition: TEMPLATES[code], methodologyCode: code })
    const published = await publishVersion(versionId)
    if (!published.published) throw new Error(`Template ${code} does not publish`)
    const version = (await getPublishedVersion(versionId))!
    versions.push({
      id: versionId,
      methodologyCode: code,
      definition: version.definition,
      itemIds: new Map(version.items.map((item) => [item.code, item.id])),
    })
  }
  const { campaignId } = await createCampaign({
    name: 'Test',
    nameEn: 'Test',
    startsOn: new Date('2020-01-01'),
    endsOn: new Date('2030-12-31'),
    versionId: versions[0]!.id,
    servicePointIds: servicePoints.map((sp) => sp.id),
  })
  return { versions, servicePoints, campaignId }
}

export type ResponseSpec = {
  version: SurveyVersion
  servicePoint: SurveyServicePoint
  /** Overrides the service point's province (a response from before a merger). */
  provinceId?: string
  submittedOn: string
  channel?: Channel
  flags?: number
  weight?: number
  /** The response's id (random by default), e.g. to draw its short-form block from it. */
  id?: string
  /** The short-form block the response answered (null or absent: the full form). */
  formBlock?: number | null
  answers: { itemCode: string; value: number }[]
}

/**
 * `count` responses to the survey's first version on one day, spread over its service points in
 * turn, every scale item answered `value`: the rollup-fold tests' batches.
 */
export function storeUniformResponses(survey: Survey, count: number, value: number, submittedOn = '2025-03-10') {
  const version = survey.versions[0]!
  return storeResponses(
    survey,
    Array.from({ length: count }, (_, i) => ({
      version,
      servicePoint: survey.servicePoints[i % survey.servicePoints.length]!,
      submittedOn,
      answers: uniformAnswers(version.definition, value),
    })),
  )
}

/** Stores the responses through insertResponses and returns them as the reference reads them. */
export async function storeResponses(
  survey: Survey,
  specs: readonly ResponseSpec[],
  attributeProvince: (provinceId: string) => string = (id) => id,
): Promise<(RawResponse & { submittedOn: string; versionId: string; channel: Channel })[]> {
  const stored: StoredResponse[] = specs.map((spec) => {
    const id = spec.id ?? randomUUID()
    return {
      id,
      receiptId: `R-${id}`,
      bodyHash: id,
      versionId: spec.version.id,
      campaignId: survey.campaignId,
      servicePointId: spec.servicePoint.id,
      agencyId: spec.servicePoint.agencyId,
      provinceId: spec.provinceId ?? spec.servicePoint.provinceId,
      channel: spec.channel ?? 'kiosk',
      language: 'vi',
      submittedOn: spec.submittedOn,
      submittedAt: null,
      durationSeconds: null,
      flags: spec.flags ?? 0,
      weight: spec.weight ?? 1,
      kioskId: null,
      formBlock: spec.formBlock ?? null,
      answerItemIds: spec.answers.map((answer) => spec.version.itemIds.get(answer.itemCode)!),
      answerValues: spec.answers.map((answer) => answer.value),
      comment: null,
    }
  })
  for (let i = 0; i < stored.length; i += 500) await insertResponses(stored.slice(i, i + 500))
  return stored.map((response, i) => ({
    id: response.id,
    versionId: response.versionId,
    submittedOn: response.submittedOn,
    channel: response.channel,
    unitKeys: {
      servicePoint: response.servicePointId,
      agency: response.agencyId,
      province: attributeProvince(response.provinceId),
    },
    flags: response.flags,
    weight: response.weight,
    answers: specs[i]!.answers,
  }))
}

/** Every figure-bearing item answered `value` (options get their first value). */
export function uniformAnswers(definition: Definition, value: number): { itemCode: string; value: number }[] {
  return allItems(definition).flatMap((item) => {
    if (item.kind === 'text' || item.kind === 'number') return []
    if (item.kind === 'satisfaction5' || item.kind === 'agreement5') return [{ itemCode: item.code, value }]
    return [{ itemCode: item.code, value: item.options?.[0]?.value ?? 1 }]
  })
}
