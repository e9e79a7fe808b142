import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { expectAxeClean, failOnPageErrors, signIn } from './support'

/*
 * The analysis for improvement plans, walked on the demo data: the demo province's administrator (Hải Phòng, merged in
 * 2025) opens the analysis of the province, compares it with Hà Nội, records an improvement
 * action for a weak criterion, and downloads the report, whose text is read back from the PDF.
 * Every page passes axe.
 */

const OWN_PROVINCE = 'p34-31'
const PEER = 'p-01'
const ACTION = `Niêm yết công khai thời hạn trả kết quả tại quầy (${Date.now().toString(36)})`

failOnPageErrors()

test('a province administrator analyses, compares with a peer, records an action and downloads the report', async ({ page }) => {
  test.setTimeout(240_000)
  await signIn(page, 'province_admin')

  await page.goto(`/analysis/province/${OWN_PROVINCE}?period=2025&lng=vi`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hải Phòng')
  await expectAxeClean(page)

  await page.goto('/analysis/compare?year=2025&lng=vi')
  const provinces = page.getByRole('group', { name: /Chọn từ 2 đến 6 tỉnh/ })
  await provinces.getByLabel('Hải Phòng').check()
  await provinces.getByLabel('Hà Nội').check()
  await page.getByRole('form', { name: 'Các tỉnh' }).getByRole('button', { name: 'So sánh' }).click()
  await expect(page.getByRole('heading', { name: 'Kết quả so sánh năm 2025' })).toBeVisible()
  await expect(page.getByRole('table', { name: /Các yếu tố năm 2025/ })).toContainText('Tiếp cận dịch vụ')
  await expect(page.getByText(/quy đổi/).first()).toBeVisible()
  await expectAxeClean(page)

  await page.goto(`/analysis/province/${OWN_PROVINCE}/actions?period=2025&lng=vi`)
  await expect(page.getByRole('heading', { name: 'Ghi nhận giải pháp' })).toBeVisible()
  await page.getByLabel('Giải pháp', { exact: true }).fill(ACTION)
  await page.getByLabel('Đơn vị chủ trì').fill('Văn phòng UBND thành phố')
  await page.getByLabel('Thời hạn').fill('2026-05-31')
  await page.getByLabel('Chỉ tiêu (%)').fill('150')
  await page.getByRole('button', { name: 'Ghi nhận giải pháp' }).click()
  await expect(page.getByText('Hãy nhập chỉ tiêu từ 0 đến 100.').first()).toBeVisible()
  await page.getByLabel('Chỉ tiêu (%)').fill('88,5')
  await page.getByRole('button', { name: 'Ghi nhận giải pháp' }).click()
  await expect(page.getByRole('status')).toHaveText('Đã ghi nhận giải pháp.')
  await expect(page.getByRole('row', { name: new RegExp(ACTION.slice(0, 30)) })).toContainText('88,50')
  await expectAxeClean(page)

  await page.goto(`/analysis/province/${OWN_PROVINCE}/report?period=2025&lang=vi&peer=${PEER}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hải Phòng')
  await expect(page.getByRole('table', { name: /So sánh với đơn vị khác năm 2025/ })).toContainText('Hà Nội')
  await expectAxeClean(page)
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Tải báo cáo (PDF)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  const document = await getDocument({ data: new Uint8Array(await readFile((await download.path())!)) }).promise
  const texts: string[] = []
  for (let number = 1; number <= document.numPages; number++) {
    const pdfPage = await document.getPage(number)
    texts.push((await pdfPage.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  const text = texts.join('\n')
  expect(text).toContain('Hải Phòng')
  expect(text).toContain('Các khoảng cách, xếp theo số điểm chỉ số có thể tăng')
  expect(text).toContain('Hà Nội')
  expect(text).toContain(ACTION.slice(0, 20))
  expect(text).toContain('Phương pháp')
})
