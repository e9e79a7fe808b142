import type { ReactNode } from 'react'
import { AdminNav } from '~/auth/admin-nav'
import { StatusNotice } from './status-notice'

/**
 * An administration page: its title, the links between the administration pages (the general
 * ones unless the page has its own), the notice of what the last post did, then the page.
 */
export function AdminPage({
  title,
  nav = <AdminNav />,
  notice,
  children,
}: {
  title: string
  nav?: ReactNode
  /** What the action just did ("Agency created"), and what to do next; nothing when it did nothing. */
  notice?: ReactNode
  children: ReactNode
}) {
  return (
    <>
      <h1>{title}</h1>
      {nav}
      <StatusNotice message={notice} />
      {children}
    </>
  )
}
