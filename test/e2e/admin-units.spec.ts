import { expect, test } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'
import { DESKTOP, failOnPageErrors } from './support'

test.use(DESKTOP)
failOnPageErrors()

test('a service point just added offers its QR poster to print', async ({ page }) => {
  // The page lists every service point in the country (over 400 in the demo).
  test.slow()
  const admin = DEMO_ACCOUNTS.find((account) => account.role === 'ministry_admin')!
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(admin.email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).not.toHaveURL(/\/login/)

  await page.goto('/admin/service-points?lng=vi')
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Thêm điểm phục vụ' }) })
  await form.getByLabel('Mã', { exact: true }).fill('31-TT-QUAY9')
  await form.getByLabel('Tên tiếng Việt').fill('Quầy 9, Trung tâm Phục vụ hành chính công')
  await form.getByLabel('Tên tiếng Anh').fill('Desk 9, Public Administrative Service Centre')
  await form.getByLabel('Mã cơ quan').fill('31-TT')
  await form.getByRole('button', { name: 'Thêm điểm phục vụ' }).click()

  const notice = page.getByRole('status')
  await expect(notice).toContainText('Đã thêm điểm phục vụ 31-TT-QUAY9.')
  const poster = notice.getByRole('link', { name: 'Tải áp phích mã QR của 31-TT-QUAY9 để in (PDF)' })
  const answer = await page.request.get((await poster.getAttribute('href'))!)
  expect(answer.status()).toBe(200)
  expect(answer.headers()['content-type']).toBe('application/pdf')
  expect((await answer.body()).subarray(0, 5).toString()).toBe('%PDF-')
})
