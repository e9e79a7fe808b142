import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, test, type Locator, type Page } from '@playwright/test'
import { gzipSync } from 'node:zlib'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/demo-accounts'

/** The JavaScript budget of the public survey page; the page is built to ship none (ADR 011). */
const JS_BUDGET_BYTES = 100 * 1024

/*
 * The phone survey, as a citizen on a phone meets it: the QR code's address, the screening
 * question, one page per section, the review, the thank-you page with its receipt; with and
 * without JavaScript, switching language midway, and at a service point whose survey is over.
 * axe checks every page of the flow. The seed runs the 2026 campaign at every service point.
 */

const CODE = '31TP'
const PAGES = 12 // screening, ten sections of SIPAS 2023, review
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations).toEqual([])
}

/**
 * axe runs inside the page, which a context without JavaScript refuses. So the page as the
 * server sent it (often the answer to a POST) is replayed at its own address in a second
 * context, where axe may run but the app's scripts may not: the same DOM, styles and all.
 */
async function expectAccessibleWithoutJavaScript(page: Page, browser: Browser) {
  const html = await page.content()
  const url = page.url()
  const context = await browser.newContext({ ...test.info().project.use, javaScriptEnabled: true })
  try {
    const replay = await context.newPage()
    await replay.route('**/*', (route) => {
      const request = route.request()
      if (request.resourceType() === 'script') return route.abort()
      if (request.url() === url && request.resourceType() === 'document') {
        return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
      }
      return route.continue()
    })
    await replay.goto(url)
    await expectAccessible(replay)
  } finally {
    await context.close()
  }
}

/** Responses stored so far, from the home page's headline figures (Vietnamese: 2.000). */
async function storedResponses(page: Page): Promise<number> {
  await page.goto('/?lng=vi')
  const text = (await page.getByText(/phiếu trả lời/).textContent()) ?? ''
  return Number(/([\d.]+) phiếu trả lời/.exec(text)![1]!.replaceAll('.', ''))
}

const progress = (page: Page) => page.locator('.survey-progress p')
const heading = (page: Page) => page.getByRole('heading', { level: 1 })

/**
 * Answers every question the page shows that has no answer yet, again until nothing new appears
 * (a conditional question shows up once the answer it depends on is given): the fourth choice
 * of a scale ("satisfied"), the first option elsewhere, leaving optional free text empty.
 */
async function answerPage(page: Page) {
  for (let round = 0; round < 3; round++) {
    let answered = 0
    for (const group of await page.locator('fieldset.question').all()) {
      if (!(await group.isVisible())) continue
      const inputs = group.locator('input')
      if ((await group.locator('input:checked').count()) > 0) continue
      const scale = (await group.getAttribute('class'))?.includes('scale')
      await inputs.nth(scale ? 3 : 0).check()
      answered++
    }
    if (answered === 0) return
  }
}

/** From the screening page to the review page, checking each page on the way. */
async function answerEverything(page: Page, onEachPage: (step: number) => Promise<void> = async () => {}) {
  for (let step = 1; step < PAGES; step++) {
    await expect(progress(page)).toHaveText(`Bước ${step}/${PAGES}`)
    await onEachPage(step)
    await answerPage(page)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
  }
  await expect(heading(page)).toHaveText('Xem lại câu trả lời')
  await expect(progress(page)).toHaveText(`Bước ${PAGES}/${PAGES}`)
}

const receiptOf = (page: Page) => page.locator('.receipt strong')

