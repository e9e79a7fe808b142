import AxeBuilder from '@axe-core/playwright'
import { type BrowserContext, chromium, expect, type Page, test } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { DEMO_PASSWORD } from '../../prisma/demo-accounts'

/*
 * The kiosk (docs/decisions/019-kiosk.md) as a centre meets it: an administrator registers it at
 * /admin/kiosks, the tablet enrols with the one-time code, citizens answer by touch, and the
 * answers reach the server exactly once whatever the network does: offline across a reload and a
 * browser restart, with acknowledgements lost on the way, and not at all from a revoked device.
 * Runs in the kiosk viewport projects only (playwright.config.ts): all of it landscape, the walk
 * through every screen portrait too.
 */

const SERVICE_POINT = '31TP'
const PIN = '482916'
/** The kiosk's budget: everything the kiosk page loads, gzip. */
const JS_BUDGET_BYTES = 150 * 1024
const MIN_TAP_TARGET_PX = 64
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** Short enough to keep the test quick, long enough to see the kiosk wait after the thank-you screen. */
const MIN_INTERVAL_SECONDS = 8

const landscapeOnly = () => test.skip(test.info().project.name !== 'kiosk-landscape', 'the network behaviour does not depend on the screen')

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  expect(results.violations).toEqual([])
}

/** Every control on screen is at least 64 × 64 CSS pixels (buttons) or 64 pixels tall (fields). */
async function expectLargeTargets(page: Page) {
  const controls = page.locator('main button, main input, main textarea, main a, main [role="button"]')
  let checked = 0
  for (const control of await controls.all()) {
    if (!(await control.isVisible())) continue
    const box = (await control.boundingBox())!
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? ''
    expect(box.height, `height of "${name}"`).toBeGreaterThanOrEqual(MIN_TAP_TARGET_PX)
    expect(box.width, `width of "${name}"`).toBeGreaterThanOrEqual(MIN_TAP_TARGET_PX)
    checked++
  }
  expect(checked).toBeGreaterThan(0)
}

async function signIn(page: Page) {
  await page.goto('/login?lng=vi')
  await page.getByLabel('Địa chỉ thư điện tử').fill('bo.quantri@demo.sipas.vn')
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page).not.toHaveURL(/\/login/)
}

/** Registers a kiosk at the service point through the administration page; returns its enrolment code. */
async function registerKiosk(admin: Page, name: string): Promise<string> {
  await admin.goto('/admin/kiosks?lng=vi')
  await admin.getByLabel('Số giây tối thiểu giữa hai phiếu trên một máy kiosk').fill(String(MIN_INTERVAL_SECONDS))
  await admin.getByRole('button', { name: 'Lưu cài đặt máy kiosk' }).click()
  await expect(admin.getByText('Đã lưu cài đặt máy kiosk.')).toBeVisible()
  await admin.getByLabel('Tên máy kiosk').fill(name)
  await admin.getByLabel('Mã điểm phục vụ').fill(SERVICE_POINT)
  await admin.getByLabel('Mã PIN của nhân viên').fill(PIN)
  await admin.getByRole('button', { name: 'Đăng ký máy kiosk' }).click()
  const code = (await admin.locator('.enrolment-code').textContent())!.trim()
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  return code
}

/** Responses stored so far, from the home page's headline figures (Vietnamese: 2.000). */
async function storedResponses(page: Page): Promise<number> {
  await page.goto('/?lng=vi')
  const text = (await page.getByText(/phiếu trả lời/).textContent()) ?? ''
  return Number(/([\d.]+) phiếu trả lời/.exec(text)![1]!.replaceAll('.', ''))
}

const heading = (kiosk: Page) => kiosk.getByRole('heading', { level: 1 })
const ATTRACT_TITLE = 'Ông/Bà có hài lòng với sự phục vụ vừa nhận được không?'
const waiting = (kiosk: Page) => kiosk.locator('.kiosk-queue')

/**
 * One respondent: start, then on every question the fourth point of a scale ("satisfied") or the
 * first choice, a comment when there is one; `onEach` sees every question first. Ends when no
 * question is left on the screen (thank you, or the device found out it was revoked).
 */
