import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'
import { DESKTOP } from './support'

/*
 * Rating tickets for dossier systems as their users meet them (docs/decisions/025-rating-tickets.md):
 * the demo province's administrator issues a service token, a dossier system mints a ticket with
 * it (the same one when it asks again), the administrator revokes it and the next call is refused;
 * the API docs page lists the minting call. Axe on each page.
 */

test.use(DESKTOP)

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']

test('a token issued by the province administrator mints tickets until it is revoked', async ({ page, request }) => {
  await page.goto('/login?lng=en')
  await page.getByLabel('E-mail address').fill(DEMO_ACCOUNTS.find((account) => account.role === 'province_admin')!.email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).not.toHaveURL(/\/login/)

  await page.goto('/admin/ticket-issuers?lng=en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rating-ticket tokens')
  // A province administrator issues for their own province: the form does not ask which.
  await expect(page.getByLabel('Province')).toHaveCount(0)
  const name = `One-stop dossier system ${Date.now()}`
  await page.getByLabel('Name').fill(name)
  await page.getByRole('button', { name: 'Issue token' }).click()
  const token = (await page.locator('code.api-token').textContent())!.trim()
  expect(token).toMatch(/^sipas_tk_[A-Za-z0-9_-]{43}$/)
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([])

  const call = { tickets: [{ servicePointCode: '31TP', field: 'land', dossierCode: `000.00.16.H31-E2E-${Date.now()}` }] }
  const headers = { Authorization: `Bearer ${token}`, 'Accept-Language': 'en' }
  const minted = await request.post('/api/v1/tickets', { headers, data: call })
  expect(minted.status()).toBe(200)
  const [ticket] = ((await minted.json()) as { tickets: { url: string; created: boolean }[] }).tickets
  expect(ticket!.url).toMatch(/^https?:\/\/[^/]+\/t\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
  expect(ticket!.created).toBe(true)
  const again = await request.post('/api/v1/tickets', { headers, data: call })
  expect(((await again.json()) as { tickets: unknown[] }).tickets).toEqual([{ ...ticket, created: false }])

  await page.goto('/admin/ticket-issuers?lng=en')
  await expect(page.locator('code.api-token')).toHaveCount(0)
  await page.getByRole('button', { name: `Revoke the token “${name}”` }).click()
  await expect(page.getByRole('status')).toContainText('revoked')
  const refused = await request.post('/api/v1/tickets', { headers, data: call })
  expect(refused.status()).toBe(401)
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('issuer_token_revoked')
})

test('the API docs page describes the minting call and passes axe', async ({ page }) => {
  await page.goto('/api/v1/docs?lng=vi')
  await expect(page.getByRole('heading', { level: 3, name: 'POST /api/v1/tickets' })).toBeVisible()
  await expect(page.getByText('MintRequest')).toBeVisible()
  expect((await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()).violations).toEqual([])
})
