import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { answeringMinutes, answeringSeconds, SECONDS_PER_ANSWER, SECONDS_PER_SCREEN } from '../../app/questionnaire/answering-time'

/*
 * The phone survey's short form (docs/decisions/027-short-forms.md), as a citizen on a phone
 * meets it at the demo's service point whose campaign asks the phone the short form (31YT,
 * prisma/seed/short-form-campaign.ts): the first page says the short form's time, the pages
 * hold the core and one block packed onto few pages, axe checks every page. The walk counts the
 * screens it turns and the answers it gives and checks the time they take by the one model of
 * ADR 027 (app/questionnaire/answering-time.ts) is 2–3 minutes, as the first page says.
 */

const CODE = '31YT'
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations).toEqual([])
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 })

/** Answers every question the page shows (again while new ones appear); returns how many. */
async function answerPage(page: Page): Promise<number> {
  let total = 0
  for (let round = 0; round < 3; round++) {
    let answered = 0
    for (const group of await page.locator('fieldset.question').all()) {
      if (!(await group.isVisible())) continue
      if ((await group.locator('input:checked').count()) > 0) continue
      const scale = (await group.getAttribute('class'))?.includes('scale')
      await group.locator('input').nth(scale ? 3 : 0).check()
      answered++
    }
    total += answered
    if (answered === 0) break
  }
  return total
}

test('a citizen completes the short form on a phone in 2–3 minutes by the time model; every page passes axe', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto(`/s/${CODE}?lng=vi`)
  const lead = page.locator('.survey-form .lead').first()
  await expect(lead).toContainText('phiếu rút gọn')
  const announced = Number(/khoảng ([\d,]+) phút/.exec((await lead.textContent()) ?? '')![1]!.replace(',', '.'))

  let screens = 0
  let answers = 0
  while ((await heading(page).textContent()) !== 'Xem lại câu trả lời') {
    await expectAccessible(page)
    answers += await answerPage(page)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    screens++
    expect(screens).toBeLessThan(20)
  }
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click()
  screens++
  await expect(heading(page)).toHaveText('Cảm ơn Ông/Bà đã trả lời khảo sát')
  await expectAccessible(page)

  const seconds = answeringSeconds({ answers, screens })
  console.log(
    `short form by phone: ${screens} screens, ${answers} answers → ${seconds} s ≈ ${(seconds / 60).toFixed(1)} min ` +
      `(${SECONDS_PER_ANSWER} s per answer, ${SECONDS_PER_SCREEN} s per screen); the first page says about ${announced} min`,
  )
  // The same model gives the full form its official 10 minutes (51 answers, 12 screens).
  expect(seconds).toBeGreaterThanOrEqual(120)
  expect(seconds).toBeLessThanOrEqual(180)
  // The first page counts every question the block may ask; the walk may be shown one fewer.
  expect(Math.abs(announced - answeringMinutes({ answers, screens }))).toBeLessThanOrEqual(0.5)
})
