import type { Resources } from './config'

/*
 * The texts of the first render travel inside the HTML as a JSON data block (never executed, so
 * the CSP does not apply), holding only the namespaces of the matched routes. The browser's
 * i18next starts from it, so its first render equals the server's without fetching anything.
 */

export const RESOURCES_ELEMENT_ID = 'i18n-resources'

/** JSON safe inside <script>: `<` is escaped so the text can never close the element. */
export function serializeResources(resources: Resources): string {
  return JSON.stringify(resources).replace(/</g, '\\u003c')
}

export function readInlineResources(document: Document): Resources {
  const text = document.getElementById(RESOURCES_ELEMENT_ID)?.textContent
  return text ? (JSON.parse(text) as Resources) : {}
}
