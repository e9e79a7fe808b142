import { expect, test } from '@playwright/test'
import { DESKTOP, expectAxeClean, failOnPageErrors, signIn } from './support'

/*
 * Staff pages of rating tickets and cases that no flow of their own passes through in the browser:
 * the case rules, the quality page with its basis of official figures, an agency's published
 * notes, and the analysis of a unit for its improvement plan. Each opens for its role and passes
 * axe, in both languages.
 */

test.use(DESKTOP)
failOnPageErrors()

const AGENCY = 'ag-31-TP'

test('the Ministry administrator’s case rules and quality pages pass axe in both languages', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'ministry_admin', 'en')
  for (const lng of ['vi', 'en']) {
    await expectAxeClean(page, `/admin/cases?lng=${lng}`)
    await expectAxeClean(page, `/admin/quality?lng=${lng}`)
  }
})

test('an agency manager’s published notes and the publishing form pass axe in both languages', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'agency_manager', 'en')
  for (const lng of ['vi', 'en']) {
    await expectAxeClean(page, `/dashboard/${AGENCY}/notes?lng=${lng}`)
    await expectAxeClean(page, `/dashboard/${AGENCY}/notes/new?lng=${lng}`)
  }
})

test('a province administrator chooses their province on /analysis; its analysis passes axe in both languages and another province is refused', async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page, 'province_admin', 'en')
  for (const lng of ['vi', 'en']) await expectAxeClean(page, `/analysis?lng=${lng}`)
  await page.getByRole('button', { name: 'Show the analysis' }).click()
  await expect(page).toHaveURL(/\/analysis\/province\/[^/?]+\?period=\d{4}/, { timeout: 60_000 })
  // The test seed is small (2,000 responses): three years give the province enough respondents
  // for key drivers and the chart.
  const path = `${new URL(page.url()).pathname}?period=2024-01-01..2026-12-31`
  for (const lng of ['vi', 'en']) await expectAxeClean(page, `${path}&lng=${lng}`)
  await expect(page.getByRole('table', { name: 'Gaps by element and criterion' })).toBeVisible()
  await expect(page.getByRole('img', { name: /Importance × performance chart/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Importance and performance by criterion' })).toBeVisible()
  // The demo province is Hải Phòng; Hà Nội is another province. (A request of the page's session,
  // not a navigation: the browser would log the 403 as a console error.)
  const refused = await page.request.get('/analysis/province/p-01?lng=en', { headers: { Accept: 'text/html' } })
  expect(refused.status()).toBe(403)
  expect(await refused.text()).toContain('You may not analyse this unit.')
})

test('an agency manager’s analysis of their agency passes axe in both languages', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, 'agency_manager', 'en')
  for (const lng of ['vi', 'en']) await expectAxeClean(page, `/analysis/agency/${AGENCY}?period=2025&lng=${lng}`)
})