async function answerSurvey(kiosk: Page, { comment = '', onEach = async () => {} }: { comment?: string; onEach?: () => Promise<void> } = {}) {
  await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)
  await kiosk.getByRole('button', { name: 'Bắt đầu đánh giá' }).click({ timeout: MIN_INTERVAL_SECONDS * 1000 + 10_000 })
  for (let question = 1; question < 20; question++) {
    await expect(kiosk.locator('.kiosk-question')).toBeVisible()
    await onEach()
    const asked = (await heading(kiosk).textContent())!
    const text = kiosk.locator('.kiosk-question textarea')
    if (await text.isVisible()) {
      await text.fill(comment)
      await kiosk.getByRole('button', { name: 'Gửi đánh giá' }).click()
    } else {
      const scale = kiosk.locator('.kiosk-scale')
      const choice = (await scale.isVisible()) ? scale.getByRole('button', { name: /^4 / }) : kiosk.locator('.kiosk-choice').first()
      await choice.click()
    }
    await expect(heading(kiosk)).not.toHaveText(asked)
    if (!(await kiosk.locator('.kiosk-question').isVisible())) return
  }
  throw new Error('the survey did not end')
}

test('a kiosk enrols with its code, a citizen answers by touch in both languages, every screen is accessible, and the page loads under 150 KB of JavaScript', async ({
  page: admin,
  browser,
}) => {
  test.setTimeout(240_000)
  await signIn(admin)
  const code = await registerKiosk(admin, `Kiosk ${test.info().project.name} ${Date.now()}`)

  const context = await browser.newContext({ ...test.info().project.use })
  const kiosk = await context.newPage()
  const scripts = new Set<string>()
  kiosk.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(request.url())
  })

  // Enrolment: a wrong code is explained, the right one typed in enrols.
  await kiosk.goto('/kiosk')
  await expect(heading(kiosk)).toHaveText('Đăng ký máy khảo sát')
  await expectAccessible(kiosk)
  await expectLargeTargets(kiosk)
  await kiosk.getByLabel('Mã đăng ký').fill('ABCD')
  await kiosk.getByRole('button', { name: 'Đăng ký máy' }).click()
  await expect(kiosk.getByRole('alert')).toHaveText('Mã đăng ký gồm 8 chữ cái và chữ số, ví dụ ABCD-EFGH.')
  await kiosk.getByLabel('Mã đăng ký').fill('ZZZZ-ZZZZ')
  await kiosk.getByRole('button', { name: 'Đăng ký máy' }).click()
  await expect(kiosk.getByRole('alert')).toHaveText('Không tìm thấy mã đăng ký này. Vui lòng kiểm tra lại từng ký tự.')
  await expectAccessible(kiosk)
  await kiosk.getByLabel('Mã đăng ký').fill(code.toLowerCase())
  await kiosk.getByRole('button', { name: 'Đăng ký máy' }).click()

  // The attract screen, with nothing waiting to be sent.
  await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)
  await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '0')
  await expectAccessible(kiosk)
  await expectLargeTargets(kiosk)

  // One question per screen; faces, numbers and words; a language switch keeps the answers.
  let questions = 0
  await answerSurvey(kiosk, {
    comment: 'Cán bộ hướng dẫn tận tình.',
    onEach: async () => {
      questions++
      if (questions > 3) return
      if (process.env.KIOSK_SCREENSHOTS) await kiosk.screenshot({ path: `test-results/kiosk-${test.info().project.name}-q${questions}.png` })
      await expectAccessible(kiosk)
      await expectLargeTargets(kiosk)
      if (questions === 2) {
        const scale = kiosk.locator('.kiosk-scale')
        await expect(scale.locator('svg.kiosk-face')).toHaveCount(5)
        for (const point of ['1 Rất không hài lòng', '3 Bình thường', '5 Rất hài lòng']) {
          await expect(scale.getByRole('button', { name: point })).toBeVisible()
        }
        await scale.getByRole('button', { name: '5 Rất hài lòng' }).click()
        await kiosk.getByRole('button', { name: 'English' }).click()
        await expect(kiosk.locator('main')).toHaveAttribute('lang', 'en')
        await kiosk.getByRole('button', { name: 'Back' }).click()
        await expect(kiosk.getByRole('button', { name: '5 Very satisfied' })).toHaveAttribute('aria-pressed', 'true')
        await expectAccessible(kiosk)
        await kiosk.getByRole('button', { name: 'Continue' }).click()
        await kiosk.getByRole('button', { name: 'Tiếng Việt' }).click()
        await expect(kiosk.locator('main')).toHaveAttribute('lang', 'vi')
      }
    },
  })
  expect(questions).toBeGreaterThanOrEqual(3)

  // Thank you, then back to the start within 5 s, and the kiosk waits out the minimum interval.
  await expect(heading(kiosk)).toHaveText('Cảm ơn Ông/Bà!')
  await expectAccessible(kiosk)
  await expectLargeTargets(kiosk)
  const thanked = Date.now()
  await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE, { timeout: 6_000 })
  expect(Date.now() - thanked).toBeLessThanOrEqual(5_500)
  await expect(kiosk.getByRole('button', { name: 'Bắt đầu đánh giá' })).toBeDisabled()
  await expect(kiosk.getByText(/Máy sẵn sàng cho lượt tiếp theo sau \d+ giây/)).toBeVisible()
  await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '0')

  // Staff: the PIN guards the settings; a wrong PIN is refused.
  await kiosk.getByRole('button', { name: 'Dành cho cán bộ' }).click()
  await expect(heading(kiosk)).toHaveText('Dành cho cán bộ')
  await expectAccessible(kiosk)
  await expectLargeTargets(kiosk)
  await kiosk.getByLabel('Mã PIN quản trị').fill('0000')
  await kiosk.getByRole('button', { name: 'Mở cài đặt' }).click()
  await expect(kiosk.getByRole('alert')).toHaveText('Mã PIN không đúng.')
  for (const digit of PIN) await kiosk.locator('.kiosk-keypad').getByRole('button', { name: digit, exact: true }).click()
  await kiosk.getByRole('button', { name: 'Mở cài đặt' }).click()
  await expect(heading(kiosk)).toHaveText('Cài đặt máy khảo sát')
  await expect(kiosk.locator('.kiosk-settings-queue')).toHaveText('0')
  await expectAccessible(kiosk)
  await expectLargeTargets(kiosk)
  await kiosk.getByRole('button', { name: 'Trở về màn hình khảo sát' }).click()
  await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)

  const sizes = await Promise.all(
    [...scripts].map(async (url) => gzipSync(Buffer.from(await (await admin.request.get(url)).body())).length),
  )
  const total = sizes.reduce((sum, size) => sum + size, 0)
  console.log(`kiosk JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${sizes.length} scripts (budget ${JS_BUDGET_BYTES / 1024} KB)`)
  expect(sizes.length).toBeGreaterThan(0)
  expect(total).toBeLessThanOrEqual(JS_BUDGET_BYTES)
  await context.close()
})

