import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

const SECTIONS = ['questionnaires', 'campaigns', 'distribution'] as const

/** Links between the questionnaire, campaign and distribution pages. */
export function QuestionnaireNav() {
  const { t } = useTranslation('questionnaire')
  return (
    <nav aria-label={t('nav.label')}>
      <ul className="admin-nav">
        {SECTIONS.map((section) => (
          <li key={section}>
            <NavLink to={`/admin/${section}`} end={false}>
              {t(`nav.${section}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
