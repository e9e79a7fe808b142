import { NavLink, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Role } from '~/generated/prisma/enums'
import {
  canDistributeSurveys,
  canEditQuestionnaires,
  canManageApiTokens,
  canManageCampaigns,
  canManageKiosks,
  canManageQualityRules,
  canManageRankings,
  canManageRetention,
  canManageTicketIssuers,
  canManageUnits,
  canManageUsers,
  canPublishOpenData,
  canReadAuditLog,
  canReadCaseSettings,
  type RoleHolder,
} from './policy'

/** Every administration page (`/admin/<section>`) and the capability that opens it. */
const SECTIONS = [
  ['users', canManageUsers],
  ['agencies', canManageUnits],
  ['service-points', canManageUnits],
  ['kiosks', canManageKiosks],
  ['campaigns', canManageCampaigns],
  ['distribution', canDistributeSurveys],
  ['questionnaires', canEditQuestionnaires],
  ['snapshots', canManageRankings],
  ['external-indices', canManageRankings],
  ['retention', canManageRetention],
  ['quality', canManageQualityRules],
  ['api-tokens', canManageApiTokens],
  ['ticket-issuers', canManageTicketIssuers],
  ['cases', canReadCaseSettings],
  ['open-data', canPublishOpenData],
  ['audit', canReadAuditLog],
] as const

/** The administration pages this user may open, in menu order. */
export function adminSectionsFor(user: RoleHolder): (typeof SECTIONS)[number][0][] {
  return SECTIONS.filter(([, may]) => may(user)).map(([section]) => section)
}

/** Links between the administration pages: exactly those the signed-in user may open. */
export function AdminNav() {
  const { t } = useTranslation('admin')
  const root = useRouteLoaderData<{ user: { role: Role } | null }>('root')
  const sections = root?.user ? adminSectionsFor(root.user) : []
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
