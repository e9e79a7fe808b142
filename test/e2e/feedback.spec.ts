import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/*
 * Closing the loop, as a citizen on a phone meets it: a dissatisfied response with a comment opens
 * a case, and the thank-you page offers to hear back (a contact detail is refused without the
 * consent box, stored with it); the public "your feedback" page reads an answered case's reply with
 * its receipt code (the demo's answered case, prisma/seed/feedback.ts) and says plainly when a code
 * is wrong; the service point's "you said, we did" page lists what the agency published. Every new
 * page passes axe, and none needs JavaScript.
 */

const CODE = '31TP'
const DEMO_RECEIPT = 'DEMQ-RE9Y-2026'
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations).toEqual([])
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 })

/**
 * The whole phone survey, every scale at its first choice ("very dissatisfied"), the first option
 * elsewhere, and a comment wherever free text is asked: a response that opens a case.
 */
async function answerDissatisfied(page: Page) {
  for (let step = 0; step < 20; step++) {
    if ((await heading(page).textContent())?.includes('Xem lại câu trả lời')) return
    for (let round = 0; round < 3; round++) {
      let answered = 0
      for (const group of await page.locator('fieldset.question').all()) {
        if (!(await group.isVisible()) || (await group.locator('input:checked').count()) > 0) continue
        await group.locator('input').first().check()
        answered++
      }
      if (answered === 0) break
    }
    for (const text of await page.locator('textarea').all()) {
      if (await text.isVisible()) await text.fill('Phải chờ hơn hai tiếng, không ai hướng dẫn.')
    }
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
  }
  throw new Error('the review page never came')
}

test.describe('closing the loop', () => {
  test('the thank-you page offers to hear back; a contact is refused without consent and stored with it', async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto(`/s/${CODE}`)
    await answerDissatisfied(page)
    await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click()
    await expect(heading(page)).toHaveText('Cảm ơn Ông/Bà đã trả lời khảo sát')
    const hearBack = page.getByRole('region', { name: 'Nhận phản hồi về ý kiến của Ông/Bà' })
    await expect(hearBack).toBeVisible()
    await expect(hearBack).toContainText('theo quy định về bảo vệ dữ liệu cá nhân')
    await expectAccessible(page)

    // Without the consent box: refused with a message, the number kept in the field.
    await page.getByRole('textbox', { name: 'Số điện thoại hoặc địa chỉ email' }).fill('0912 345 678')
    await page.getByRole('button', { name: 'Gửi thông tin liên lạc' }).click()
    const summary = page.getByRole('alert')
    await expect(summary).toContainText('Hãy đánh dấu ô đồng ý')
    await expect(page.getByRole('textbox', { name: 'Số điện thoại hoặc địa chỉ email' })).toHaveValue('0912 345 678')
    await expect(page.getByRole('checkbox')).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page)

    // With it, from the keyboard: the page then says the contact is noted and offers no form.
    await page.getByRole('checkbox').focus()
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Gửi thông tin liên lạc' }).click()
    await expect(page.getByRole('status')).toContainText('Đã ghi nhận thông tin liên lạc của Ông/Bà')
    await expect(page.getByRole('button', { name: 'Gửi thông tin liên lạc' })).toHaveCount(0)
    await expectAccessible(page)

    // The receipt reads the case on the public page: received, with its deadline, no reply yet.
    await page.getByRole('link', { name: 'Xem tình trạng ý kiến của tôi' }).click()
    await expect(page.getByText('Tình trạng: Đã tiếp nhận')).toBeVisible()
    await expect(page.getByText(/^Hạn trả lời:/)).toBeVisible()
    await expect(page.getByText('0912')).toHaveCount(0)
  })

  test('a citizen reads an answered case’s reply with the receipt code; a wrong code says so', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Ý kiến của tôi' }).click()
    await expect(heading(page)).toHaveText('Ý kiến của tôi')
    await expectAccessible(page)

    await page.getByLabel('Mã biên nhận').fill('demq re9y 2026')
    await page.getByRole('button', { name: 'Xem tình trạng' }).click()
    await expect(page.getByRole('heading', { name: `Phiếu ${DEMO_RECEIPT}` })).toBeVisible()
    await expect(page.getByText('Tình trạng: Đã trả lời')).toBeVisible()
    await expect(page.getByText(/mở thêm một quầy tiếp nhận vào buổi sáng/)).toBeVisible()
    await expectAccessible(page)

    const wrong = await page.goto('/feedback?receipt=ZZZZ-ZZZZ-ZZZZ')
    expect(wrong?.status()).toBe(404)
    await expect(page.getByText('Không tìm thấy phiếu nào có mã biên nhận này')).toBeVisible()
    await expect(page.getByLabel('Mã biên nhận')).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page)
  })

  test('the service point’s “you said, we did” page lists what the agency published', async ({ page }) => {
    await page.goto(`/s/${CODE}/you-said-we-did`)
    await expect(heading(page)).toHaveText('Người dân góp ý, cơ quan đã làm gì')
    const notes = page.locator('.public-note')
    await expect(notes).toHaveCount(2)
    // Newest first: the reply to the answered case, then the earlier improvement.
    await expect(notes.first()).toContainText('Trả lời ý kiến')
    await expect(notes.nth(1)).toContainText('mã QR tra cứu tình trạng hồ sơ')
    await expectAccessible(page)
  })
})
