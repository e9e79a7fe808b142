import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

const SECTIONS = ['users', 'agencies', 'service-points', 'kiosks'] as const

/** Links between the administration pages. */
export function AdminNav() {
  const { t } = useTranslation('admin')
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="admin-nav">
        {SECTIONS.map((section) => (
          <li key={section}>
            <NavLink to={`/admin/${section}`}>{t(`nav.${section}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
