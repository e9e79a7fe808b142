import { createCampaign, setShortFormChannels } from '~/questionnaire/campaigns.server'

/**
 * A demo campaign asking the phone the short form (docs/decisions/027-short-forms.md): the
 * province's own campaign at one service point (a provincial campaign comes before the national
 * one there), so its QR code opens the core and one block while every other service point keeps
 * the full form. Kiosk and paper stay on the full form.
 */
export async function seedShortFormCampaign(options: { versionId: string; provinceId: string; servicePointId: string; year: number }) {
  const { campaignId } = await createCampaign({
    name: `Khảo sát SIPAS năm ${options.year} — thí điểm phiếu rút gọn qua điện thoại`,
    nameEn: `SIPAS survey ${options.year} — short form by phone (pilot)`,
    startsOn: new Date(`${options.year}-01-01`),
    endsOn: new Date(`${options.year}-12-31`),
    provinceId: options.provinceId,
    versionId: options.versionId,
    servicePointIds: [options.servicePointId],
  })
  await setShortFormChannels(campaignId, ['phone'])
  return campaignId
}
