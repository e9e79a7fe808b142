import { expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { paperResponseId } from '~/paper/response-id.server'
import { setShortFormChannels } from '~/questionnaire/campaigns.server'
import type { Definition } from '~/questionnaire/definition'
import { forgetSubmissionTargets } from '~/responses/target.server'
import { paperDefinition } from '../fixtures/paper-definition'
import { createClerk, createPaperBatch, createPaperCampaign, keySheet } from '../factories/paper'
import { createAgency, createProvince, createServicePoint } from '../factories/units'

/*
 * Paper sheets of a campaign asking paper the short form (docs/decisions/027-short-forms.md),
 * keyed through the keying screen's action: the block code printed on the sheet is keyed with
 * it and stored on the response; an answer to an item the block does not print, and a sheet
 * keyed without its block, are refused and store nothing.
 */

const definition: Definition = {
  ...paperDefinition,
  shortForm: {
    core: ['screen', 'svc.general', 'svc.channels', 'svc.online_used', 'svc.online_easy', 'comment'],
    blocks: [
      { code: 'a', title: { vi: 'Khối A', en: 'Block A' }, items: ['svc.polite', 'svc.field'] },
      { code: 'b', title: { vi: 'Khối B', en: 'Block B' }, items: ['svc.rules'] },
    ],
  },
}
const blockA = (sheetNo: number, extra: Record<string, string> = {}) => ({
  sheetNo: String(sheetNo),
  sheetDate: '2026-03-02',
  sheetBlock: 'A',
  screen: '1',
  'svc.polite': '4',
  'svc.field': '10',
  'svc.channels': '31',
  'svc.online_used': '2',
  'svc.general': '5',
  ...extra,
})

test('short-form sheets: the keyed block is stored; an answer outside it or a missing block is refused', async () => {
  const province = await createProvince()
  const servicePoint = await createServicePoint(await createAgency({ provinceId: province.id }))
  const { campaignId } = await createPaperCampaign([servicePoint.id], { definition })
  await setShortFormChannels(campaignId, ['paper'])
  forgetSubmissionTargets()
  const clerk = await createClerk(province.id, [servicePoint.id])
  const batch = await createPaperBatch({ servicePointId: servicePoint.id, createdById: clerk.id })

  expect((await keySheet(clerk.id, batch.id, blockA(1))).status).toBe(302)
  const stored = await prisma.response.findUniqueOrThrow({ where: { id: paperResponseId(batch.id, 1) }, select: { formBlock: true, channel: true } })
  expect(stored).toEqual({ formBlock: 0, channel: 'paper' })

  const outside = await keySheet(clerk.id, batch.id, blockA(2, { 'svc.rules': '3' }))
  expect(outside.status).toBe(400)
  expect(outside.data).toMatchObject({ fieldErrors: { 'svc.rules': { key: 'submission:errors.item_not_asked' } } })

  const { sheetBlock: _block, ...withoutBlock } = blockA(3)
  await keySheet(clerk.id, batch.id, withoutBlock)
  expect(await prisma.response.count({ where: { id: { in: [paperResponseId(batch.id, 2), paperResponseId(batch.id, 3)] } } })).toBe(0)
})
