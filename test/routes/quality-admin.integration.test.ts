import { afterEach, describe, expect, test } from 'vitest'
import type { FieldErrors } from '~/forms/field-errors'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { DEFAULT_QUALITY_SETTINGS, QUALITY_FLAG_NAMES } from '~/quality/flags'
import { exclusionMask, forgetQualitySettings, getQualitySettings, QUALITY_SETTING_KEY } from '~/quality/settings.server'
import { THRESHOLD_FIELDS, thresholdValue } from '~/responses/quality-form'
import { action, loader } from '~/routes/admin.quality'
import { OFFICIAL_BASIS_SETTING_KEY, forgetOfficialBasis, officialResponseBasis } from '~/aggregation/official-basis.server'
import { aggregationSettings } from '~/aggregation/figures.server'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'

/** The form as the page shows it with the default settings, every flag excluded. */
const defaultForm = () => [
  ...THRESHOLD_FIELDS.map(
    (field) => [field.name, thresholdValue(DEFAULT_QUALITY_SETTINGS, field.name)] as [string, string]
  ),
  ...QUALITY_FLAG_NAMES.map((flag) => ['excluded', flag] as [string, string]),
]

async function post(
  fields: [string, string][],
  { role = 'ministry_admin', lng = 'vi' }: { role?: Role; lng?: string } = {}
) {
  const admin = await createUser({ role })
  const cookie = await sessionCookieFor(admin.id)
  const token = await getCsrfToken(requestWith(cookie, '/admin/quality'))
  const body = new URLSearchParams([...fields, [CSRF_FIELD, token ?? '']])
  const request = requestWith(cookie, `/admin/quality?lng=${lng}`, { method: 'POST', body })
  const result = (await action({ request, params: {}, context: {} })) as {
    init: { status: number } | null
    data: { saved?: boolean; savedBasis?: boolean; fieldErrors?: FieldErrors; values?: Record<string, string> }
  }
  return { admin, status: result.init?.status ?? 200, ...result.data }
}

const replace = (fields: [string, string][], name: string, value: string) =>
  fields.map(([key, old]) => [key, key === name ? value : old] as [string, string])

afterEach(async () => {
  await prisma.setting.deleteMany({ where: { key: { in: [QUALITY_SETTING_KEY, OFFICIAL_BASIS_SETTING_KEY] } } })
  forgetQualitySettings()
  forgetOfficialBasis()
})

