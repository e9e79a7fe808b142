import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from '../../prisma/demo-accounts'

/** Desk work (keying paper, exports, administration): a desktop screen, for `test.use`. */
export const DESKTOP = { viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false }

/**
 * Hydration errors, CSP refusals and other console errors fail the test that caused them;
 * `expected` matches the console errors a page causes by design.
 */
export function failOnPageErrors({ expected }: { expected?: RegExp } = {}) {
  let pageErrors: string[] = []
  test.beforeEach(({ page }) => {
    pageErrors = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error' && !expected?.test(message.text())) pageErrors.push(message.text())
    })
  })
  test.afterEach(() => {
    expect(pageErrors).toEqual([])
  })
}

/** The rules public and staff pages are held to: WCAG 2.2 AA. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

const SIGN_IN_LABELS = {
  vi: { email: 'Địa chỉ thư điện tử', password: 'Mật khẩu', submit: 'Đăng nhập' },
  en: { email: 'E-mail address', password: 'Password', submit: 'Sign in' },
} as const

/** Signs in with the demo account of `role`, in the language the following pages should use. */
export async function signIn(page: Page, role: DemoAccount['role'], language: keyof typeof SIGN_IN_LABELS = 'vi') {
  const labels = SIGN_IN_LABELS[language]
  await page.goto(`/login?lng=${language}`)
  await page.getByLabel(labels.email).fill(DEMO_ACCOUNTS.find((account) => account.role === role)!.email)
  await page.getByLabel(labels.password).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: labels.submit }).click()
  // Signing in hashes the password (argon2); allow for a busy two-core machine.
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 })
}

/** No axe violation on the page shown, or on `path` once it has answered 200 with its heading. */
export async function expectAxeClean(page: Page, path?: string) {
  if (path) {
    const answer = await page.goto(path)
    expect(answer?.status(), path).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  }
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations, path ?? page.url()).toEqual([])
}
