import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'
import { DESKTOP, failOnPageErrors } from './support'

/*
 * Exports run in the background: a Ministry user starts a microdata export, watches it finish
 * on the exports page and downloads it as CSV and XLSX; a province administrator's export holds
 * only their province (the seed's demo province, code 31).
 */

// Exports are desk work.
test.use(DESKTOP)
failOnPageErrors()

const emailOf = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!.email
const DEMO_PROVINCE_CODE = '31'

async function signIn(page: Page, role: string) {
  await page.context().clearCookies()
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(emailOf(role))
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).not.toHaveURL(/\/login/)
}

/** Fills the form for the year 2025 and starts the export; returns the new job's row. */
async function startExport(page: Page, { kind, format, level }: { kind?: string; format: string; level?: string }) {
  await page.goto('/exports?lng=vi')
  if (kind) await page.getByLabel('Loại dữ liệu').selectOption(kind)
  await page.getByLabel('Loại kỳ').selectOption('year')
  await page.getByLabel('Năm', { exact: true }).fill('2025')
  if (level) await page.getByLabel('Cấp').selectOption(level)
  await page.getByLabel('Định dạng tệp').selectOption(format)
  await page.getByRole('button', { name: 'Bắt đầu xuất' }).click()
  await expect(page.getByRole('status')).toContainText('hàng đợi')
  return page.getByRole('row').nth(1)
}

/** Waits for the newest job to finish (the page revalidates by itself) and downloads its file. */
async function downloadNewest(page: Page, format: string): Promise<Buffer> {
  const row = page.getByRole('row').nth(1)
  const link = row.getByRole('link', { name: new RegExp(`^Tải về ${format.toUpperCase()}`) })
  await expect(link).toBeVisible({ timeout: 60_000 })
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  const path = await download.path()
  const { readFileSync } = await import('node:fs')
  return readFileSync(path)
}

test('a Ministry user exports microdata in the background and downloads the CSV and the XLSX', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, 'ministry_admin')
  const row = await startExport(page, { kind: 'microdata', format: 'csv' })
  // The job is seen queued or running, then done, without reloading the page by hand.
  await expect(row.getByText(/Đang chờ|Đang chạy|Hoàn tất/)).toBeVisible()
  const csv = await downloadNewest(page, 'csv')
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  const lines = csv.toString('utf8').slice(1).split('\r\n')
  expect(lines[0]).toMatch(/^response_id,province_code,/)
  expect(lines.filter(Boolean).length).toBeGreaterThan(100)

  await startExport(page, { kind: 'microdata', format: 'xlsx' })
  const xlsx = await downloadNewest(page, 'xlsx')
  expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK')

  await page.goto('/exports?lng=vi')
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  expect(results.violations).toEqual([])
})

test('a province administrator’s export holds only their province', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'province_admin')
  await page.goto('/exports?lng=vi')
  // No choice of province and no microdata for a province user.
  await expect(page.getByLabel('Tỉnh, thành phố')).toHaveCount(0)
  await expect(page.getByLabel('Loại dữ liệu').locator('option')).toHaveCount(1)
  await startExport(page, { format: 'csv', level: 'province' })
  const csv = (await downloadNewest(page, 'csv')).toString('utf8').slice(1)
  const [header, ...rows] = csv.split('\r\n').filter(Boolean)
  const unitCode = header!.split(',').indexOf('unit_code')
  expect(unitCode).toBeGreaterThanOrEqual(0)
  expect(rows.length).toBeGreaterThan(0)
  expect(new Set(rows.map((line) => line.split(',')[unitCode]))).toEqual(new Set([DEMO_PROVINCE_CODE]))
})
