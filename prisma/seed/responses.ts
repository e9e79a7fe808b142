import { createHash } from 'node:crypto'
import { visibleItems } from '~/questionnaire/conditions'
import { DONT_KNOW, NOT_APPLICABLE, SCALE_KINDS, type Definition } from '~/questionnaire/definition'
import type { StoredResponse } from '~/responses/store.server'
import { createRandom, type Random } from './random'

export type SeedServicePoint = { id: string; agencyId: string; provinceId: string; provinceBefore: string; quality: number }
export type SeedCampaign = { id: string; versionId: string; year: number }

const CHANNELS = ['kiosk', 'kiosk', 'phone', 'phone', 'phone', 'paper', 'paper', 'web'] as const
const MERGER_DAY = '2025-07-01'
/**
 * A respondent's own draws (their overall experience, and which answer each element's general
 * item follows) come from a generator of their own, seeded by their position, so the main sequence
 * (who answered where, when, through which channel) is the same as without them.
 */
const RESPONDENT_SEED = 0x5a1d_2026
/** How far one respondent's experience moves their chance of a positive answer (sd). */
const EXPERIENCE_SPREAD = 0.08
/**
 * Each element's general item repeats the respondent's answer to its first criterion with this
 * probability, to its second with the next, else is drawn on its own: satisfaction with an element
 * is driven by its criteria, unequally, as in real data, and its distribution is unchanged, since
 * every scale answer of a respondent is drawn from the same distribution (the analysis page's key
 * drivers, docs/decisions/030-analysis.md).
 */
const FOLLOWS_FIRST = 0.5
const FOLLOWS_SECOND = 0.2

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
    const answers = answerQuestionnaire(random, definition, sp.quality, createRandom(RESPONDENT_SEED + i))
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

function answerQuestionnaire(random: Random, definition: Definition, servicePointQuality: number, respondent: Random) {
  const experience = Math.min(1, Math.max(0.02, servicePointQuality + EXPERIENCE_SPREAD * respondent.normal()))
  const quality = servicePointQuality
  const answers = new Map<string, number[]>([[definition.screening.item, [definition.screening.eligible[0]!]]])
  // One pass per section is enough: conditions only point at earlier items.
  for (const item of visibleItems(definition, answers)) {
    if (answers.has(item.code) || item.kind === 'text') continue
    if (!item.required && random.next() < 0.1) continue
    if (SCALE_KINDS.includes(item.kind)) {
      if (item.allowNotApplicable && random.next() < 0.05) answers.set(item.code, [NOT_APPLICABLE])
      else if (item.allowDontKnow && random.next() < 0.04) answers.set(item.code, [DONT_KNOW])
      else answers.set(item.code, [scaleAnswer(random, experience)])
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
      answers.set(item.code, [scaleAnswer(random, experience)])
    }
  }
  followCriteria(definition, answers, respondent)
  return answers
}

/** Each element's general item follows its first two criteria (FOLLOWS_FIRST, FOLLOWS_SECOND). */
function followCriteria(definition: Definition, answers: Map<string, number[]>, respondent: Random) {
  for (const element of definition.methodology.elements) {
    const general = element.generalItem ? answers.get(element.generalItem) : undefined
    if (!general || general[0]! < 1) continue
    const u = respondent.next()
    const followed = u < FOLLOWS_FIRST ? element.items[0] : u < FOLLOWS_FIRST + FOLLOWS_SECOND ? element.items[1] : undefined
    const value = followed ? answers.get(followed)?.[0] : undefined
    if (value !== undefined && value >= 1) general[0] = value
  }
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