/** A device with a Vietnamese voice only, whose speech synthesis writes down what it would say. */
function fakeVietnameseVoice() {
  const spoken: string[] = []
  const voice = { lang: 'vi-VN', name: 'Tiếng Việt', default: true, localService: true, voiceURI: 'vi-VN' }
  Object.assign(window, { spoken })
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    configurable: true,
    value: class {
      voice: unknown = null
      lang = ''
      rate = 1
      constructor(readonly text: string) {}
    },
  })
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => [voice],
      speak: (utterance: { text: string }) => spoken.push(utterance.text),
      cancel: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  })
}

test('an unfinished survey is discarded after “are you still there?”, questions are read aloud, and the QR code enrols without typing', async ({
  page: admin,
  browser,
}) => {
  test.setTimeout(120_000)
  await signIn(admin)
  const code = await registerKiosk(admin, `Idle kiosk ${test.info().project.name} ${Date.now()}`)
  const context = await browser.newContext({ ...test.info().project.use })
  const kiosk = await context.newPage()
  await kiosk.addInitScript(fakeVietnameseVoice)
  await kiosk.clock.install()

  await kiosk.goto(`/kiosk#code=${code}`)
  await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)
  // The code never stays in the address bar.
  expect(new URL(kiosk.url()).hash).toBe('')

  await kiosk.getByRole('button', { name: 'Bắt đầu đánh giá' }).click()
  // Read aloud in Vietnamese, the question then its answers; no English voice, so no button in English.
  await kiosk.getByRole('button', { name: 'Đọc to câu hỏi' }).click()
  const spoken = await kiosk.evaluate(() => (window as unknown as { spoken: string[] }).spoken)
  expect(spoken[0]).toBe(await heading(kiosk).textContent())
  expect(spoken.slice(1)).toEqual(await kiosk.locator('.kiosk-choice').allTextContents())
  await kiosk.getByRole('button', { name: 'English' }).click()
  await expect(kiosk.getByRole('button', { name: 'Tiếng Việt' })).toBeVisible()
  await expect(kiosk.locator('.kiosk-read-aloud')).toHaveCount(0)
  await kiosk.getByRole('button', { name: 'Tiếng Việt' }).click()
  await kiosk.locator('.kiosk-choice').first().click()
  await expect(kiosk.locator('.kiosk-progress')).toHaveText(/^Câu 2\//)
  await kiosk.clock.fastForward(59_000)
  await expect(kiosk.getByRole('dialog')).toHaveCount(0)
  await kiosk.clock.fastForward(2_000)
  const dialog = kiosk.getByRole('dialog', { name: 'Ông/Bà vẫn đang trả lời chứ?' })
  await expect(dialog).toBeVisible()
  await expectAccessible(kiosk)
  await expectLargeTargets(kiosk)

  // "Still here" keeps the answers; then nobody touches the screen again.
  await dialog.getByRole('button', { name: 'Tôi vẫn đang trả lời' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(kiosk.locator('.kiosk-progress')).toHaveText(/^Câu 2\//)
  await kiosk.clock.fastForward(61_000)
  await expect(dialog).toBeVisible()
  await kiosk.clock.fastForward(19_000)
  await expect(dialog).toBeVisible()
  await kiosk.clock.fastForward(12_000)
  await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)
  await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '0')

  // Someone the survey is not for is thanked with the questionnaire's own words; nothing is kept.
  await kiosk.getByRole('button', { name: 'Bắt đầu đánh giá' }).click()
  await kiosk.getByRole('button', { name: 'Không', exact: true }).click()
  await expect(heading(kiosk)).toHaveText('Cảm ơn Ông/Bà')
  await expect(kiosk.getByText(/Cuộc khảo sát này dành cho người đã nộp hồ sơ và nhận kết quả tại đây/)).toBeVisible()
  await expectAccessible(kiosk)
  await kiosk.clock.fastForward(11_000)
  await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)
  await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '0')
  await context.close()
})

