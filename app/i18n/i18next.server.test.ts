import { expect, test } from 'vitest'
import { getLanguage, languageCookie, languageOf } from './i18next.server'

const cookieOf = async (lng: string) => (await languageCookie.serialize(lng)).split(';')[0]!
const hints = (over: Partial<Parameters<typeof languageOf>[0]>) => ({
  url: '/s/ABC',
  cookie: null,
  acceptLanguage: null,
  ...over,
})

test('?lng= in the URL comes before the cookie and Accept-Language', async () => {
  expect(await languageOf(hints({ url: '/s/ABC?lng=en', cookie: await cookieOf('vi'), acceptLanguage: 'vi' }))).toBe('en')
  expect(await languageOf(hints({ url: 'http://localhost/?lng=vi', cookie: await cookieOf('en') }))).toBe('vi')
})

test('a language the app does not speak in ?lng= falls through to the cookie', async () => {
  expect(await languageOf(hints({ url: '/?lng=fr', cookie: await cookieOf('en'), acceptLanguage: 'vi' }))).toBe('en')
  expect(await languageOf(hints({ url: '/?lng=en-US', acceptLanguage: 'vi' }))).toBe('vi')
})

test('the lng cookie comes before Accept-Language; a cookie in another language is ignored', async () => {
  expect(await languageOf(hints({ cookie: await cookieOf('en'), acceptLanguage: 'vi-VN' }))).toBe('en')
  expect(await languageOf(hints({ cookie: await cookieOf('fr'), acceptLanguage: 'en' }))).toBe('en')
  expect(await languageOf(hints({ cookie: 'lng=not-base64-json', acceptLanguage: 'en' }))).toBe('en')
})

test('Accept-Language: the best-rated language the app speaks, a regional tag counting for its language', async () => {
  const fromHeader = (acceptLanguage: string) => languageOf(hints({ acceptLanguage }))
  expect(await fromHeader('en-GB,en;q=0.9')).toBe('en')
  expect(await fromHeader('fr-FR, en;q=0.8, vi;q=0.5')).toBe('en')
  expect(await fromHeader('en;q=0.4, vi-VN;q=0.9')).toBe('vi')
  expect(await fromHeader('EN-us')).toBe('en')
  // Equal ratings keep the header's order.
  expect(await fromHeader('en-US, vi')).toBe('en')
  // q=0 means "not this one".
  expect(await fromHeader('en;q=0, de')).toBe('vi')
})

test('with nothing to go by, or nothing the app speaks, the page is in Vietnamese', async () => {
  expect(await languageOf(hints({}))).toBe('vi')
  expect(await languageOf(hints({ acceptLanguage: 'fr, de;q=0.5, *;q=0.1' }))).toBe('vi')
  expect(await languageOf(hints({ acceptLanguage: ';;,' }))).toBe('vi')
})

test('pages (a Fetch Request) and the submission fast path (URL and headers) get the same answer', async () => {
  const cases = [
    { url: 'http://localhost/api/submissions?lng=en', cookie: null, acceptLanguage: 'vi' },
    { url: 'http://localhost/api/submissions', cookie: await cookieOf('en'), acceptLanguage: 'vi' },
    { url: 'http://localhost/api/submissions', cookie: null, acceptLanguage: 'fr, en;q=0.5' },
    { url: 'http://localhost/api/submissions', cookie: null, acceptLanguage: null },
  ]
  for (const { url, cookie, acceptLanguage } of cases) {
    const headers = new Headers()
    if (cookie) headers.set('Cookie', cookie)
    if (acceptLanguage) headers.set('Accept-Language', acceptLanguage)
    const path = new URL(url).pathname + new URL(url).search
    expect(await getLanguage(new Request(url, { headers }))).toBe(await languageOf({ url: path, cookie, acceptLanguage }))
  }
})
