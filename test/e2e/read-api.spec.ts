import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'
import { DESKTOP } from './support'

/*
 * The read API as its users meet it (docs/decisions/021-read-api.md): the docs page, public and
 * without JavaScript, in both languages; the Ministry administrator issues a token, a system
 * reads with it, the administrator revokes it and the next request is refused.
 */

test.use(DESKTOP)

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']

for (const [lng, heading] of [
  ['vi', 'API đọc dữ liệu SIPAS, phiên bản 1'],
  ['en', 'SIPAS read API, version 1'],
] as const) {
  test(`the API docs page in ${lng} lists every endpoint, ships no script and passes axe`, async ({ page }) => {
    await page.goto(`/api/v1/docs?lng=${lng}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    for (const path of ['/api/v1/units', '/api/v1/indices', '/api/v1/rankings', '/api/v1/openapi.json']) {
      await expect(page.getByRole('heading', { level: 3, name: `GET ${path}` })).toBeVisible()
    }
    expect(await page.locator('script:not([type="application/json"])').count()).toBe(0)
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
    expect(results.violations).toEqual([])
  })
}

async function signInAsMinistryAdministrator(page: Page) {
  await page.goto('/login?lng=en')
  await page.getByLabel('E-mail address').fill(DEMO_ACCOUNTS.find((account) => account.role === 'ministry_admin')!.email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).not.toHaveURL(/\/login/)
}

test('a token issued on the admin page reads the API until it is revoked', async ({ page, request }) => {
  await signInAsMinistryAdministrator(page)
  await page.goto('/admin/api-tokens?lng=en')
  const name = `Provincial portal ${Date.now()}`
  await page.getByLabel('Name').fill(name)
  const expiry = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
  await page.getByLabel('Valid until').fill(expiry)
  await page.getByRole('button', { name: 'Issue token' }).click()
  const token = (await page.locator('code.api-token').textContent())!.trim()
  expect(token).toMatch(/^sipas_[A-Za-z0-9_-]{43}$/)
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([])

  const read = await request.get('/api/v1/units?level=province&limit=5', { headers: { Authorization: `Bearer ${token}` } })
  expect(read.status()).toBe(200)
  expect(((await read.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0)

  await page.goto('/admin/api-tokens?lng=en')
  await expect(page.locator('code.api-token')).toHaveCount(0)
  await page.getByRole('button', { name: `Revoke the token “${name}”` }).click()
  await expect(page.getByRole('status')).toContainText('revoked')
  const refused = await request.get('/api/v1/units?lng=en', { headers: { Authorization: `Bearer ${token}` } })
  expect(refused.status()).toBe(401)
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('api_token_revoked')
})
