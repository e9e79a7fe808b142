import { expect, test } from '@playwright/test'
import { DESKTOP, expectAxeClean, failOnPageErrors, signIn } from './support'

/*
 * Sampling plans in the browser (docs/decisions/028-sampling-plans.md): a province administrator
 * opens the plan of the demo's 2026 campaign from the campaigns list, sets one service point's
 * plan, has a bad CSV refused line by line, and follows the campaign's progress; the Ministry's
 * analyst reaches the progress from the national overview. Every page passes axe in both
 * languages, errors shown included.
 */

test.use(DESKTOP)
// The refused import answers 400, which the browser logs.
failOnPageErrors({ expected: /status of 400/ })

const CAMPAIGN = 'SIPAS survey 2026'

test('a province administrator plans the campaign, has a bad file refused by line, and follows its progress', async ({ page }) => {
  test.setTimeout(150_000)
  await signIn(page, 'province_admin', 'en')
  await page.goto('/admin/campaigns?lng=en')
  const row = page.getByRole('row').filter({ has: page.getByText(CAMPAIGN, { exact: true }) })
  await row.getByRole('link', { name: 'Sampling plan' }).click()
  await expect(page).toHaveURL(/\/admin\/campaigns\/[^/]+\/plan$/)
  const planPath = new URL(page.url()).pathname
  for (const lng of ['vi', 'en']) await expectAxeClean(page, `${planPath}?lng=${lng}`)

  await page.getByLabel('People served (N)').fill('2000')
  await page.getByRole('button', { name: 'Save plan' }).click()
  await expect(page.getByRole('status')).toContainText('is saved')

  await page.getByLabel('CSV file').setInputFiles({
    name: 'plans.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('service_point_code;population_n\nNOPE;100\n'),
  })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('Line 2: no service point has the code “NOPE”.')
  await expectAxeClean(page)

  await page.getByRole('link', { name: 'See the collection progress' }).click()
  await expect(page).toHaveURL(/\/campaigns\/[^/]+\/progress$/)
  const progressPath = new URL(page.url()).pathname
  for (const lng of ['vi', 'en']) await expectAxeClean(page, `${progressPath}?lng=${lng}`)
  await expect(page.getByRole('img', { name: /Responses collected, day by day/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'By service point' })).toBeVisible()
  await expect(page.getByText(/At risk: projected to miss the target/).first()).toBeVisible()
  const csv = await page.request.get(`${progressPath}/csv`)
  expect(csv.status()).toBe(200)
  expect(await csv.text()).toContain('level,province,agency,code,name,target,collected')
})

test('the Ministry’s analyst reaches a campaign’s progress from the national overview', async ({ page }) => {
  test.setTimeout(150_000)
  await signIn(page, 'ministry_analyst', 'en')
  await page.goto('/ministry?lng=en')
  await page.getByRole('link', { name: CAMPAIGN, exact: true }).click()
  await expect(page).toHaveURL(/\/campaigns\/[^/]+\/progress$/)
  await expectAxeClean(page)
  await expect(page.getByRole('table', { name: 'By province' })).toBeVisible()
})
