import { createCookie } from '@remix-run/node'
import { createInstance, type i18n } from 'i18next'
import Negotiator from 'negotiator'
import { initReactI18next } from 'react-i18next'
import { DEFAULT_LANGUAGE, i18nOptions, isLanguage, type Language } from './config'
import { resources, resourcesFor } from './resources.server'

export const languageCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/**
 * The user's language: `?lng=` in the URL, then the `lng` cookie, then Accept-Language,
 * then Vietnamese (docs/decisions/018-language-detection.md).
 */
export async function getLanguage(request: Request): Promise<Language> {
  return languageOf({
    url: request.url,
    cookie: request.headers.get('Cookie'),
    acceptLanguage: request.headers.get('Accept-Language'),
  })
}

/** What a request says about its language, for callers that have no Fetch `Request`. */
export type LanguageHints = { url: string; cookie: string | null; acceptLanguage: string | null }

/** getLanguage's rule, from the request's URL (absolute, or a path) and headers. */
export async function languageOf({ url, cookie, acceptLanguage }: LanguageHints): Promise<Language> {
  const fromUrl = url.includes('lng=') ? new URL(url, 'http://localhost').searchParams.get('lng') : null
  if (isLanguage(fromUrl)) return fromUrl
  const fromCookie: unknown = cookie ? await languageCookie.parse(cookie) : null
  if (isLanguage(fromCookie)) return fromCookie
  return fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE
}

/**
 * The first language the header accepts that the app speaks: negotiator orders the tags by q
 * (dropping q=0), then as written; a regional tag (`en-GB`) counts for its language.
 */
function fromAcceptLanguage(header: string | null): Language | undefined {
  if (!header) return undefined
  const accepted = new Negotiator({ headers: { 'accept-language': header } }).languages()
  return accepted.map((tag) => tag.split('-')[0]?.toLowerCase()).find(isLanguage)
}

/** A fresh instance per request, so concurrent requests in two languages never mix. */
export async function createI18n(lng: Language): Promise<i18n> {
  const instance = createInstance()
  await instance.use(initReactI18next).init({ ...i18nOptions, lng, resources, ns: Object.keys(resourcesFor(lng)) })
  return instance
}

/** A translator for messages produced outside React (API errors, emails). */
export async function getFixedT(request: Request, ns = 'common') {
  return fixedT(await getLanguage(request), ns)
}

/** A page's language and its translator (for its title and what the server words), read once. */
export async function getTranslation(request: Request, ns: string) {
  const locale = await getLanguage(request)
  return { t: await fixedT(locale, ns), locale }
}

/**
 * One initialised instance per language for the translators below: a translator only reads it,
 * and initialising one per call (every namespace of the language) was most of the cost of a 503
 * answered to a burst of submissions while the database was locked.
 */
const translators = new Map<Language, Promise<i18n>>()

/** getFixedT for a language already known. */
export async function fixedT(lng: Language, ns = 'common') {
  let instance = translators.get(lng)
  if (!instance) {
    instance = createI18n(lng)
    translators.set(lng, instance)
    // A failed initialisation is not kept: the next call tries again.
    instance.catch(() => translators.delete(lng))
  }
  return (await instance).getFixedT(lng, ns)
}
