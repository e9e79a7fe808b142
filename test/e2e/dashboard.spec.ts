import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser } from '@playwright/test'
import { signIn, WCAG } from './support'

/*
 * The agency dashboard as the demo agency's staff meet it (Sở Tư pháp Hải Phòng,
 * ag-31-TP): their own figures and their citizens' comments, never another agency's. The
 * comments are left by a citizen through the public survey first, one at the demo agency's desk
 * (31TP) and one at another agency's (31NV), each with a text unique to this run.
 */

const OWN_AGENCY = 'ag-31-TP'
const OTHER_AGENCY = 'ag-31-NV'
const SURVEY_PAGES = 12 // screening, ten sections of SIPAS 2023, review
const stamp = Date.now().toString(36)
const OWN_COMMENT = `Cán bộ Sở Tư pháp hướng dẫn tận tình (${stamp})`
const OTHER_COMMENT = `Quầy Sở Nội vụ chờ quá lâu (${stamp})`

/**
 * A citizen answers every question (the fourth scale choice, the first option) and leaves a
 * comment. Page by page until the review; a page the server sends back (an answer it wants
 * added) is simply answered again.
 */
async function submitSurveyWithComment(browser: Browser, code: string, comment: string) {
  const page = await browser.newPage({ locale: 'vi-VN' })
  const progress = page.locator('.survey-progress p')
  await page.goto(`/s/${code}?lng=vi`)
  for (let attempt = 0; attempt < 2 * SURVEY_PAGES; attempt++) {
    const step = await progress.textContent()
    if (step === `Bước ${SURVEY_PAGES}/${SURVEY_PAGES}`) break
    for (let round = 0; round < 3; round++) {
      let answered = 0
      for (const group of await page.locator('fieldset.question').all()) {
        if (!(await group.isVisible()) || (await group.locator('input:checked').count()) > 0) continue
        const scale = (await group.getAttribute('class'))?.includes('scale')
        await group.locator('input').nth(scale ? 3 : 0).check()
        answered++
      }
      if (answered === 0) break
    }
    const text = page.locator('textarea')
    if ((await text.count()) > 0) await text.first().fill(comment)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.waitForLoadState()
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xem lại câu trả lời')
  await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cảm ơn Ông/Bà đã trả lời khảo sát', { timeout: 20_000 })
  await page.close()
}

test.describe.configure({ mode: 'serial', timeout: 90_000 })

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000)
  await submitSurveyWithComment(browser, '31TP', OWN_COMMENT)
  await submitSurveyWithComment(browser, '31NV', OTHER_COMMENT)
})

test("an agency viewer sees their agency's figures and only its comments, and gets 403 on another agency's dashboard", async ({ page }) => {
  await signIn(page, 'agency_viewer')
  await page.goto('/dashboard')
  await expect(page).toHaveURL(new RegExp(`/dashboard/${OWN_AGENCY}$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Sở Tư pháp Hải Phòng' })).toBeVisible()
  await expect(page.getByRole('table', { name: /SIPAS của cơ quan, của tỉnh và cả nước/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /SIPAS của Sở Tư pháp Hải Phòng theo tháng/ })).toBeVisible()

  await expect(page.getByText(OWN_COMMENT)).toBeVisible()
  await expect(page.getByText(OTHER_COMMENT)).toHaveCount(0)
  for (const meta of await page.locator('.comment-meta').all()) await expect(meta).toContainText('Sở Tư pháp')
  // Viewers read; they don't moderate.
  await expect(page.getByRole('button', { name: 'Ẩn ý kiến' })).toHaveCount(0)
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations).toEqual([])

  const other = await page.goto(`/dashboard/${OTHER_AGENCY}`)
  expect(other?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1, name: 'Lỗi 403' })).toBeVisible()
  await expect(page.getByText(OTHER_COMMENT)).toHaveCount(0)
})

test('the agency manager hides an abusive comment with a reason; viewers no longer see it', async ({ page, browser }) => {
  await signIn(page, 'agency_manager')
  await page.goto(`/dashboard/${OWN_AGENCY}`)
  const comment = page.locator('li.comment', { hasText: OWN_COMMENT })
  await comment.getByLabel('Lý do ẩn').fill('Thử nghiệm kiểm duyệt')
  await comment.getByRole('button', { name: 'Ẩn ý kiến' }).click()
  await expect(page.getByRole('status')).toHaveText('Đã ẩn ý kiến.')
  await expect(page.locator('li.comment', { hasText: OWN_COMMENT })).toContainText('Đã ẩn — lý do: Thử nghiệm kiểm duyệt')

  const viewer = await browser.newPage({ locale: 'vi-VN' })
  await signIn(viewer, 'agency_viewer')
  await viewer.goto(`/dashboard/${OWN_AGENCY}`)
  await expect(viewer.getByRole('heading', { level: 2, name: 'Ý kiến của người dân' })).toBeVisible()
  await expect(viewer.getByText(OWN_COMMENT)).toHaveCount(0)
  await viewer.close()

  // A moderation mistake can be undone.
  await page.locator('li.comment', { hasText: OWN_COMMENT }).getByRole('button', { name: 'Hiện lại' }).click()
  await expect(page.getByRole('status')).toHaveText('Đã hiện lại ý kiến.')
})

test('a province administrator opens the dashboards of their province, without the comments', async ({ page }) => {
  await signIn(page, 'province_admin')
  await page.goto('/dashboard')
  await page.getByRole('link', { name: 'Sở Tư pháp Hải Phòng' }).click()
  await expect(page).toHaveURL(new RegExp(`/dashboard/${OWN_AGENCY}$`))
  await expect(page.getByText('Ý kiến của người dân chỉ hiển thị cho cán bộ của chính cơ quan.')).toBeVisible()
  await expect(page.getByText(OWN_COMMENT)).toHaveCount(0)
})

test('the Ministry overview shows national figures and the provinces, and passes axe', async ({ page }) => {
  await signIn(page, 'ministry_analyst')
  await page.goto('/ministry?year=2025')
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan toàn quốc năm 2025' })).toBeVisible()
  await expect(page.getByText(/SIPAS toàn quốc \d+,\d{2}\s% — trung bình của 34 tỉnh, thành phố/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'SIPAS năm 2025 — Tỉnh, thành phố' })).toBeVisible()
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations).toEqual([])
})