test.describe('with JavaScript', () => {
  test('a citizen completes the survey in Vietnamese; every page passes axe and it is stored once', async ({ page }) => {
    test.setTimeout(180_000)
    const cspViolations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
    })
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script' && new URL(request.url()).pathname.startsWith('/assets/')) {
        if (new URL(page.url()).pathname.startsWith('/s/')) scripts.push(request.url())
      }
    })
    const before = await storedResponses(page)
    await page.goto(`/s/${CODE}`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
    await expect(heading(page)).toHaveText(/Khảo sát sự hài lòng/)

    await answerEverything(page, async (step) => {
      await expectAccessible(page)
      if (step === 3) {
        // "Is the portal easy?" is for those who used it, and says so in words (no script hides it).
        const easy = page.getByRole('radiogroup', { name: /Cổng Dịch vụ công là dễ dàng/ })
        await expect(easy).toHaveAccessibleDescription(/đã từng sử dụng Cổng Dịch vụ công/)
        await page.getByRole('radiogroup', { name: /đã từng sử dụng Cổng Dịch vụ công/ }).getByLabel('Có').check()
        await expect(easy.getByLabel('Không biết')).toBeVisible()
      }
    })
    await expectAccessible(page)

    // Scale answers read back in words, and a section can be edited from the review.
    const access = page.getByRole('region', { name: 'Tiếp cận dịch vụ' })
    await expect(access.getByText('Hài lòng', { exact: true }).first()).toBeVisible()
    await access.getByRole('button', { name: 'Sửa phần “Tiếp cận dịch vụ”' }).click()
    await expect(heading(page)).toHaveText('Tiếp cận dịch vụ')
    await page.getByRole('radiogroup', { name: /Nơi ngồi chờ có đủ chỗ ngồi/ }).getByLabel('Rất hài lòng').check()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect(heading(page)).toHaveText('Xem lại câu trả lời')
    await expect(access.getByText('Rất hài lòng', { exact: true })).toBeVisible()

    await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click()
    await expect(heading(page)).toHaveText('Cảm ơn Ông/Bà đã trả lời khảo sát')
    await expect(receiptOf(page)).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    await expectAccessible(page)
    expect(await storedResponses(page)).toBe(before + 1)
    expect(cspViolations).toEqual([])
    // The survey ships no JavaScript even where the browser runs it (ADR 011).
    expect(scripts).toEqual([])
  })

  test('a page with missing answers explains what to fix and links each problem to its question', async ({ page }) => {
    await page.goto(`/s/${CODE}`)
    await page.getByLabel(/Có, tôi đã nộp hồ sơ/).check()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect(heading(page)).toHaveText('Thông tin về người trả lời')
    await page.getByRole('radiogroup', { name: 'Giới tính của Ông/Bà' }).getByLabel('Nữ').check()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()

    const summary = page.getByRole('alert')
    await expect(summary).toContainText('Vui lòng kiểm tra lại các câu trả lời sau')
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link')).toHaveCount(6)
    const question = page.getByRole('radiogroup', { name: 'Ông/Bà thực hiện thủ tục với tư cách nào?' })
    await expect(question).toHaveAttribute('aria-invalid', 'true')
    await expect(question).toHaveAccessibleDescription('Vui lòng trả lời câu hỏi này.')
    await expectAccessible(page)

    // The link leads to the question's first choice.
    await expect(summary.getByRole('link', { name: 'Ông/Bà thực hiện thủ tục với tư cách nào?' })).toHaveAttribute(
      'href',
      `#${await question.getByRole('radio').first().getAttribute('id')}`,
    )
    await expect(progress(page)).toHaveText(`Bước 2/${PAGES}`)
  })

  test('a keyboard alone answers a page: Tab to the choices, arrows to choose, Enter to continue', async ({ page }) => {
    await page.goto(`/s/${CODE}`)
    const firstChoice = page.getByRole('radio', { name: /Có, tôi đã nộp hồ sơ/ })
    for (let presses = 0; presses < 12 && !(await firstChoice.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab')
    }
    await expect(firstChoice).toBeFocused()
    await page.keyboard.press('Space')
    await expect(firstChoice).toBeChecked()
    await page.keyboard.press('Enter')
    await expect(heading(page)).toHaveText('Thông tin về người trả lời')
    await expect(progress(page)).toHaveText(`Bước 2/${PAGES}`)
    // The new page takes the focus, so the next Tab goes into it.
    await expect(heading(page)).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('radio', { name: 'Cá nhân' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('radio', { name: 'Đại diện tổ chức, doanh nghiệp' })).toBeChecked()
  })

  test('switching to English midway keeps every answer, and going back shows them', async ({ page }) => {
    await page.goto(`/s/${CODE}`)
    await answerPage(page)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.getByRole('radiogroup', { name: 'Giới tính của Ông/Bà' }).getByLabel('Nữ').check()
    await answerPage(page)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect(heading(page)).toHaveText('Nhận thức của người dân, tổ chức')
    // An answer on the current page, not yet sent.
    await page.getByRole('radiogroup', { name: /quan tâm đến các chính sách/ }).getByLabel('Ít quan tâm').check()

    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(heading(page)).toHaveText('Your views')
    await expect(progress(page)).toHaveText(`Step 3 of ${PAGES}`)
    await expect(page.getByRole('radiogroup', { name: /interested are you/ }).getByLabel('Slightly interested')).toBeChecked()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Back' }).click()
    await expect(heading(page)).toHaveText('About you')
    await expect(page.getByRole('radiogroup', { name: 'Your gender' }).getByLabel('Female')).toBeChecked()
    await page.getByRole('button', { name: 'Tiếng Việt' }).click()
    await expect(heading(page)).toHaveText('Thông tin về người trả lời')
    await expect(page.getByRole('radiogroup', { name: 'Giới tính của Ông/Bà' }).getByLabel('Nữ')).toBeChecked()
  })

  test('someone the survey is not for is thanked and stops there', async ({ page }) => {
    await page.goto(`/s/${CODE}`)
    await page.getByRole('radio', { name: 'Không', exact: true }).check()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect(heading(page)).toHaveText('Cảm ơn Ông/Bà')
    await expect(page.getByText(/không cần trả lời tiếp/)).toBeVisible()
    await expectAccessible(page)
  })

  for (const path of [`/s/${CODE}`, '/']) {
    test(`${path} loads under the JavaScript budget`, async ({ page }) => {
      const scripts: Promise<number>[] = []
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length))
      })
      await page.goto(path, { waitUntil: 'networkidle' })
      const gzip = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0)
      console.log(`${path} loaded ${(gzip / 1024).toFixed(1)} KB of gzipped JavaScript (budget ${JS_BUDGET_BYTES / 1024} KB)`)
      expect(gzip).toBeLessThanOrEqual(JS_BUDGET_BYTES)
    })
  }
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a citizen completes the survey; a resubmitted final page is not counted twice', async ({ page, browser }) => {
    test.setTimeout(180_000)
    const before = await storedResponses(page)
    await page.goto(`/s/${CODE}`)
    await answerEverything(page, async (step) => {
      await expectAccessibleWithoutJavaScript(page, browser)
      if (step === 3) {
        // Without JavaScript the conditional question stays on the page and says when it applies.
        await expect(page.getByText(/Chỉ trả lời câu này nếu ở câu “Ông\/Bà đã từng sử dụng/)).toBeVisible()
      }
    })
    await expectAccessibleWithoutJavaScript(page, browser)
    const form = await finalForm(page)

    await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click()
    await expect(heading(page)).toHaveText('Cảm ơn Ông/Bà đã trả lời khảo sát')
    const receipt = await receiptOf(page).textContent()
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    await expectAccessibleWithoutJavaScript(page, browser)

    // The same final page posted again (a reload, or back and resubmit): the same receipt.
    const replay = await page.request.post(`/s/${CODE}`, { form, maxRedirects: 0 })
    expect(replay.status()).toBe(302)
    expect(replay.headers()['location']).toBe(page.url().replace(/^https?:\/\/[^/]+/, ''))
    expect(await storedResponses(page)).toBe(before + 1)
  })

  test('a page with a missing answer comes back with the problem and the answers given', async ({ page, browser }) => {
    await page.goto(`/s/${CODE}`)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await expect(page.getByRole('alert')).toContainText('Vui lòng trả lời câu hỏi này.')
    await page.getByLabel(/Có, tôi đã nộp hồ sơ/).check()
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.getByRole('radiogroup', { name: 'Giới tính của Ông/Bà' }).getByLabel('Nữ').check()
    const response = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    expect((await response).status()).toBe(400)
    await expect(page.getByRole('alert').getByRole('link')).toHaveCount(6)
    await expect(page.getByRole('radiogroup', { name: 'Giới tính của Ông/Bà' }).getByLabel('Nữ')).toBeChecked()
    await expectAccessibleWithoutJavaScript(page, browser)
  })

  test('switching language keeps the answers, those of the current page too', async ({ page }) => {
    await page.goto(`/s/${CODE}`)
    await answerPage(page)
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    await page.getByRole('radiogroup', { name: 'Giới tính của Ông/Bà' }).getByLabel('Nữ').check()
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(heading(page)).toHaveText('About you')
    await expect(page.getByRole('radiogroup', { name: 'Your gender' }).getByLabel('Female')).toBeChecked()
    await page.getByRole('button', { name: 'Back' }).click()
    await expect(page.getByRole('radio', { name: /Yes, I submitted a dossier/ })).toBeChecked()
  })
})