test('offline: three answers survive a reload and a browser restart, then arrive exactly once', async ({ page: admin }) => {
  landscapeOnly()
  test.setTimeout(240_000)
  await signIn(admin)
  const name = `Offline kiosk ${Date.now()}`
  const code = await registerKiosk(admin, name)
  const before = await storedResponses(admin)

  const profile = mkdtempSync(join(tmpdir(), 'sipas-kiosk-'))
  const { launchOptions, ...use } = test.info().project.use
  const launch = () => chromium.launchPersistentContext(profile, { ...use, ...launchOptions, baseURL: use.baseURL })
  let context: BrowserContext = await launch()
  try {
    let kiosk = context.pages()[0] ?? (await context.newPage())
    await kiosk.goto('/kiosk')
    await kiosk.getByLabel('Mã đăng ký').fill(code)
    await kiosk.getByRole('button', { name: 'Đăng ký máy' }).click()
    await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)
    // The service worker has the app shell once it controls the page.
    await expect.poll(() => kiosk.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

    await context.setOffline(true)
    for (let n = 1; n <= 3; n++) {
      await answerSurvey(kiosk)
      await expect(waiting(kiosk)).toHaveAttribute('data-waiting', String(n), { timeout: 6_000 })
    }
    await expect(waiting(kiosk)).toHaveText('Phiếu chờ gửi: 3')

    // A reload with no network: the shell comes from the service worker, the queue from IndexedDB.
    await kiosk.reload()
    await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)
    await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '3')

    // The browser closed and started again, still offline.
    await context.close()
    context = await launch()
    await context.setOffline(true)
    kiosk = context.pages()[0] ?? (await context.newPage())
    await kiosk.goto('/kiosk')
    await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)
    await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '3')
    expect(await storedResponses(admin)).toBe(before)

    await context.setOffline(false)
    await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '0', { timeout: 20_000 })
    expect(await storedResponses(admin)).toBe(before + 3)
    // The heartbeat that follows the sending tells the administrator: nothing waits, and which build runs.
    await expect
      .poll(async () => {
        await admin.goto('/admin/kiosks?lng=vi')
        return admin.getByRole('row', { name: new RegExp(name) }).textContent()
      })
      .toMatch(/phiên bản [0-9a-f]{8}/)
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
})

