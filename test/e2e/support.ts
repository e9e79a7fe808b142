import { expect, test } from '@playwright/test'

/** Desk work (keying paper, exports, administration): a desktop screen, for `test.use`. */
export const DESKTOP = { viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false }

/**
 * Hydration errors, CSP refusals and other console errors fail the test that caused them;
 * `expected` matches the console errors a page causes by design.
 */
export function failOnPageErrors({ expected }: { expected?: RegExp } = {}) {
  let pageErrors: string[] = []
  test.beforeEach(({ page }) => {
    pageErrors = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error' && !expected?.test(message.text())) pageErrors.push(message.text())
    })
  })
  test.afterEach(() => {
    expect(pageErrors).toEqual([])
  })
}
