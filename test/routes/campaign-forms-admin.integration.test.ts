import { describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import { proposeShortForm } from '~/questionnaire/short-form-design'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { action, loader } from '~/routes/admin.campaigns._index'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createSurveyPoint } from '../factories/submissions'

/*
 * /admin/campaigns, the form per channel (docs/decisions/027-short-forms.md): the Ministry
 * administrator sets phone and paper to the short form of a version that has one (audited, and
 * the page then shows it); a campaign whose version has no short form is not offered one and a
 * post asking for it anyway is refused with its message, changing nothing.
 */

const PATH = '/admin/campaigns'
type Answer = { init: { status: number } | null; data: { formsSaved?: string; intent?: string; fieldErrors?: FieldErrors } }

async function postForms(fields: Record<string, string>) {
  const user = await createUser({ role: 'ministry_admin' })
  const cookie = await sessionCookieFor(user.id)
  const token = await getCsrfToken(requestWith(cookie, PATH))
  const body = new URLSearchParams({ intent: 'forms', ...fields, [CSRF_FIELD]: token ?? '' })
  const answer = await action({ request: requestWith(cookie, `${PATH}?lng=en`, { method: 'POST', body }), params: {}, context: {} })
  return { user, answer: answer as unknown as Answer }
}

async function page() {
  const user = await createUser({ role: 'ministry_admin' })
  return loader({ request: requestWith(await sessionCookieFor(user.id), PATH), params: {}, context: {} })
}

describe('the form of each channel on the campaigns page', () => {
  test('a campaign whose version has a short form sets phone and paper to it; the change is audited and listed', async () => {
    const point = await createSurveyPoint({ definition: { ...sipas2023, shortForm: proposeShortForm(sipas2023, 3) } })
    expect((await page()).shortFormVersionIds).toContain(point.versionId)
    const { user, answer } = await postForms({ campaignId: point.campaignId, phone: 'short', kiosk: 'full', paper: 'short' })
    expect(answer.init?.status ?? 200).toBe(200)
    expect(answer.data.formsSaved).toBe(point.campaignId)
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: point.campaignId }, select: { shortFormChannels: true } })
    expect(campaign.shortFormChannels).toEqual(['phone', 'paper'])
    const audit = await prisma.auditEvent.findMany({ where: { action: 'campaign.forms_set', actorId: user.id }, select: { target: true, details: true } })
    expect(audit).toEqual([{ target: `campaign:${point.campaignId}`, details: { shortFormChannels: ['phone', 'paper'] } }])
    const listed = (await page()).campaigns.find((row) => row.id === point.campaignId)
    expect(listed?.shortFormChannels).toEqual(['phone', 'paper'])
  })

  test('a campaign whose version has no short form is refused the short form with its message, and nothing changes', async () => {
    const point = await createSurveyPoint()
    expect((await page()).shortFormVersionIds).not.toContain(point.versionId)
    const { answer } = await postForms({ campaignId: point.campaignId, phone: 'short', kiosk: 'full', paper: 'full' })
    expect(answer.init?.status).toBe(400)
    expect(answer.data).toMatchObject({ intent: 'forms', fieldErrors: { phone: { key: 'campaigns.errors.noShortForm' } } })
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: point.campaignId }, select: { shortFormChannels: true } })
    expect(campaign.shortFormChannels).toEqual([])
  })

  test('a choice that is neither form is refused by the schema', async () => {
    const point = await createSurveyPoint()
    const { answer } = await postForms({ campaignId: point.campaignId, phone: 'tiny', kiosk: 'full', paper: 'full' })
    expect(answer.init?.status).toBe(400)
    expect(answer.data.fieldErrors?.phone).toEqual({ key: 'campaigns.errors.formChoice' })
  })
})