test('answers whose acknowledgement was lost are sent again and stored once; a revoked kiosk keeps what it could not send', async ({
  page: admin,
  browser,
}) => {
  landscapeOnly()
  test.setTimeout(240_000)
  await signIn(admin)
  const name = `Replaying kiosk ${Date.now()}`
  const code = await registerKiosk(admin, name)
  // Routing needs the requests to come from the page itself, not through the service worker.
  const context = await browser.newContext({ ...test.info().project.use, serviceWorkers: 'block' })
  const kiosk = await context.newPage()
  await kiosk.goto(`/kiosk#code=${code}`)
  await expect(heading(kiosk)).toHaveText(ATTRACT_TITLE)

  await context.setOffline(true)
  for (let n = 1; n <= 3; n++) {
    await answerSurvey(kiosk)
    await expect(waiting(kiosk)).toHaveAttribute('data-waiting', String(n), { timeout: 6_000 })
  }
  const before = await storedResponses(admin)

  // Each response reaches the server three times; the first two answers are lost on the way back.
  // A request carries one envelope, or several as a JSON array answered with `results`.
  const deliveries = new Map<string, number[]>()
  await context.route('**/api/submissions', async (route) => {
    const sent = [route.request().postDataJSON()].flat() as { id: string }[]
    const response = await route.fetch()
    const body = (await response.json()) as { results?: { id: string; status: number }[] }
    let lost = false
    for (const { id, status } of body.results ?? [{ id: sent[0]!.id, status: response.status() }]) {
      const statuses = [...(deliveries.get(id) ?? []), status]
      deliveries.set(id, statuses)
      if (statuses.length <= 2) lost = true
    }
    return lost ? route.abort('connectionreset') : route.fulfill({ response })
  })
  await context.setOffline(false)
  // The network "coming back" again and again brings the retries forward instead of waiting out the backoff.
  await expect
    .poll(
      async () => {
        await kiosk.evaluate(() => window.dispatchEvent(new Event('online')))
        return kiosk.locator('.kiosk-queue').getAttribute('data-waiting')
      },
      { intervals: [500], timeout: 60_000 },
    )
    .toBe('0')
  expect([...deliveries.values()]).toEqual([
    [201, 200, 200],
    [201, 200, 200],
    [201, 200, 200],
  ])
  expect(await storedResponses(admin)).toBe(before + 3)

  // Revoked while it still collects: the next answer stays on the device and the kiosk says why.
  await admin.goto('/admin/kiosks?lng=vi')
  await admin.getByRole('button', { name: `Thu hồi ${name}` }).click()
  await expect(admin.getByRole('row', { name: new RegExp(name) })).toContainText('Đã thu hồi')
  await answerSurvey(kiosk)
  await expect(heading(kiosk)).toHaveText('Máy này không còn được đăng ký', { timeout: 10_000 })
  await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '1')
  await expectAccessible(kiosk)
  await expectLargeTargets(kiosk)
  await kiosk.reload()
  await expect(heading(kiosk)).toHaveText('Máy này không còn được đăng ký')
  await expect(waiting(kiosk)).toHaveAttribute('data-waiting', '1')
  expect(await storedResponses(admin)).toBe(before + 3)

  // Guessing the PIN locks the pad, and a reload does not unlock it.
  await kiosk.getByRole('button', { name: 'Dành cho cán bộ' }).click()
  for (const guess of ['1111', '2222', '3333']) {
    await kiosk.getByLabel('Mã PIN quản trị').fill(guess)
    await kiosk.getByRole('button', { name: 'Mở cài đặt' }).click()
    // The field empties once the PIN has been checked.
    await expect(kiosk.getByLabel('Mã PIN quản trị')).toHaveValue('')
  }
  await expect(kiosk.getByRole('alert')).toHaveText(/Nhập sai nhiều lần. Vui lòng thử lại sau \d+ giây./)
  await kiosk.reload()
  await kiosk.getByRole('button', { name: 'Dành cho cán bộ' }).click()
  await expect(kiosk.getByRole('alert')).toHaveText(/Nhập sai nhiều lần/)
  await kiosk.getByLabel('Mã PIN quản trị').fill(PIN)
  await expect(kiosk.getByRole('button', { name: 'Mở cài đặt' })).toBeDisabled()
  await context.close()
})
