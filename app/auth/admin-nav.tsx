import { NavLink, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Role } from '~/generated/prisma/enums'

const SECTIONS = ['users', 'agencies', 'service-points', 'kiosks'] as const
/** Settings that bind the whole country, so only the Ministry administrator sees them. */
const MINISTRY_SECTIONS = ['snapshots', 'external-indices', 'retention', 'quality'] as const

/** Links between the administration pages. */
export function AdminNav() {
  const { t } = useTranslation('admin')
  const root = useRouteLoaderData<{ user: { role: Role } | null }>('root')
  const sections = root?.user?.role === 'ministry_admin' ? [...SECTIONS, ...MINISTRY_SECTIONS] : SECTIONS
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="admin-nav">
        {sections.map((section) => (
          <li key={section}>
            <NavLink to={`/admin/${section}`}>{t(`nav.${section}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
