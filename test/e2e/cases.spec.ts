import { expect, test, type Browser } from '@playwright/test'
import { expectAxeClean, failOnPageErrors, signIn } from './support'

/*
 * Closing the loop, staff side: a citizen at the demo agency's desk (31TP, ag-31-TP) is very
 * dissatisfied and says why; the agency's manager finds the case in the list, starts it, replies
 * and marks it answered. The new pages pass axe.
 */

const OWN_AGENCY = 'ag-31-TP'
const SURVEY_PAGES = 12 // screening, ten sections of SIPAS 2023, review
const COMMENT = `Hẹn trả kết quả ba lần vẫn chưa có (${Date.now().toString(36)})`

failOnPageErrors()

/** A citizen answers every scale question "very dissatisfied" (its first choice) and leaves a comment. */
async function submitDissatisfiedSurvey(browser: Browser) {
  const page = await browser.newPage({ locale: 'vi-VN' })
  const progress = page.locator('.survey-progress p')
  await page.goto('/s/31TP?lng=vi')
  for (let attempt = 0; attempt < 2 * SURVEY_PAGES; attempt++) {
    if ((await progress.textContent()) === `Bước ${SURVEY_PAGES}/${SURVEY_PAGES}`) break
    for (let round = 0; round < 3; round++) {
      let answered = 0
      for (const group of await page.locator('fieldset.question').all()) {
        if (!(await group.isVisible()) || (await group.locator('input:checked').count()) > 0) continue
        await group.locator('input').first().check()
        answered++
      }
      if (answered === 0) break
    }
    const text = page.locator('textarea')
    if ((await text.count()) > 0) await text.first().fill(COMMENT)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.waitForLoadState()
  }
  await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cảm ơn Ông/Bà đã trả lời khảo sát', { timeout: 20_000 })
  await page.close()
}

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000)
  await submitDissatisfiedSurvey(browser)
})

test('an agency manager opens the case from the list, replies and marks it answered', async ({ page }) => {
  await signIn(page, 'agency_manager')
  await page.goto(`/dashboard/${OWN_AGENCY}`)
  await page.getByRole('link', { name: 'Phản ánh cần trả lời (mở, quá hạn, đã trả lời)' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Phản ánh cần trả lời/ })).toBeVisible()
  await expectAxeClean(page)

  // Oldest first: this run's case is the last one received today.
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
  await page.getByRole('link', { name: new RegExp(`^Phản ánh ngày ${today} tại`) }).last().click()
  await expect(page.getByText(COMMENT)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Các câu trả lời của người dân' })).toContainText('(chưa hài lòng)')
  await expectAxeClean(page)

  await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click()
  await expect(page.getByRole('status')).toHaveText('Đã chuyển sang đang xử lý.')

  // Too short: react-hook-form refuses it before anything is sent.
  await page.getByLabel('Nội dung trả lời').fill('Xin lỗi')
  await page.getByRole('button', { name: 'Gửi trả lời và đánh dấu đã trả lời' }).click()
  await expect(page.getByText('Hãy viết nội dung trả lời (ít nhất 10 ký tự).')).toBeVisible()

  await page.getByLabel('Nội dung trả lời').fill('Trung tâm xin lỗi ông/bà; hồ sơ đã có kết quả, mời ông/bà đến nhận.')
  await page.getByRole('button', { name: 'Gửi trả lời và đánh dấu đã trả lời' }).click()
  await expect(page.getByRole('status')).toHaveText('Đã lưu trả lời; phản ánh được đánh dấu đã trả lời.')
  await expect(page.locator('.case-facts')).toContainText('Đã trả lời')
  await expect(page.getByRole('link', { name: 'Đăng lên trang “Bạn nói, chúng tôi làm”' })).toBeVisible()
  await expectAxeClean(page)
})

test('the Ministry sees response times per agency, and the page passes axe', async ({ page }) => {
  await signIn(page, 'ministry_analyst')
  await page.goto('/ministry')
  await page.getByRole('link', { name: 'Thời gian trả lời phản ánh của các cơ quan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thời gian trả lời phản ánh theo cơ quan' })).toBeVisible()
  await expect(page.getByRole('table', { name: /Thời gian trả lời phản ánh, / })).toContainText('Sở Tư pháp Hải Phòng')
  await expectAxeClean(page)
})
