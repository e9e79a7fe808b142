import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'

/*
 * The questionnaire path of a Ministry administrator: a draft from the 2023 template, an item
 * reworded in both languages, the missing-translation problem and its fix, a phone preview,
 * publishing; a short form proposed, edited and previewed block by block; and a service point's
 * poster whose PDF carries the survey link.
 */

// The editor puts both languages side by side: it is a desktop screen.
test.use({ viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false })

const admin = DEMO_ACCOUNTS.find((account) => account.role === 'ministry_admin')!

async function signIn(page: Page) {
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(admin.email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).toHaveURL(/\/admin\//)
}

test('an administrator drafts, fixes, previews and publishes a questionnaire', async ({ page }) => {
  // The editor page holds every item of the template, so axe alone takes seconds on 2 cores.
  test.setTimeout(120_000)
  await signIn(page)
  await page.goto('/admin/questionnaires')
  await page.getByLabel('Mẫu phiếu').selectOption('sipas-2023')
  await page.getByLabel(/Tên ngắn dùng trong địa chỉ/).fill(`e2e-${Date.now()}`)
  await page.getByLabel('Tên phiếu bằng tiếng Việt').fill('Khảo sát thử nghiệm')
  await page.getByLabel('Tên phiếu bằng tiếng Anh').fill('Trial survey')
  await page.getByRole('button', { name: 'Tạo bản nháp' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Khảo sát thử nghiệm, phiên bản 1' })).toBeVisible()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  const seats = page.getByRole('group', { name: /svc\.access\.seats$/ })
  await seats.getByLabel('Câu hỏi (tiếng Việt)').fill('Nơi chờ có đủ ghế ngồi')
  await seats.getByLabel('Câu hỏi (tiếng Anh)').fill('')
  await page.getByRole('button', { name: 'Lưu' }).first().click()
  await expect(page.getByRole('alert')).toContainText('Thiếu nội dung tiếng Anh của “svc.access.seats”.')

  await seats.getByLabel('Câu hỏi (tiếng Anh)').fill('Enough chairs while you wait')
  await page.getByRole('button', { name: 'Lưu' }).first().click()
  await expect(page.getByText('Không có lỗi: bản nháp này có thể ban hành.')).toBeVisible()

  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('link', { name: 'Xem trước như người trả lời' }).click()
  await expect(page.getByTestId('preview-frame')).toContainText('Nơi chờ có đủ ghế ngồi')
  await page.getByRole('link', { name: 'Tiếng Anh' }).click()
  await expect(page.getByTestId('preview-frame')).toContainText('Enough chairs while you wait')
  await page.getByRole('link', { name: 'Quay lại trang chỉnh sửa' }).click()

  await page.getByRole('link', { name: 'Ban hành phiên bản này…' }).click()
  await expect(page.getByText(/Khi ban hành, phiên bản 1/)).toBeVisible()
  await page.getByRole('button', { name: 'Ban hành phiên bản 1' }).click()
  await expect(page.getByText(/Phiên bản này đã ban hành và không thể thay đổi/)).toBeVisible()
})

test('an administrator splits a draft into a short form, moves a question to the core and previews each block', async ({ page }) => {
  test.setTimeout(300_000)
  await signIn(page)
  await page.goto('/admin/questionnaires')
  await page.getByLabel('Mẫu phiếu').selectOption('sipas-2023')
  await page.getByLabel(/Tên ngắn dùng trong địa chỉ/).fill(`e2e-sf-${Date.now()}`)
  await page.getByLabel('Tên phiếu bằng tiếng Việt').fill('Khảo sát rút gọn')
  await page.getByLabel('Tên phiếu bằng tiếng Anh').fill('Short survey')
  await page.getByRole('button', { name: 'Tạo bản nháp' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Khảo sát rút gọn, phiên bản 1' })).toBeVisible()

  // Each button posts the whole editor: wait for the new page, not the old one's texts.
  const submit = async (name: string) => {
    const loaded = page.waitForEvent('load', { timeout: 60_000 })
    await page.getByRole('button', { name }).first().click()
    await loaded
  }
  await page.getByLabel('Số khối').fill('3')
  await submit('Đề xuất phiếu rút gọn')
  await expect(page.getByText('Không có lỗi: bản nháp này có thể ban hành.')).toBeVisible()
  const forms = page.getByRole('table', { name: 'Các mẫu phiếu mà người trả lời có thể nhận' })
  await expect(forms.getByRole('row')).toHaveCount(5)
  await expect(forms.getByRole('row', { name: /^Phần chung \+ Khối 1/ })).toContainText(/khoảng \d+(,5)? phút/)

  await page.getByLabel('demo.gender', { exact: true }).selectOption('core')
  await submit('Lưu')
  await expect(page.getByText('Không có lỗi: bản nháp này có thể ban hành.')).toBeVisible()
  await expect(page.getByLabel('demo.gender', { exact: true })).toHaveValue('core')
  // The rest of the editor page is checked by the test above; axe over all of it takes minutes.
  expect((await new AxeBuilder({ page }).include('#short-form').analyze()).violations).toEqual([])

  // Where each question is asked, as the editor shows it: the core or block 1–3.
  const places = await page
    .locator('table.short-form-places tbody tr')
    .evaluateAll((rows) => rows.map((row) => [row.querySelector('th')!.textContent!.trim(), row.querySelector('select')!.value] as const))
  // Block 1 from the editor's table of forms, the others from the preview's own switch.
  await page.getByRole('link', { name: 'Xem trước phần chung + Khối 1' }).click()
  for (const block of ['1', '2', '3']) {
    if (block !== '1') await page.getByRole('link', { name: `Phần chung + Khối ${block}`, exact: true }).click()
    await expect(page.getByText(`Phiếu rút gọn: chỉ phần chung và Khối ${block}`)).toBeVisible()
    const shown = await page.getByTestId('preview-frame').locator('[data-item-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-item-code')))
    expect(shown).toEqual(places.filter(([, place]) => place === 'core' || place === block).map(([code]) => code))
    expect(shown).toContain('demo.gender')
    if (block === '2') expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  }
  await page.getByRole('link', { name: 'Phiếu đầy đủ' }).click()
  await expect(page.getByTestId('preview-frame').locator('[data-item-code]')).toHaveCount(places.length)
})

test('the poster of a service point downloads as a PDF carrying its survey link', async ({ page }) => {
  await signIn(page)
  await page.goto('/admin/distribution')
  const provinces = await page
    .getByLabel('Tỉnh, thành phố')
    .locator('option:not([disabled])')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))
  for (const province of provinces) {
    await page.goto(`/admin/distribution?province=${province}`)
    if ((await page.getByRole('link', { name: /^Áp phích A4 của/ }).count()) > 0) break
  }
  const poster = page.getByRole('link', { name: /^Áp phích A4 của/ }).first()
  const code = (await poster.getAttribute('href'))!.split('/')[3]!
  const [download] = await Promise.all([page.waitForEvent('download'), poster.click()])
  expect(download.suggestedFilename()).toBe(`sipas-${code}-poster.pdf`)
  const pdf = Buffer.from(await (await page.request.get((await poster.getAttribute('href'))!)).body()).toString(
    'latin1'
  )
  expect(pdf.startsWith('%PDF-')).toBe(true)
  expect(pdf).toMatch(new RegExp(`/URI \\(https?://[^)]+/s/${decodeURIComponent(code)}\\)`))
})
