import { prisma } from '~/db.server'
import { getPlannedCampaign } from '~/sampling/plans.server'
import { getCampaignProgress } from '~/sampling/progress.server'
import { DEFAULT_MARGIN_OF_ERROR } from '~/sampling/sample-size'

/**
 * Sampling plans for the demo's national campaign (docs/decisions/028-sampling-plans.md), so its
 * progress page shows every status. The demo holds a small fraction of a real year's responses,
 * so realistic N (thousands served) would flag every service point; instead each service point's
 * N is chosen so that its target is its own projected count times a factor that cycles through
 * [0.6, 0.85, 1.25, 1.5, 0.95]: about three in five on track (or met), two in five flagged.
 * N comes from inverting n = N / (1 + N·e²): N = n / (1 − n·e²).
 */
const TARGET_FACTORS = [0.6, 0.85, 1.25, 1.5, 0.95]

export async function seedSamplingPlans(campaignId: string, now = new Date()) {
  const campaign = (await getPlannedCampaign(campaignId))!
  const progress = await getCampaignProgress(campaign, {}, 'vi', now)
  const e = DEFAULT_MARGIN_OF_ERROR
  await prisma.samplingPlan.createMany({
    data: progress.servicePoints.map((row, index) => {
      // Yamane never asks more than 1 / e² (400 at ±5 %), so the target stays below it.
      const target = Math.min(390, Math.max(10, Math.round(row.projected * TARGET_FACTORS[index % TARGET_FACTORS.length]!)))
      return {
        campaignId,
        servicePointId: row.id,
        populationN: Math.ceil(target / (1 - target * e * e)),
        marginOfError: e,
        confidence: index % 7 === 3 ? 0.99 : 0.95,
      }
    }),
  })
}
