import { expect, test } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'

/*
 * How long pages may be kept (app/cache-control.ts, decided in entry.server.tsx): public pages
 * are revalidated before reuse and vary with the language hints; everything else, and anything a
 * signed-in person sees, is never stored.
 */

const PUBLIC_PAGES = ['/', '/rankings', '/provinces/p34-31', '/privacy']
const PRIVATE = 'private, no-store'

test('public pages may be stored but are revalidated, per language', async ({ request }) => {
  for (const path of PUBLIC_PAGES) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['cache-control'], path).toBe('no-cache')
    expect(response.headers().vary, path).toMatch(/^Accept-Language, Cookie\b/)
  }
})

test('the phone survey, sign-in and a language choice (which sets a cookie) are never stored', async ({ request }) => {
  for (const path of ['/s/31TP', '/s/31TP/thanks?receipt=K7Q2-M9XD', '/login', '/rankings?lng=en']) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['cache-control'], path).toBe(PRIVATE)
  }
})

test('signed in, every page is private, public ones included', async ({ page }) => {
  const analyst = DEMO_ACCOUNTS.find((account) => account.role === 'ministry_analyst')!
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(analyst.email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).toHaveURL(/\/ministry$/)
  for (const path of ['/ministry', '/account', ...PUBLIC_PAGES]) {
    const response = await page.request.get(path)
    expect(response.status(), path).toBe(200)
    expect(response.headers()['cache-control'], path).toBe(PRIVATE)
  }
})
