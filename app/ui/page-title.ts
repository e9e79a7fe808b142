import type { MetaDescriptor } from '@remix-run/node'

/**
 * A page's meta, for routes whose loader returns its translated `title`: that title, or the
 * product name when the loader threw and the error boundary renders the page.
 */
export function pageTitle({ data }: { data?: { title: string } }): MetaDescriptor[] {
  return [{ title: data?.title ?? 'SIPAS' }]
}
