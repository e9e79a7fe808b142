import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'
import { failOnPageErrors } from './support'

/*
 * Rating tickets on paper: a clerk prints a sheet of single-use tickets for the seeded service
 * point 31TP; a citizen opens one ticket's address on a phone, answers without the screening
 * question or the field question, and submits; the same ticket again says it has been used.
 * axe checks every new page.
 */

// A used or forged ticket answers 409 or 400 by design; the browser logs that as a failed load.
failOnPageErrors({ expected: /status of (400|409)/ })

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const CODE = '31TP'
const heading = (page: Page) => page.getByRole('heading', { level: 1 })

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations).toEqual([])
}

/** Every unanswered question of the page: the fourth choice of a scale, the first option elsewhere. */
async function answerPage(page: Page) {
  for (let round = 0; round < 3; round++) {
    let answered = 0
    for (const group of await page.locator('fieldset.question').all()) {
      if (!(await group.isVisible()) || (await group.locator('input:checked').count()) > 0) continue
      const scale = (await group.getAttribute('class'))?.includes('scale')
      await group.locator('input').nth(scale ? 3 : 0).check()
      answered++
    }
    if (answered === 0) return
  }
}

test('a clerk prints a ticket sheet; a citizen rates with one ticket, once', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const clerk = DEMO_ACCOUNTS.find((account) => account.role === 'clerk')!
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(clerk.email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).toHaveURL(/\/paper$/)

  await page.getByRole('link', { name: 'In phiếu đánh giá' }).click()
  await expect(heading(page)).toHaveText('In phiếu đánh giá dùng một lần')
  await expectAccessible(page)
  const servicePoint = page.getByLabel('Điểm phục vụ')
  await servicePoint.selectOption((await servicePoint.locator('option', { hasText: `${CODE} — ` }).getAttribute('value'))!)
  await page.getByLabel('Lĩnh vực thủ tục').selectOption({ label: 'Hộ tịch' })
  await page.getByLabel('Số phiếu').fill('3')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp PDF để in' }).click()])
  expect(download.suggestedFilename()).toMatch(new RegExp(`^sipas-tickets-${CODE}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`))
  const pdf = (await readFile((await download.path())!)).toString('latin1')
  expect(pdf.startsWith('%PDF')).toBe(true)
  // Each ticket's address is a link annotation of the PDF (its QR code and its written address).
  const urls = [...new Set([...pdf.matchAll(/\/URI \((https?:\/\/[^)]+\/t\/[A-Za-z0-9._-]+)\)/g)].map((match) => match[1]!))]
  expect(urls).toHaveLength(3)
  const ticketPath = new URL(urls[0]!).pathname

  // The citizen: a phone of their own, not signed in.
  const citizen = await browser.newContext({ ...test.info().project.use })
  try {
    const phone = await citizen.newPage()
    await phone.goto(`${ticketPath}?lng=vi`)
    await expect(heading(phone)).not.toHaveText(/Xác nhận đối tượng khảo sát/)
    await expect(phone.locator('.survey-progress p')).toHaveText(/^Bước 1\//)
    await expect(phone.getByRole('radiogroup', { name: /nộp hồ sơ và đã nhận kết quả/ })).toHaveCount(0)
    await expectAccessible(phone)
    for (let step = 0; step < 15 && (await heading(phone).textContent()) !== 'Xem lại câu trả lời'; step++) {
      await expect(phone.getByRole('radiogroup', { name: /thuộc lĩnh vực nào/ })).toHaveCount(0)
      await answerPage(phone)
      await phone.getByRole('button', { name: 'Tiếp tục' }).click()
    }
    await expect(heading(phone)).toHaveText('Xem lại câu trả lời')
    await expectAccessible(phone)
    await phone.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click()
    await expect(heading(phone)).toHaveText('Cảm ơn Ông/Bà đã trả lời khảo sát')

    // The same ticket again.
    await phone.goto(`${ticketPath}?lng=vi`)
    await expect(heading(phone)).toHaveText('Mã đánh giá này đã được sử dụng — xin cảm ơn')
    await expectAccessible(phone)
    await phone.goto(`${ticketPath}?lng=en`)
    await expect(heading(phone)).toHaveText('This ticket has already been used — thank you')

    // An altered ticket.
    await phone.goto(`${ticketPath.slice(0, -3)}abc?lng=vi`)
    await expect(heading(phone)).toHaveText('Mã đánh giá không hợp lệ')
    await expectAccessible(phone)
  } finally {
    await citizen.close()
  }
})
