import { afterEach, describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { CaseSettingsSchema } from '~/cases/settings'
import { firstInvalidDay } from '~/cases/settings-form'
import { CASE_SETTING_KEY, getCaseSettings, setCaseSettings } from '~/cases/settings.server'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import type { Role } from '~/generated/prisma/enums'
import { action, loader } from '~/routes/admin.cases/route'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'

/*
 * /admin/cases through its loader and action with real requests: the Ministry administrator
 * changes the case rules (audited, and the deadlines follow); a day that is not in the calendar
 * is refused with its message and changes nothing; a province administrator reads the rules and
 * the days off, nobody else does, and only the Ministry administrator posts.
 */

const PATH = '/admin/cases'
const DEFAULTS = CaseSettingsSchema.parse({})
const FORM = { dissatisfiedAtOrBelow: '1', deadlineWorkingDays: '15', contactRetentionDays: '60', nationalDaySecondDay: 'after' }

type Answer = { init: { status: number } | null; data: { saved?: boolean; fieldErrors?: FieldErrors; values?: Record<string, string> } }

async function post(role: Role, fields: Record<string, string>) {
  const user = await createUser({ role })
  const cookie = await sessionCookieFor(user.id)
  const token = await getCsrfToken(requestWith(cookie, PATH))
  const body = new URLSearchParams({ ...fields, [CSRF_FIELD]: token ?? '' })
  const answer = await action({ request: requestWith(cookie, `${PATH}?lng=en`, { method: 'POST', body }), params: {}, context: {} })
  return { user, answer: answer as unknown as Answer }
}

async function page(role: Role) {
  const user = await createUser({ role })
  return loader({ request: requestWith(await sessionCookieFor(user.id), PATH), params: {}, context: {} })
}

const thrownStatus = (run: Promise<unknown>) =>
  run.then(
    () => 'not thrown',
    (thrown: unknown) => (thrown instanceof Response ? thrown.status : thrown)
  )

afterEach(async () => {
  // Back to no row at all; setting through the store first drops this process's copy too.
  await setCaseSettings({}, (await createUser({ role: 'ministry_admin' })).id)
  await prisma.setting.deleteMany({ where: { key: CASE_SETTING_KEY } })
})

describe('the case rules page', () => {
  test('the Ministry administrator sees the rules in force and the days off of this year and next', async () => {
    const shown = await page('ministry_admin')
    expect(shown.settings).toEqual(DEFAULTS)
    expect(shown.edits).toBe(true)
    const year = new Date().getUTCFullYear()
    expect(shown.calendar.map(({ year }) => year)).toEqual([expect.any(Number), expect.any(Number)])
    expect(shown.calendar[1]!.year - shown.calendar[0]!.year).toBe(1)
    expect([year - 1, year, year + 1]).toContain(shown.calendar[0]!.year)
    for (const { year: shownYear, days } of shown.calendar) {
      expect(days.filter(({ kind }) => kind === 'holiday').map(({ day }) => day)).toEqual(
        expect.arrayContaining([`${shownYear}-01-01`, `${shownYear}-04-30`, `${shownYear}-05-01`, `${shownYear}-09-01`, `${shownYear}-09-02`])
      )
    }
  })

  test('saves the rules, extra days off cleaned up (no blanks, no repeats, in order), records who did it, and the page then lists those days', async () => {
    const year = (await page('ministry_admin')).calendar[0]!.year
    const { user, answer } = await post('ministry_admin', { ...FORM, extraDaysOff: `${year}-09-04\n\n ${year}-01-02 \r\n${year}-09-04\n` })
    expect(answer.init?.status ?? 200).toBe(200)
    const expected = { ...FORM, dissatisfiedAtOrBelow: 1, deadlineWorkingDays: 15, contactRetentionDays: 60, extraDaysOff: [`${year}-01-02`, `${year}-09-04`] }
    expect(await getCaseSettings()).toEqual(expected)
    const row = await prisma.setting.findUniqueOrThrow({ where: { key: CASE_SETTING_KEY }, select: { value: true } })
    expect(row.value).toEqual(expected)
    const audit = await prisma.auditEvent.findMany({ where: { action: 'cases.settings_changed', actorId: user.id }, select: { target: true, details: true } })
    expect(audit).toEqual([{ target: `setting:${CASE_SETTING_KEY}`, details: expected }])

    const listed = (await page('ministry_admin')).calendar[0]!.days
    // 2 January is a declared day only in a year where it is not a compensatory day already.
    expect(listed).toContainEqual({ day: `${year}-01-02`, kind: expect.stringMatching(/^(extra|compensatory)$/) })
    expect(listed).toContainEqual({ day: `${year}-09-03`, kind: 'holiday' })
    expect(listed.map(({ day }) => day)).not.toContain(`${year}-09-01`)
  })

  test.each([
    ['2026-02-30', '2026-02-30'],
    ['2026-01-02\n30/04/2026', '30/04/2026'],
  ])('refuses the extra days off %j with a message naming %j, keeps what was typed, and changes nothing', async (typed, bad) => {
    await post('ministry_admin', { ...FORM, extraDaysOff: '2026-01-02' })
    const before = await prisma.setting.findUniqueOrThrow({ where: { key: CASE_SETTING_KEY } })
    const auditBefore = await prisma.auditEvent.count({ where: { action: 'cases.settings_changed' } })

    const { answer } = await post('ministry_admin', { ...FORM, deadlineWorkingDays: '20', extraDaysOff: typed })
    expect(answer.init?.status).toBe(400)
    expect(answer.data.saved).toBeUndefined()
    expect(answer.data.fieldErrors).toEqual({ extraDaysOff: { key: 'settings.errors.extraDaysOff' } })
    expect(answer.data.values).toMatchObject({ extraDaysOff: typed, deadlineWorkingDays: '20' })
    // The page names the bad line from what was typed (firstInvalidDay), in the user's language.
    expect(firstInvalidDay(answer.data.values!.extraDaysOff!)).toBe(bad)
    expect(await prisma.setting.findUniqueOrThrow({ where: { key: CASE_SETTING_KEY } })).toEqual(before)
    expect(await prisma.auditEvent.count({ where: { action: 'cases.settings_changed' } })).toBe(auditBefore)
    expect((await getCaseSettings()).deadlineWorkingDays).toBe(15)
  })

  test.each([
    ['deadlineWorkingDays', '0'],
    ['contactRetentionDays', ''],
    ['dissatisfiedAtOrBelow', '5'],
    ['nationalDaySecondDay', 'both'],
  ])('refuses %s = %j with 400 on that field and changes nothing', async (field, value) => {
    const { answer } = await post('ministry_admin', { ...FORM, extraDaysOff: '', [field]: value })
    expect(answer.init?.status).toBe(400)
    expect(answer.data.fieldErrors).toEqual({ [field]: { key: `settings.errors.${field}` } })
    expect(await prisma.setting.count({ where: { key: CASE_SETTING_KEY } })).toBe(0)
  })

  test('a province administrator reads the rules but may not change them; other roles get 403', async () => {
    const shown = await page('province_admin')
    expect(shown.edits).toBe(false)
    expect(shown.settings).toEqual(DEFAULTS)
    for (const role of ['ministry_analyst', 'agency_manager', 'agency_viewer', 'clerk'] as const) {
      expect(await thrownStatus(page(role)), role).toBe(403)
    }
    for (const role of ['province_admin', 'ministry_analyst', 'agency_manager', 'clerk'] as const) {
      expect(await thrownStatus(post(role, { ...FORM, extraDaysOff: '' })), role).toBe(403)
    }
    expect(await prisma.setting.count({ where: { key: CASE_SETTING_KEY } })).toBe(0)
  })
})
