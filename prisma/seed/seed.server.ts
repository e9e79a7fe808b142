import { foldPendingRollups } from '~/aggregation/rollup-fold.server'
import { hashPassword } from '~/auth/password.server'
import { prisma } from '~/db.server'
import { createCampaign } from '~/questionnaire/campaigns.server'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { createDraft, createQuestionnaire, getPublishedVersion, publishVersion } from '~/questionnaire/versions.server'
import { insertResponses } from '~/responses/store.server'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts'
import { seedDemoCases } from './cases'
import { seedDemoFeedback } from './feedback'
import { seedImprovementActions } from './improvement'
import { withDemoShortForm } from './short-form'
import { seedShortFormCampaign } from './short-form-campaign'
import { seedSamplingPlans } from './sampling'
import { COMMUNES, DEPARTMENTS } from './agencies'
import { generateResponses, type SeedServicePoint } from './responses'
import { createRandom } from './random'
import { currentProvinces, provinceUnits } from './units'

export const DEFAULT_SEED_RESPONSES = 24_000
const SEED = 20_240_701
const BATCH = 2_000
/** Where the province administrator and agency demo accounts work. */
export const DEMO_PROVINCE_CODE = '31'
/** The demo service point whose phone survey is the short form (a campaign of its province's own). */
export const DEMO_SHORT_FORM_SERVICE_POINT = `${DEMO_PROVINCE_CODE}YT`

/** Seeds an empty database with deterministic demo data; does nothing when units exist. */
export async function seedDemoData({ responses = DEFAULT_SEED_RESPONSES } = {}) {
  if ((await prisma.adminUnit.count()) > 0) return { seeded: false as const }
  const random = createRandom(SEED)

  const { units, lineage } = provinceUnits()
  await prisma.adminUnit.createMany({
    data: units.map((u) => ({
      ...u,
      validFrom: u.validFrom ? new Date(u.validFrom) : null,
      validTo: u.validTo ? new Date(u.validTo) : null,
    })),
  })
  await prisma.unitLineage.createMany({ data: lineage.map((l) => ({ ...l, effectiveOn: new Date(l.effectiveOn) })) })

  const servicePoints: (SeedServicePoint & { code: string })[] = []
  for (const [index, province] of currentProvinces().entries()) {
    const provinceEffect = 0.8 + 0.06 * random.normal()
    const centreId = `ag-${province.code}-TT`
    await prisma.agency.create({
      data: {
        id: centreId,
        code: `${province.code}-TT`,
        name: `Trung tâm Phục vụ hành chính công ${province.name}`,
        nameEn: `${province.name} Public Administrative Service Centre`,
        kind: 'service_centre',
        provinceId: province.id,
      },
    })
    const agencies = [
      ...DEPARTMENTS.map((d) => ({ ...d, kind: 'department' as const, parentId: null })),
      ...COMMUNES.map((c) => ({ ...c, kind: 'commune' as const, parentId: null })),
    ]
    for (const [i, agency] of agencies.entries()) {
      const agencyId = `ag-${province.code}-${agency.abbr}`
      await prisma.agency.create({
        data: {
          id: agencyId,
          code: `${province.code}-${agency.abbr}`,
          name: agency.kind === 'department' ? `${agency.name} ${province.name}` : agency.name,
          nameEn: agency.kind === 'department' ? `${province.name} ${agency.nameEn}` : agency.nameEn,
          kind: agency.kind,
          provinceId: province.id,
          parentId: agency.kind === 'department' ? null : null,
        },
      })
      const code = `${province.code}${agency.abbr}`
      const where =
        agency.kind === 'department'
          ? `Quầy ${agency.name} — Trung tâm Phục vụ hành chính công ${province.name}`
          : `Bộ phận Một cửa ${agency.name}`
      const whereEn =
        agency.kind === 'department'
          ? `${agency.nameEn} desk — ${province.name} Public Service Centre`
          : `One-stop desk, ${agency.nameEn}`
      await prisma.servicePoint.create({
        data: {
          id: `sp-${code}`,
          code,
          name: where,
          nameEn: whereEn,
          agencyId,
          provinceId: province.id,
          address: province.name,
        },
      })
      const quality = Math.min(0.97, Math.max(0.5, provinceEffect + 0.05 * random.normal()))
      servicePoints.push({
        id: `sp-${code}`,
        code,
        agencyId,
        provinceId: province.id,
        provinceBefore: province.predecessors[i % province.predecessors.length]!,
        quality,
      })
    }
    void index
  }

  const { questionnaireId } = await createQuestionnaire({
    slug: 'sipas',
    title: 'Phiếu khảo sát SIPAS',
    titleEn: 'SIPAS questionnaire',
  })
  const { versionId } = await createDraft({ questionnaireId, definition: withDemoShortForm(sipas2023), methodologyCode: 'sipas-2023' })
  const published = await publishVersion(versionId)
  if (!published.published)
    throw new Error(`The SIPAS 2023 template does not publish: ${JSON.stringify(published.problems)}`)
  const version = (await getPublishedVersion(versionId))!
  const campaigns = []
  for (const year of [2024, 2025, 2026]) {
    const { campaignId } = await createCampaign({
      name: `Khảo sát SIPAS năm ${year}`,
      nameEn: `SIPAS survey ${year}`,
      startsOn: new Date(`${year}-01-01`),
      endsOn: new Date(`${year}-12-31`),
      versionId,
      servicePointIds: servicePoints.map((sp) => sp.id),
    })
    campaigns.push({ id: campaignId, versionId, year })
  }
  await seedShortFormCampaign({ versionId, provinceId: currentProvinces().find((p) => p.code === DEMO_PROVINCE_CODE)!.id, servicePointId: `sp-${DEMO_SHORT_FORM_SERVICE_POINT}`, year: 2026 })

  const itemIds = new Map(version.items.map((item) => [item.code, item.id]))
  const generated = generateResponses(random, responses, sipas2023, itemIds, servicePoints, campaigns, {
    from: '2024-01-01',
    to: '2026-11-20',
  })
  for (let i = 0; i < generated.length; i += BATCH) await insertResponses(generated.slice(i, i + BATCH))
  await foldPendingRollups()
  await seedSamplingPlans(campaigns.find((campaign) => campaign.year === 2026)!.id)

  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const demoProvince = currentProvinces().find((p) => p.code === DEMO_PROVINCE_CODE)!
  const demoAgencyId = `ag-${DEMO_PROVINCE_CODE}-TP`
  for (const account of DEMO_ACCOUNTS) {
    const userId = `user-${account.role}`
    await prisma.user.create({
      data: {
        id: userId,
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash,
        provinceId: account.attach === 'none' ? null : demoProvince.id,
        agencyId: account.attach === 'agency' ? demoAgencyId : null,
      },
    })
    if (account.role === 'clerk') {
      await prisma.clerkAssignment.create({ data: { userId, servicePointId: `sp-${DEMO_PROVINCE_CODE}TP` } })
    }
  }
  await seedDemoCases(demoProvince.id, 'user-agency_manager', demoAgencyId)
  await seedDemoFeedback(`sp-${DEMO_PROVINCE_CODE}TP`, 'user-agency_manager')
  await seedImprovementActions(demoProvince.id, demoAgencyId, 'user-province_admin', 'user-agency_manager')
  return { seeded: true as const, responses: generated.length, servicePoints: servicePoints.length }
}
