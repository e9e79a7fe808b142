import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createAgency, createProvince, createServicePoint } from '../../test/factories/units'
import { CampaignError, createCampaign, getActiveCampaign } from './campaigns.server'
import { sipas2017 } from './templates/sipas-2017'
import { sipas2023 } from './templates/sipas-2023'
import type { Definition } from './definition'
import { createDraft, createQuestionnaire, publishVersion, retireVersion } from './versions.server'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

async function publish(definition: Definition, methodologyCode: string) {
  const { questionnaireId } = await createQuestionnaire({
    slug: `${methodologyCode}-${crypto.randomUUID()}`,
    title: 'Khảo sát',
    titleEn: 'Survey',
  })
  const { versionId } = await createDraft({ questionnaireId, definition, methodologyCode })
  await publishVersion(versionId)
  return versionId
}

async function createServicePointInNewProvince() {
  const province = await createProvince()
  const agency = await createAgency({ provinceId: province.id })
  return { province, servicePoint: await createServicePoint(agency) }
}

const campaign = (versionId: string, servicePointIds: string[], startsOn: string, endsOn: string) => ({
  name: `Đợt ${startsOn}`,
  nameEn: `Round ${startsOn}`,
  startsOn: day(startsOn),
  endsOn: day(endsOn),
  versionId,
  servicePointIds,
})

describe('the campaign a service point answers', () => {
  test('is the one running on that date, with its version', async () => {
    const { servicePoint } = await createServicePointInNewProvince()
    const v2017 = await publish(sipas2017, 'sipas-2017')
    const v2023 = await publish(sipas2023, 'sipas-2023')
    const { campaignId: first } = await createCampaign(campaign(v2017, [servicePoint.id], '2022-01-01', '2022-12-31'))
    const { campaignId: second } = await createCampaign(campaign(v2023, [servicePoint.id], '2023-01-01', '2023-12-31'))

    const in2022 = await getActiveCampaign({ servicePointId: servicePoint.id }, day('2022-12-31'))
    const in2023 = await getActiveCampaign({ servicePointCode: servicePoint.code }, day('2023-01-01'))

    expect(in2022).toMatchObject({ id: first, version: { id: v2017, methodologyCode: 'sipas-2017' } })
    expect(in2023).toMatchObject({ id: second, version: { id: v2023, methodologyCode: 'sipas-2023' } })
    expect(await getActiveCampaign({ servicePointId: servicePoint.id }, day('2024-01-01'))).toBeNull()
  })

  test('includes only the service points taking part', async () => {
    const { servicePoint: taking } = await createServicePointInNewProvince()
    const { servicePoint: other } = await createServicePointInNewProvince()
    const versionId = await publish(sipas2023, 'sipas-2023')
    await createCampaign(campaign(versionId, [taking.id], '2025-01-01', '2025-12-31'))

    expect(await getActiveCampaign({ servicePointId: taking.id }, day('2025-06-01'))).not.toBeNull()
    expect(await getActiveCampaign({ servicePointId: other.id }, day('2025-06-01'))).toBeNull()
    expect(await getActiveCampaign({ servicePointCode: 'NO-SUCH-CODE' }, day('2025-06-01'))).toBeNull()
  })

  test('is the province’s own campaign when a national one runs at the same time', async () => {
    const { province, servicePoint } = await createServicePointInNewProvince()
    const national = await publish(sipas2023, 'sipas-2023')
    const provincial = await publish(sipas2023, 'sipas-2023')
    await createCampaign(campaign(national, [servicePoint.id], '2026-01-01', '2026-12-31'))
    const { campaignId } = await createCampaign({
      ...campaign(provincial, [servicePoint.id], '2026-03-01', '2026-05-31'),
      provinceId: province.id,
    })

    const active = await getActiveCampaign({ servicePointId: servicePoint.id }, day('2026-04-15'))
    expect(active).toMatchObject({ id: campaignId, provinceId: province.id, version: { id: provincial } })
    const afterwards = await getActiveCampaign({ servicePointId: servicePoint.id }, day('2026-06-01'))
    expect(afterwards).toMatchObject({ provinceId: null, version: { id: national } })
  })

  test('stops once its version is retired', async () => {
    const { servicePoint } = await createServicePointInNewProvince()
    const versionId = await publish(sipas2023, 'sipas-2023')
    await createCampaign(campaign(versionId, [servicePoint.id], '2027-01-01', '2027-12-31'))
    await retireVersion(versionId)

    expect(await getActiveCampaign({ servicePointId: servicePoint.id }, day('2027-06-01'))).toBeNull()
  })
})

describe('creating a campaign', () => {
  test('is refused for a draft version', async () => {
    const { servicePoint } = await createServicePointInNewProvince()
    const { questionnaireId } = await createQuestionnaire({ slug: `draft-${crypto.randomUUID()}`, title: 'Nháp', titleEn: 'Draft' })
    const { versionId } = await createDraft({ questionnaireId, definition: sipas2023, methodologyCode: 'sipas-2023' })

    await expect(createCampaign(campaign(versionId, [servicePoint.id], '2025-01-01', '2025-12-31'))).rejects.toThrow(
      new CampaignError('campaigns.errors.versionNotPublished'),
    )
  })

  test('is refused when a provincial campaign lists another province’s service point', async () => {
    const { province } = await createServicePointInNewProvince()
    const { servicePoint: elsewhere } = await createServicePointInNewProvince()
    const versionId = await publish(sipas2023, 'sipas-2023')

    await expect(
      createCampaign({ ...campaign(versionId, [elsewhere.id], '2025-01-01', '2025-12-31'), provinceId: province.id }),
    ).rejects.toThrow('campaigns.errors.servicePointOutsideProvince')
    expect(await prisma.campaign.count({ where: { versionId } })).toBe(0)
  })

  test('is refused when it ends before it starts', async () => {
    const versionId = await publish(sipas2023, 'sipas-2023')
    await expect(createCampaign(campaign(versionId, [], '2025-12-31', '2025-01-01'))).rejects.toThrow(
      'campaigns.errors.endsBeforeStart',
    )
  })
})