describe('the quality flags admin page', () => {
  test('shows the settings in force to the Ministry administrator', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    const request = requestWith(await sessionCookieFor(admin.id), '/admin/quality')
    const page = (await loader({ request, params: {}, context: {} })) as { settings: unknown }
    expect(page.settings).toEqual(DEFAULT_QUALITY_SETTINGS)
  })

  test('saves new thresholds and exclusion rule, which submissions and indices then use, and records who did it', async () => {
    let fields = defaultForm().filter(
      ([name, value]) => !(name === 'excluded' && value !== 'HONEYPOT' && value !== 'BURST')
    )
    fields = replace(fields, 'tooFast.secondsPerItem', '1,5')
    fields = replace(fields, 'closingTime.closesAt', '16:30')
    const { admin, status, saved } = await post(fields)
    expect({ status, saved }).toEqual({ status: 200, saved: true })

    const expected = {
      ...DEFAULT_QUALITY_SETTINGS,
      tooFast: { secondsPerItem: 1.5 },
      closingTime: { ...DEFAULT_QUALITY_SETTINGS.closingTime, closesAt: '16:30' },
      excluded: ['BURST', 'HONEYPOT'],
    }
    expect(await getQualitySettings()).toEqual(expected)
    expect(await exclusionMask()).toBe(4 | 8)
    const audit = await prisma.auditEvent.findMany({
      where: { action: 'quality.settings_changed', actorId: admin.id },
      select: { target: true, details: true },
    })
    expect(audit).toEqual([{ target: `setting:${QUALITY_SETTING_KEY}`, details: expected }])
  })

  test('no flag ticked: official indices exclude nothing', async () => {
    await post(defaultForm().filter(([name]) => name !== 'excluded'))
    expect((await getQualitySettings()).excluded).toEqual([])
    expect(await exclusionMask()).toBe(0)
  })

  test.each([
    ['tooFast.secondsPerItem', '61'],
    ['tooFast.secondsPerItem', ''],
    ['straightLining.minItems', '1'],
    ['burst.windowSeconds', '12.5'],
    ['burst.maxPerDevice', '0'],
    ['closingTime.closesAt', '24:00'],
    ['closingTime.minutesAfter', 'abc'],
    ['excluded', 'EVERYTHING'],
  ])('refuses %s = %j with 400 on that field, keeps the input, and changes nothing', async (name, value) => {
    await post(replace(defaultForm(), 'burst.maxPerDevice', '5'))
    const before = await prisma.setting.findUnique({ where: { key: QUALITY_SETTING_KEY } })
    const auditBefore = await prisma.auditEvent.count({ where: { action: 'quality.settings_changed' } })

    const fields =
      name === 'excluded'
        ? [...defaultForm(), ['excluded', value] as [string, string]]
        : replace(defaultForm(), name, value)
    const result = await post(fields, { lng: 'en' })
    expect(result.status).toBe(400)
    expect(result.saved).toBeUndefined()
    expect(result.fieldErrors).toEqual({ [name]: { key: `quality.errors.${name}` } })
    if (name !== 'excluded') expect(result.values?.[name]).toBe(value)
    expect(await prisma.setting.findUnique({ where: { key: QUALITY_SETTING_KEY } })).toEqual(before)
    expect(await prisma.auditEvent.count({ where: { action: 'quality.settings_changed' } })).toBe(auditBefore)
  })

  test('a field missing from the post is refused, not reset to its default', async () => {
    const result = await post(defaultForm().filter(([name]) => name !== 'burst.maxPerServicePoint'))
    expect(result.status).toBe(400)
    expect(result.fieldErrors).toEqual({ 'burst.maxPerServicePoint': { key: 'quality.errors.burst.maxPerServicePoint' } })
    expect(await prisma.setting.count({ where: { key: QUALITY_SETTING_KEY } })).toBe(0)
  })

  test('other administrators cannot change it', async () => {
    await expect(
      post(replace(defaultForm(), 'burst.maxPerDevice', '9'), { role: 'province_admin' })
    ).rejects.toMatchObject({
      status: 403,
    })
    expect(await prisma.setting.count({ where: { key: QUALITY_SETTING_KEY } })).toBe(0)
  })
})

describe('the basis of official figures', () => {
  test('is all responses until the Ministry administrator chooses verified only, which figures then follow; audited', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    const request = requestWith(await sessionCookieFor(admin.id), '/admin/quality')
    expect(((await loader({ request, params: {}, context: {} })) as { basis: string }).basis).toBe('all')

    const { admin: actor, status, savedBasis } = await post([['intent', 'basis'], ['responses', 'verified']])
    expect({ status, savedBasis }).toEqual({ status: 200, savedBasis: true })
    expect(await officialResponseBasis()).toBe('verified')
    expect((await aggregationSettings()).responses).toBe('verified')
    // the thresholds are untouched
    expect(await prisma.setting.count({ where: { key: QUALITY_SETTING_KEY } })).toBe(0)
    const audit = await prisma.auditEvent.findMany({
      where: { action: 'aggregation.basis_changed', actorId: actor.id },
      select: { target: true, details: true },
    })
    expect(audit).toEqual([{ target: `setting:${OFFICIAL_BASIS_SETTING_KEY}`, details: { responses: 'verified' } }])
  })

  test.each([['everything'], ['']])('refuses responses = %j with 400 and changes nothing', async (value) => {
    const auditBefore = await prisma.auditEvent.count({ where: { action: 'aggregation.basis_changed' } })
    const result = await post([['intent', 'basis'], ['responses', value]], { lng: 'en' })
    expect(result.status).toBe(400)
    expect(result.fieldErrors).toEqual({ responses: { key: 'quality.basis.invalid' } })
    expect(await prisma.setting.count({ where: { key: OFFICIAL_BASIS_SETTING_KEY } })).toBe(0)
    expect(await prisma.auditEvent.count({ where: { action: 'aggregation.basis_changed' } })).toBe(auditBefore)
  })

  test('other administrators cannot change it', async () => {
    await expect(post([['intent', 'basis'], ['responses', 'verified']], { role: 'province_admin' })).rejects.toMatchObject({
      status: 403,
    })
    expect(await officialResponseBasis()).toBe('all')
  })
})
