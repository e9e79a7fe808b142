import { createHash } from 'node:crypto'
import { visibleItems } from '~/questionnaire/conditions'
import { DONT_KNOW, NOT_APPLICABLE, SCALE_KINDS, type Definition } from '~/questionnaire/definition'
import type { StoredResponse } from '~/responses/store.server'
import type { Random } from './random'

export type SeedServicePoint = { id: string; agencyId: string; provinceId: string; provinceBefore: string; quality: number }
export type SeedCampaign = { id: string; versionId: string; year: number }

const CHANNELS = ['kiosk', 'kiosk', 'phone', 'phone', 'phone', 'paper', 'paper', 'web'] as const
const MERGER_DAY = '2025-07-01'
const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, chu đáo.',
  'Thời gian chờ đợi còn lâu, cần thêm quầy tiếp nhận.',
  'Nên bổ sung ghế ngồi và nước uống cho người dân.',
  'Thủ tục rõ ràng, trả kết quả đúng hẹn.',
]

/**
 * Demo responses: satisfaction depends on the service point's `quality` (province and agency
 * effects) plus noise, so rankings are meaningful. Answers respect the display conditions.
 */
export function generateResponses(
  random: Random,
  count: number,
  definition: Definition,
  itemIds: ReadonlyMap<string, number>,
  servicePoints: readonly SeedServicePoint[],
  campaigns: readonly SeedCampaign[],
  period: { from: string; to: string },
): StoredResponse[] {
  const fromMs = Date.parse(period.from)
  const days = Math.floor((Date.parse(period.to) - fromMs) / 86_400_000) + 1
  const responses: StoredResponse[] = []
  for (let i = 0; i < count; i++) {
    const sp = random.pick(servicePoints)
    const day = new Date(fromMs + random.int(0, days - 1) * 86_400_000).toISOString().slice(0, 10)
    const campaign = campaigns.find((c) => c.year === Number(day.slice(0, 4)))!
    const answers = answerQuestionnaire(random, definition, sp.quality)
    const id = random.uuid()
    const flat = [...answers].flatMap(([code, values]) => values.map((value) => ({ itemId: itemIds.get(code)!, value })))
    responses.push({
      id,
      receiptId: `R-${id.slice(0, 8).toUpperCase()}`,
      bodyHash: createHash('sha256').update(JSON.stringify(flat)).digest('hex'),
      versionId: campaign.versionId,
      campaignId: campaign.id,
      servicePointId: sp.id,
      agencyId: sp.agencyId,
      // Before the merger the service point belonged to its old province.
      provinceId: day < MERGER_DAY ? sp.provinceBefore : sp.provinceId,
      channel: random.pick(CHANNELS),
      language: random.next() < 0.92 ? 'vi' : 'en',
      submittedOn: day,
      submittedAt: null,
      durationSeconds: random.int(90, 900),
      flags: 0,
      weight: 1,
      kioskId: null,
      answerItemIds: flat.map((answer) => answer.itemId),
      answerValues: flat.map((answer) => answer.value),
      comment: random.next() < 0.08 ? { itemCode: 'comment.suggestions', text: random.pick(COMMENTS) } : null,
    })
  }
  return responses
}

function answerQuestionnaire(random: Random, definition: Definition, quality: number) {
  const answers = new Map<string, number[]>([[definition.screening.item, [definition.screening.eligible[0]!]]])
  // One pass per section is enough: conditions only point at earlier items.
  for (const item of visibleItems(definition, answers)) {
    if (answers.has(item.code) || item.kind === 'text') continue
    if (!item.required && random.next() < 0.1) continue
    if (SCALE_KINDS.includes(item.kind)) {
      if (item.allowNotApplicable && random.next() < 0.05) answers.set(item.code, [NOT_APPLICABLE])
      else if (item.allowDontKnow && random.next() < 0.04) answers.set(item.code, [DONT_KNOW])
      else answers.set(item.code, [scaleAnswer(random, quality)])
    } else if (item.kind === 'number') {
      answers.set(item.code, [random.int(item.min ?? 1, Math.min(item.max ?? 5, 10))])
    } else {
      const options = (item.options ?? []).map((o) => o.value)
      if (options.length === 0) continue
      if (item.kind === 'multiSelect') {
        const ticked = new Set([random.pick(options), random.pick(options)])
        answers.set(item.code, [...ticked].sort((a, b) => a - b))
      } else {
        const positive = item.positive ?? []
        const favoured = positive.length && random.next() < quality ? random.pick(positive) : random.pick(options)
        answers.set(item.code, [favoured])
      }
    }
    // Newly visible conditional items are answered on the next pass below.
  }
  for (const item of visibleItems(definition, answers)) {
    if (!answers.has(item.code) && item.kind !== 'text' && SCALE_KINDS.includes(item.kind)) {
      answers.set(item.code, [scaleAnswer(random, quality)])
    }
  }
  return answers
}

/** 1–5 around the service point's quality (probability of a positive answer). */
function scaleAnswer(random: Random, quality: number) {
  const u = random.next()
  if (u < quality * 0.45) return 5
  if (u < quality) return 4
  if (u < quality + (1 - quality) * 0.6) return 3
  if (u < quality + (1 - quality) * 0.9) return 2
  return 1
}
