import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

const SECTIONS = ['snapshots', 'external-indices'] as const

/** Links between the ranking administration pages (Ministry administrator only). */
export function RankingAdminNav() {
  const { t } = useTranslation('rankings')
  return (
    <nav aria-label={t('admin.nav.label')}>
      <ul className="admin-nav">
        {SECTIONS.map((section) => (
          <li key={section}>
            <NavLink to={`/admin/${section}`}>{t(`admin.nav.${section}`)}</NavLink>
          </li>
        ))}
        <li>
          <a href="/rankings">{t('admin.nav.public')}</a>
        </li>
      </ul>
    </nav>
  )
}
