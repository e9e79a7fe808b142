import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

for (const [lng, heading] of [
  ['vi', 'Khảo sát sự hài lòng của người dân, tổ chức'],
  ['en', 'Citizen satisfaction survey'],
] as const) {
  test(`the home page reads in ${lng} and passes axe`, async ({ page }) => {
    await page.goto(`/?lng=${lng}`)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', lng)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()
    expect(results.violations).toEqual([])
  })
}

test('the language choice sticks across pages through the cookie', async ({ page }) => {
  await page.goto('/?lng=en')
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('the seeded demo shows 34 provinces in force', async ({ page }) => {
  await page.goto('/?lng=en')
  await expect(page.getByText(/Data so far: 34 provinces/)).toBeVisible()
})