test.describe('where there is no survey to answer', () => {
  test('an unknown code says so (404)', async ({ page }) => {
    const response = await page.goto('/s/NO-SUCH-POINT')
    expect(response?.status()).toBe(404)
    await expect(heading(page)).toHaveText('Không tìm thấy điểm phục vụ')
    await expectAccessible(page)
  })

  test('a service point without a campaign, or whose campaign has ended, says so (404, 410)', async ({ page }) => {
    const suffix = Date.now().toString(36).toUpperCase()
    const [idle, code] = [`E2E-IDLE-${suffix}`, `E2E-ENDED-${suffix}`]
    await signInAsMinistryAdmin(page)
    await addServicePoint(page, idle, 'Quầy thử nghiệm chưa khảo sát')
    await addServicePoint(page, code, 'Quầy thử nghiệm đã đóng')

    expect((await page.goto(`/s/${idle}`))?.status()).toBe(404)
    await expect(heading(page)).toHaveText('Chưa có đợt khảo sát')

    await page.goto('/admin/campaigns?lng=vi')
    await page.getByLabel('Tên bằng tiếng Việt').fill('Đợt thử nghiệm đã kết thúc')
    await page.getByLabel('Tên bằng tiếng Anh').fill('Ended trial')
    await page.getByLabel('Ngày bắt đầu').fill('2025-01-01')
    await page.getByLabel('Ngày kết thúc').fill('2025-06-30')
    await page.getByLabel('Phiên bản phiếu').selectOption({ label: 'Phiếu khảo sát SIPAS — v1' })
    await page.getByLabel('Mã các điểm phục vụ, mỗi mã một dòng').fill(code)
    await page.getByRole('button', { name: 'Tạo đợt khảo sát' }).click()
    await expect(page.getByRole('status')).toContainText('Đợt thử nghiệm đã kết thúc')

    await page.getByRole('button', { name: 'Đăng xuất', exact: true }).click()
    const response = await page.goto(`/s/${code}`)
    expect(response?.status()).toBe(410)
    await expect(heading(page)).toHaveText('Đợt khảo sát đã kết thúc')
    await expect(page.getByText('Đợt khảo sát tại Quầy thử nghiệm đã đóng đã kết thúc ngày 30 tháng 6, 2025.')).toBeVisible()
    await expectAccessible(page)
  })
})

async function addServicePoint(page: Page, code: string, name: string) {
  await page.goto('/admin/service-points?lng=vi')
  await page.getByLabel('Mã', { exact: true }).fill(code)
  await page.getByLabel('Tên tiếng Việt').fill(name)
  await page.getByLabel('Tên tiếng Anh').fill(`${name} (en)`)
  await page.getByLabel('Mã cơ quan').fill('31-TP')
  await page.getByRole('button', { name: 'Thêm điểm phục vụ' }).click()
  await expect(page.getByRole('status')).toContainText(code)
}

async function signInAsMinistryAdmin(page: Page) {
  const admin = DEMO_ACCOUNTS.find((account) => account.role === 'ministry_admin')!
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill(admin.email)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).toHaveURL(/\/admin\//)
}

/** The final page's fields as a browser would post them. */
async function finalForm(page: Page): Promise<Record<string, string>> {
  const form: Locator = page.locator('form#survey-form')
  return {
    state: (await form.locator('input[name="state"]').inputValue()) ?? '',
    website: '',
    intent: 'submit',
  }
}
