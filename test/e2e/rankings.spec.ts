import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'

/*
 * The public ranking and province pages, and the Ministry administrator's import and
 * freezing that feed them. The e2e seed has too few responses per province and year for any
 * SIPAS to pass the minimum n, so locale formatting is checked on imported PAR INDEX 2024
 * scores (published figures, listed in docs/methodology.md), imported here through the admin page.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const emailOf = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!.email

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations).toEqual([])
}

async function signIn(page: Page, email: string) {
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  // Signing in hashes the password (argon2); allow for a busy two-core machine.
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 })
}

const csv = (lines: string[]) => ({ name: 'par-index-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`) })

// Hải Phòng 96.17, Bà Rịa - Vũng Tàu 93.35, Thái Nguyên 91.47 (published); codes of the 63.
const PAR_INDEX_2024 = ['unit_code;year;index;score', '31;2024;PAR INDEX;96,17', '77;2024;PAR INDEX;93,35', '19;2024;PAR INDEX;91,47']

test.describe.configure({ mode: 'serial' })

test('the Ministry administrator imports PAR INDEX scores; a file with a bad row is refused whole, by line', async ({ page }) => {
  await signIn(page, emailOf('ministry_admin'))
  await page.goto('/admin/external-indices')
  await expect(page.getByRole('heading', { level: 1, name: 'Chỉ số khác và cấu hình xếp hạng' })).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Tệp CSV').setInputFiles(csv([...PAR_INDEX_2024, '99;2024;PAR INDEX;80', '31;2024;PAR INDEX;97']))
  await page.getByRole('button', { name: 'Nhập tệp' }).click()
  const problems = page.getByRole('alert')
  await expect(problems).toContainText('Không nhập tệp: có 2 lỗi.')
  await expect(problems).toContainText('Dòng 5: Không có đơn vị mã “99” trong năm 2024.')
  await expect(problems).toContainText('Dòng 6: Trùng đơn vị, năm và chỉ số với dòng 2.')
  await expect(page.getByText('Chưa nhập điểm nào.')).toBeVisible()

  await page.getByLabel('Tệp CSV').setInputFiles(csv(PAR_INDEX_2024))
  await page.getByRole('button', { name: 'Nhập tệp' }).click()
  await expect(page.getByRole('status')).toHaveText('Đã nhập 3 dòng.')
  await expect(page.getByRole('cell', { name: '3', exact: true })).toBeVisible()
})

for (const [lng, title, percent, caption] of [
  ['vi', 'Bảng xếp hạng', /^\d+,\d{2}\s%$/, 'PAR INDEX năm 2024 — Tỉnh, thành phố'],
  ['en', 'Rankings', /^\d+\.\d{2}%$/, 'PAR INDEX 2024 — Provinces and cities'],
] as const) {
  test(`the public ranking reads in ${lng} with numbers in the locale's format and passes axe`, async ({ page }) => {
    await page.goto(`/rankings?year=2024&index=PAR_INDEX&group=provinces&lng=${lng}`)
    await expect(page.locator('html')).toHaveAttribute('lang', lng)
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    const table = page.getByRole('table', { name: caption })
    await expect(table).toBeVisible()
    const first = table.getByRole('row').nth(1)
    await expect(first.getByRole('rowheader')).toHaveText('Hải Phòng')
    await expect(first.getByRole('cell').nth(0)).toHaveText('1/3')
    const score = first.getByRole('cell').nth(1)
    await expect(score).toHaveText(percent)
    await expect(score).toHaveText(lng === 'vi' ? '96,17\u00A0%' : '96.17%')
    await expect(table.getByRole('row').nth(3).getByRole('rowheader')).toHaveText('Thái Nguyên')
    // The chart is an image with a text alternative; the table above holds its figures.
    await expect(page.getByRole('img', { name: new RegExp(caption) })).toBeVisible()
    await expectAccessible(page)
  })
}

test('the SIPAS ranking lists provinces under the minimum n as an insufficient sample, in both languages', async ({ page }) => {
  for (const [lng, label] of [
    ['vi', 'Chưa đủ mẫu'],
    ['en', 'Insufficient sample'],
  ] as const) {
    await page.goto(`/rankings?year=2025&lng=${lng}`)
    const table = page.getByRole('table')
    await expect(table.getByRole('rowheader', { name: 'Hải Phòng' })).toBeVisible()
    await expect(table.getByRole('cell', { name: label }).first()).toBeVisible()
    await expect(page.getByText(lng === 'vi' ? 'Tạm tính.' : 'Provisional.')).toBeVisible()
    await expectAccessible(page)
  }
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the filter form picks a peer group inside a province', async ({ page }) => {
    await page.goto('/rankings?lng=vi')
    await page.getByLabel('Nhóm so sánh').selectOption('departments')
    await page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption({ label: 'Hải Phòng' })
    await page.getByRole('button', { name: 'Xem' }).click()
    await expect(page).toHaveURL(/group=departments/)
    await expect(page.getByRole('heading', { level: 2, name: /Sở, ban, ngành của Hải Phòng/ })).toBeVisible()
    await expect(page.getByRole('rowheader', { name: 'Sở Tư pháp Hải Phòng' })).toBeVisible()
  })
})

// The public pages ship no JavaScript (hydrate: false): their GET form is the filter for everyone.
test.describe('the responses filter', () => {
  test('counts verified responses only, on the ranking and the province page, and passes axe', async ({ page }) => {
    await page.goto('/rankings?year=2025&lng=vi')
    await expect(page.getByText('Số liệu tính tất cả phản hồi;', { exact: false })).toBeVisible()
    await expect(page.getByRole('columnheader', { name: 'Tỷ lệ đã xác thực trong n' })).toBeVisible()
    await page.getByLabel('Phản hồi được tính').selectOption('verified')
    await page.getByRole('button', { name: 'Xem' }).click()
    await expect(page).toHaveURL(/responses=verified/)
    await expect(page.getByLabel('Phản hồi được tính')).toHaveValue('verified')
    // The e2e seed has no rating tickets: no verified responses, so no figures on this basis.
    await expect(page.getByText('Chưa có số liệu cho lựa chọn này.')).toBeVisible()
    await expectAccessible(page)

    await page.goto('/provinces/p34-31?year=2025&lng=en')
    await page.getByLabel('Responses counted').selectOption('verified')
    await page.getByRole('button', { name: 'Show' }).click()
    await expect(page).toHaveURL(/responses=verified/)
    await expect(page.getByLabel('Responses counted')).toHaveValue('verified')
    await expectAccessible(page)
  })
})

test('a province page shows its indices side by side and passes axe', async ({ page }) => {
  // Hải Phòng of the 63, in force in 2024.
  await page.goto('/provinces/p63-31?year=2024&lng=vi')
  await expect(page.getByRole('heading', { level: 1, name: 'Hải Phòng' })).toBeVisible()
  await expect(page.locator('.standings-line')).toContainText('PAR INDEX 1/3')
  await expect(page.getByRole('link', { name: 'Hải Phòng' })).toHaveAttribute('href', '/provinces/p34-31')
  await expectAccessible(page)

  // Today's Hải Phòng: formed from Hải Phòng and Hải Dương; 2024 shown pro-forma.
  await page.goto('/provinces/p34-31?lng=en')
  await expect(page.getByText(/Formed on 2025-07-01 from/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'SIPAS of Hải Phòng by year' }).getByRole('rowheader', { name: '2024 (pro-forma)' })).toBeVisible()
  await expectAccessible(page)
})

test('the Ministry administrator freezes a ranking, which then reads as official and cannot be frozen twice', async ({ page }) => {
  await signIn(page, emailOf('ministry_admin'))
  await page.goto('/admin/snapshots')
  await expectAccessible(page)
  const freeze = async () => {
    await page.getByLabel('Năm').selectOption('2024')
    await page.getByLabel('Chỉ số').selectOption('PAR_INDEX')
    await page.getByLabel('Nhóm so sánh').selectOption('provinces')
    await page.getByRole('button', { name: 'Chốt kết quả' }).click()
  }
  await freeze()
  await expect(page.getByRole('status')).toHaveText('Đã chốt PAR INDEX năm 2024 — Tỉnh, thành phố.')
  await expect(page.getByRole('link', { name: 'PAR INDEX' })).toBeVisible()
  await freeze()
  await expect(page.getByText('Kết quả của kỳ này đã được chốt')).toBeVisible()

  await page.goto('/rankings?year=2024&index=PAR_INDEX&lng=vi')
  await expect(page.getByText('Chính thức.')).toBeVisible()
})

test('the rankings page links to the open data, which reads in both languages and passes axe', async ({ page }) => {
  await page.goto('/rankings?lng=en')
  await page.getByRole('link', { name: 'Download all the figures as open data (CSV, JSON)' }).click()
  await expect(page).toHaveURL(/\/open-data$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible()
  await expect(page.getByText(/Creative Commons Attribution 4\.0/)).toBeVisible()
  await expectAccessible(page)
  await page.goto('/open-data?lng=vi')
  await expect(page.getByRole('heading', { level: 1, name: 'Dữ liệu mở' })).toBeVisible()
  await expectAccessible(page)
})
