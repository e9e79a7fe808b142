import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'

/*
 * Every page as the bytes the production server sends, in both languages: valid UTF-8 with no
 * U+0000. react-dom 18.3.1's stream writer put zero bytes wherever a Vietnamese character
 * straddled its 2 KiB buffer (docs/decisions/016-react-dom-stream-patch.md); a browser hides
 * most of them, so only the raw bytes show them. One request per page, no browser.
 */

const LANGUAGES = ['vi', 'en'] as const
const PUBLIC_PAGES = [
  '/',
  '/rankings',
  '/rankings?year=2024',
  '/rankings?year=2025',
  '/rankings?year=2026',
  '/rankings?year=2024&index=PAR_INDEX',
  '/rankings?year=2024&index=PAR_INDEX&group=provinces',
  '/provinces/p63-31?year=2024',
  '/provinces/p34-31',
  '/s/31TP',
  '/s/31NV',
  '/s/31TP/thanks?receipt=K7Q2-M9XD-3FHA',
  '/privacy',
  '/login',
]
/** Seen by the Ministry administrator, whose role reaches every staff screen. */
const STAFF_PAGES = [
  '/account',
  '/dashboard',
  '/dashboard/ag-31-TP',
  '/ministry',
  '/ministry?year=2024',
  '/ministry?year=2025',
  '/paper',
  '/admin/users',
  '/admin/agencies',
  '/admin/service-points',
  '/admin/kiosks',
  '/admin/campaigns',
  '/admin/questionnaires',
  '/admin/distribution',
  '/admin/external-indices',
  '/admin/snapshots',
  '/admin/quality',
  '/admin/retention',
]
const SURVEY_CODE = '31TP'

const withLanguage = (path: string, lng: string) => `${path}${path.includes('?') ? '&' : '?'}lng=${lng}`

async function expectCleanPage(response: APIResponse, label: string) {
  expect(response.status(), label).toBe(200)
  expect(response.headers()['content-type'], label).toBe('text/html; charset=utf-8')
  const bytes = await response.body()
  const zero = bytes.indexOf(0)
  expect(zero, `${label}: a zero byte at ${zero}, after "${bytes.subarray(Math.max(0, zero - 40), zero).toString()}"`).toBe(-1)
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), label).not.toThrow()
  return bytes.toString()
}

test.describe('public pages', () => {
  for (const lng of LANGUAGES) {
    test(`are valid UTF-8 without zero bytes (${lng})`, async ({ request }) => {
      for (const path of PUBLIC_PAGES) {
        const url = withLanguage(path, lng)
        await expectCleanPage(await request.get(url, { maxRedirects: 0 }), url)
      }
    })
  }

  for (const lng of LANGUAGES) {
    test(`every page of the phone survey is valid UTF-8 without zero bytes (${lng})`, async ({ request }) => {
      // The pages after the first answer form posts. Once the screening question says the
      // respondent is eligible, the review lists every page, and its "edit" buttons open each.
      const url = withLanguage(`/s/${SURVEY_CODE}`, lng)
      const stateOf = (html: string) => html.match(/name="state" value="([^"]+)"/)?.[1] ?? ''
      const first = await expectCleanPage(await request.get(url), url)
      const [, screening, eligible] = first.match(/type="radio" id="[^"]*" name="([^"]+)" value="([^"]+)"/) ?? []
      expect(screening, 'the first page asks the screening question').toBeTruthy()
      const post = (state: string, intent: string, answers: Record<string, string> = {}) =>
        request.post(url, { form: { state, intent, ...answers }, maxRedirects: 0 })
      const second = await expectCleanPage(await post(stateOf(first), 'next', { [screening!]: eligible! }), 'after screening')
      const state = stateOf(second)
      const review = await expectCleanPage(await post(state, 'edit:review'), 'review')
      const pages = [...review.matchAll(/name="intent" value="edit:([^"]+)"/g)].map((match) => match[1]!)
      expect(pages.length, 'the review lists the screening and the ten sections').toBe(11)
      for (const page of pages) await expectCleanPage(await post(state, `edit:${page}`), `page ${page}`)
    })
  }
})

test.describe('staff pages', () => {
  let staff: APIRequestContext
  test.beforeAll(async ({ playwright }, testInfo) => {
    staff = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL })
    const admin = DEMO_ACCOUNTS.find((account) => account.role === 'ministry_admin')!
    const signIn = await staff.post('/login', { form: { email: admin.email, password: DEMO_PASSWORD }, maxRedirects: 0 })
    expect(signIn.status(), 'signed in').toBe(302)
  })
  test.afterAll(async () => staff.dispose())

  for (const lng of LANGUAGES) {
    test(`are valid UTF-8 without zero bytes (${lng})`, async () => {
      for (const path of STAFF_PAGES) {
        const url = withLanguage(path, lng)
        await expectCleanPage(await staff.get(url, { maxRedirects: 0 }), url)
      }
    })
  }
})
