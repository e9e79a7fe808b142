import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'
import { DESKTOP, failOnPageErrors } from './support'

/*
 * Paper entry: a clerk keys sheets with the keyboard alone, and a double-entry batch
 * goes from two blind passes to a supervisor's reconciliation. The seeded clerk keys for
 * service point 31TP; the second clerk is created the way a province administrator would.
 */

// Clerks key at a desk with a keyboard.
test.use(DESKTOP)
// A refused form answers 400 or 409 by design; the browser logs that as a failed load.
failOnPageErrors({ expected: /status of (400|409)/ })

const emailOf = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!.email
const SERVICE_POINT = '31TP'
const FIRST_ITEM = 'screen.received_result'

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.context().clearCookies()
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(email)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).toHaveURL(/\/(paper|admin\/users)$/)
}

async function openBatch(
  page: Page,
  { from, to, sheets, double }: { from: string; to: string; sheets: number; double: boolean }
) {
  await page.goto('/paper?lng=vi')
  const servicePoint = page.getByLabel('Điểm phục vụ')
  await servicePoint.selectOption(
    (await servicePoint.locator('option', { hasText: `${SERVICE_POINT} — ` }).getAttribute('value'))!
  )
  await page.getByLabel('Phiếu ghi từ ngày').fill(from)
  await page.getByLabel('Đến ngày').fill(to)
  await page.getByLabel('Số phiếu trong lô').fill(String(sheets))
  if (double) await page.getByLabel('Nhập hai lần').check()
  await page.getByRole('button', { name: 'Mở lô phiếu' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Nhập phiếu giấy — ${SERVICE_POINT}` })).toBeVisible()
}

const item = (page: Page, code: string) => page.locator(`[id="item-${code}"]`)
/** The figure next to a label in the running totals. */
const total = (page: Page, label: string) =>
  page
    .locator('.paper-totals > div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd')

/**
 * Keys the sheet on screen with the keyboard alone: from the first answer, each field gets the
 * key in `answers` or its first key (a choice of a multi-select, a sentence for text), moving
 * on by itself after a whole key and by Tab otherwise; Enter saves. Items the answers hide
 * are skipped by the page itself.
 */
async function keySheet(page: Page, answers: Record<string, string> = {}) {
  // Hydrated: the items after the screening question wait, disabled, for its answer.
  await expect(item(page, 'demo.gender')).toBeDisabled()
  await expect(item(page, FIRST_ITEM)).toBeFocused()
  const keyed: string[] = []
  for (;;) {
    const focused = page.locator(':focus')
    const id = (await focused.getAttribute('id')) ?? ''
    if (!id.startsWith('item-')) break
    const code = id.slice('item-'.length)
    const complete = (await focused.getAttribute('data-complete'))?.split(' ') ?? []
    const numeric = (await focused.getAttribute('inputmode')) === 'numeric'
    const keys = answers[code] ?? complete[0] ?? (numeric ? '1' : 'Cán bộ hướng dẫn tận tình')
    await page.keyboard.type(keys)
    if (!complete.includes(keys)) await page.keyboard.press('Tab')
    keyed.push(code)
    if (keyed.length > 200) throw new Error('the cursor did not move on')
  }
  await page.keyboard.press('Enter')
  return keyed
}

test('a clerk keys two sheets with the keyboard alone and sees the running totals', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, emailOf('clerk'))
  await openBatch(page, { from: '2026-06-01', to: '2026-06-30', sheets: 2, double: false })
  const totals = page.getByRole('status')
  await expect(total(page, 'Đã nhập')).toHaveText('0/2 phiếu')

  // The keying screen is accessible before and after a save.
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  const keyed = await keySheet(page)
  // "Yes" to "used the portal" showed the portal question; "No" on the next sheet skips it.
  expect(keyed).toContain('perc.online_easy')
  await expect(totals).toContainText('Đã lưu phiếu số 1.')
  await expect(total(page, 'Đã nhập')).toHaveText('1/2 phiếu')
  await expect(total(page, 'Đã tính vào kết quả')).toHaveText('1')
  await expect(page.getByLabel('Số phiếu')).toHaveValue('2')

  const second = await keySheet(page, { 'perc.online_used': '2' })
  expect(second).not.toContain('perc.online_easy')
  await expect(totals).toContainText('Đã lưu phiếu số 2.')
  await expect(total(page, 'Đã nhập')).toHaveText('2/2 phiếu')
  await expect(total(page, 'Đã tính vào kết quả')).toHaveText('2')
  await expect(page.getByText('Bạn đã nhập hết các phiếu của lô này.')).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})

test('a wrong key is reported next to its question and nothing is saved', async ({ page }) => {
  await signIn(page, emailOf('clerk'))
  await openBatch(page, { from: '2026-05-01', to: '2026-05-31', sheets: 1, double: false })
  await expect(item(page, 'demo.gender')).toBeDisabled()
  await page.keyboard.type('1')
  await page.keyboard.press('Enter')
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Phiếu chưa được lưu.')
  await expect(item(page, 'demo.applicant_type')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('[id="item-demo.applicant_type-error"]')).toHaveText(
    'Câu này bắt buộc phải có câu trả lời. Nếu người trả lời để trống, hãy ghi phiếu là phiếu không hợp lệ (mã 1).'
  )
  await expect(total(page, 'Đã nhập')).toHaveText('0/1 phiếu')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  // The error list keeps the focus only until the clerk goes back to the sheet.
  await item(page, 'demo.applicant_type').focus()
  await page.keyboard.type('2')
  await expect(item(page, 'demo.procedure_field')).toBeFocused()
})

test('a void sheet counts towards the batch, not the results, keyed with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, emailOf('clerk'))
  await openBatch(page, { from: '2026-08-01', to: '2026-08-31', sheets: 2, double: false })
  await expect(item(page, 'demo.gender')).toBeDisabled()
  await expect(item(page, FIRST_ITEM)).toBeFocused()

  // The respondent did not receive a result here (screened out): back one field, reason 2, Enter.
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByLabel('Phiếu không hợp lệ: mã lý do')).toBeFocused()
  await page.keyboard.type('2')
  await expect(item(page, FIRST_ITEM)).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Lưu phiếu và sang phiếu tiếp (Enter)' })).toBeFocused()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await page.keyboard.press('Enter')

  await expect(page.getByRole('status')).toContainText('Đã lưu phiếu số 1 là phiếu không hợp lệ')
  await expect(total(page, 'Đã nhập')).toHaveText('1/2 phiếu')
  await expect(total(page, 'Hợp lệ / không hợp lệ')).toHaveText('0 hợp lệ, 1 không hợp lệ trên 2 phiếu')
  await expect(total(page, 'Đã tính vào kết quả')).toHaveText('0')

  // The next sheet starts enabled and valid.
  await keySheet(page)
  await expect(page.getByRole('status')).toContainText('Đã lưu phiếu số 2.')
  await expect(total(page, 'Đã nhập')).toHaveText('2/2 phiếu')
  await expect(total(page, 'Hợp lệ / không hợp lệ')).toHaveText('1 hợp lệ, 1 không hợp lệ trên 2 phiếu')
  await expect(total(page, 'Đã tính vào kết quả')).toHaveText('1')
})

test('double entry: two clerks key blind, a supervisor settles the difference and the sheet counts once', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const admin = emailOf('province_admin')
  const secondClerk = {
    name: 'Cán bộ nhập phiếu thứ hai',
    email: `nhapphieu2.${Date.now()}@demo.sipas.vn`,
    password: 'giay-phieu-2026-hai',
  }

  // The province administrator creates the second clerk and assigns the service point.
  await signIn(page, admin)
  await page.goto('/admin/users?lng=vi')
  await page.getByLabel('Họ tên').fill(secondClerk.name)
  await page.getByLabel('Địa chỉ thư điện tử').fill(secondClerk.email)
  await page.getByLabel('Vai trò').selectOption({ label: 'Cán bộ nhập phiếu' })
  await page.getByRole('button', { name: 'Thêm người dùng' }).click()
  const resetLink = (await page.locator('.one-time-secret').textContent())!.trim()
  await page.getByRole('link', { name: secondClerk.name }).click()
  await page.getByLabel('Mã điểm phục vụ').fill(SERVICE_POINT)
  await page.getByRole('button', { name: 'Giao điểm phục vụ' }).click()
  await expect(page.getByRole('button', { name: `Bỏ ${SERVICE_POINT}` })).toBeVisible()
  await page.context().clearCookies()
  await page.goto(`${new URL(resetLink).pathname}?lng=vi`)
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(secondClerk.password)
  await page.getByLabel('Nhập lại mật khẩu mới').fill(secondClerk.password)
  await page.getByRole('button', { name: 'Lưu mật khẩu' }).click()
  await expect(page).toHaveURL(/\/login/)

  // First pass.
  await signIn(page, emailOf('clerk'))
  await openBatch(page, { from: '2026-07-01', to: '2026-07-31', sheets: 1, double: true })
  await expect(page.getByText('Bạn không xem được bản nhập của người kia')).toBeVisible()
  await keySheet(page, { 'pol.general': '4' })
  await expect(total(page, 'Lần nhập 1')).toHaveText('1/1 phiếu')
  await expect(total(page, 'Đã tính vào kết quả')).toHaveText('0')

  // Second pass, blind, with one answer keyed differently.
  await signIn(page, secondClerk.email, secondClerk.password)
  await page.goto('/paper?lng=vi')
  await page.getByRole('link', { name: `Nhập phiếu lô ${SERVICE_POINT} từ 01/07/2026` }).click()
  await expect(page.getByLabel('Số phiếu')).toHaveValue('1')
  await keySheet(page, { 'pol.general': '5' })
  await expect(total(page, 'Lần nhập 2')).toHaveText('1/1 phiếu')
  await expect(total(page, 'Phiếu có chênh lệch chờ đối chiếu')).toHaveText('1')
  await expect(total(page, 'Đã tính vào kết quả')).toHaveText('0')

  // The supervisor sees the one difference and takes the second pass's value.
  await signIn(page, admin)
  await page.goto('/paper?lng=vi')
  await page.getByRole('link', { name: `Đối chiếu lô ${SERVICE_POINT} từ 01/07/2026` }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Phiếu số 1: 1 chỗ khác nhau' })).toBeVisible()
  const difference = page.getByRole('group', { name: /Nhìn chung, Ông\/Bà hài lòng thế nào về việc xây dựng/ })
  await expect(difference.getByLabel('Lần nhập 1: 4 — Hài lòng')).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await difference.getByLabel('Lần nhập 2: 5 — Rất hài lòng').check()
  await page.getByRole('button', { name: 'Lưu và tính phiếu số 1' }).click()
  await expect(page.getByText('Đã thống nhất phiếu số 1.')).toBeVisible()
  await expect(page.getByText('Không còn phiếu nào có chênh lệch trong lô này.')).toBeVisible()
  await expect(total(page, 'Đã tính vào kết quả')).toHaveText('1')
  await expect(total(page, 'Phiếu có chênh lệch chờ đối chiếu')).toHaveText('0')
})

test('without JavaScript the keying screen is a plain form', async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'vi-VN',
    baseURL: test.info().project.use.baseURL,
  })
  const page = await context.newPage()
  await signIn(page, emailOf('clerk'))
  await openBatch(page, { from: '2026-04-01', to: '2026-04-30', sheets: 1, double: false })
  // Nothing is disabled without JavaScript; the server applies the conditions.
  await expect(item(page, 'demo.gender')).toBeEnabled()
  const fields = page.locator('.keying-item input')
  for (let i = 0; i < (await fields.count()); i++) {
    const field = fields.nth(i)
    const code = ((await field.getAttribute('id')) ?? '').slice('item-'.length)
    if (code === 'perc.online_easy' || code === 'comment.suggestions') continue
    const complete = (await field.getAttribute('data-complete'))?.split(' ') ?? []
    await field.fill(code === 'perc.online_used' ? '2' : complete[0] ?? '1')
  }
  await page.getByRole('button', { name: 'Lưu phiếu và sang phiếu tiếp (Enter)' }).click()
  await expect(page.getByRole('status')).toContainText('Đã lưu phiếu số 1.')
  await expect(total(page, 'Đã tính vào kết quả')).toHaveText('1')
  await context.close()
})
