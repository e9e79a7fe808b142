import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'

/*
 * Sign in as each demo role (seeded by the seed script) and check what the role may see.
 * Administration is for the Ministry and province administrators; everyone signed in has an
 * account page; anonymous visitors are sent to sign in.
 */

const ADMIN_ROLES = new Set(['ministry_admin', 'province_admin'])
/** Where each role lands after signing in: the screen its work starts from. */
const HOME: Record<string, RegExp> = {
  ministry_admin: /\/admin\/users$/,
  province_admin: /\/admin\/users$/,
  ministry_analyst: /\/ministry$/,
  agency_manager: /\/dashboard\/ag-[\w-]+$/,
  agency_viewer: /\/dashboard\/ag-[\w-]+$/,
  clerk: /\/paper$/,
}
const emailOf = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!.email

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(email)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
}

test.describe('signing in by role', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.role} sees only what the role allows`, async ({ page }) => {
      const cspViolations: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
      })
      await signIn(page, account.email)
      await expect(page).toHaveURL(HOME[account.role]!)

      const header = page.getByRole('navigation', { name: 'Tài khoản' })
      await expect(header.getByRole('link', { name: account.name })).toBeVisible()
      const adminLink = header.getByRole('link', { name: 'Quản trị', exact: true })

      const response = await page.goto('/admin/users')
      if (ADMIN_ROLES.has(account.role)) {
        expect(response?.status()).toBe(200)
        await expect(adminLink).toBeVisible()
        await expect(page.getByRole('heading', { level: 1, name: 'Người dùng' })).toBeVisible()
        // Both see the province's agency staff; only the Ministry sees Ministry accounts.
        await expect(page.getByRole('cell', { name: emailOf('agency_viewer'), exact: true })).toHaveCount(1)
        await expect(page.getByRole('cell', { name: emailOf('ministry_analyst'), exact: true })).toHaveCount(
          account.role === 'ministry_admin' ? 1 : 0,
        )
      } else {
        expect(response?.status()).toBe(403)
        await expect(adminLink).toHaveCount(0)
        await expect(page.getByRole('heading', { level: 1, name: 'Lỗi 403' })).toBeVisible()
      }

      await page.goto('/account')
      await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản của bạn' })).toBeVisible()
      await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click()
      await expect(header.getByRole('link', { name: 'Cán bộ đăng nhập' })).toBeVisible()
      expect(cspViolations).toEqual([])
    })
  }
})

test('an anonymous visitor is sent to sign in and back', async ({ page }) => {
  await page.goto('/admin/agencies')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fagencies$/)
  const admin = DEMO_ACCOUNTS.find((account) => account.role === 'ministry_admin')!
  await page.getByLabel('Địa chỉ thư điện tử').fill(admin.email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).toHaveURL(/\/admin\/agencies$/)
})

test('a wrong password is refused with a message in the page language', async ({ page }) => {
  await page.goto('/login?lng=en')
  await page.getByLabel('E-mail address').fill(DEMO_ACCOUNTS[0]!.email)
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('The e-mail address or password is not correct.')
})

test('the browser checks the form before posting', async ({ page }) => {
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill('not-an-email')
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page.getByText('Vui lòng nhập địa chỉ thư điện tử hợp lệ.')).toBeVisible()
  await expect(page.getByText('Vui lòng nhập mật khẩu.')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('signing in and out still works', async ({ page }) => {
    const viewer = DEMO_ACCOUNTS.find((account) => account.role === 'agency_viewer')!
    await signIn(page, viewer.email)
    await expect(page).toHaveURL(HOME.agency_viewer!)
    await page.goto('/account')
    await page.getByRole('button', { name: 'Đăng xuất trên mọi thiết bị' }).click()
    await expect(page).toHaveURL(/\/login$/)
  })
})

test('security headers are on public and signed-in pages', async ({ page }) => {
  const check = (headers: Record<string, string>) => {
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/)
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['permissions-policy']).toBeTruthy()
  }
  check((await page.goto('/'))!.headers())
  check((await page.goto('/privacy'))!.headers())
  await signIn(page, DEMO_ACCOUNTS[1]!.email)
  check((await page.goto('/account'))!.headers())
})

test('an administrator adds a user, who chooses a password through the one-time link', async ({ page, browser }) => {
  const email = `moi.${Date.now()}@demo.sipas.vn`
  await signIn(page, emailOf('ministry_admin'))
  await expect(page).toHaveURL(/\/admin\/users$/)
  await page.getByLabel('Họ tên').fill('Người dùng mới')
  await page.getByLabel('Địa chỉ thư điện tử').fill(email)
  await page.getByLabel('Vai trò').selectOption('ministry_analyst')
  await page.getByRole('button', { name: 'Thêm người dùng' }).click()
  await expect(page.locator('.one-time-secret')).toBeVisible()
  const link = (await page.locator('.one-time-secret').textContent()) ?? ''
  expect(link).toMatch(/\/reset-password\/[\w-]{20,}$/)

  const newcomer = await browser.newPage({ locale: 'vi-VN' })
  await newcomer.goto(link)
  await newcomer.getByLabel('Mật khẩu mới', { exact: true }).fill('ba từ bất kỳ ghép lại')
  await newcomer.getByLabel('Nhập lại mật khẩu mới').fill('ba từ bất kỳ ghép lại')
  await newcomer.getByRole('button', { name: 'Lưu mật khẩu' }).click()
  await expect(newcomer.getByRole('status')).toHaveText(/Mật khẩu của bạn đã được thay đổi/)
  await signIn(newcomer, email, 'ba từ bất kỳ ghép lại')
  await expect(newcomer).toHaveURL(/\/ministry$/)

  // The link worked once.
  expect((await newcomer.goto(link))?.status()).toBe(404)
  await newcomer.close()
})

test('the sign-in, password and privacy pages have no accessibility violations', async ({ page }) => {
  // Four pages, four axe runs: 14 s on a quiet machine, past the default 30 s on a busy one.
  test.setTimeout(90_000)
  for (const path of ['/login', '/privacy', '/privacy?lng=en', '/reset-password/not-a-link']) {
    await page.goto(path)
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(violations, path).toEqual([])
  }
})
