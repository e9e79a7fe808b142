import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Role } from '~/generated/prisma/enums'
import { CsrfInput } from './csrf-input'
import { WORK_PATHS, workLinksFor } from '~/auth/work-screens'

/** The header's account links: sign in, or the signed-in user's pages and a sign-out button. */
export function UserMenu({ user }: { user: { name: string; role: Role } | null }) {
  const { t } = useTranslation('auth')
  return (
    <nav aria-label={t('menu.label')} className="site-nav">
      <ul>
        {user ? (
          <>
            {workLinksFor(user).map((link) => (
              <li key={link}>
                <a href={WORK_PATHS[link]}>{t(`menu.${link}`)}</a>
              </li>
            ))}
            <li>
              <a href="/account">{t('menu.account', { name: user.name })}</a>
            </li>
            <li>
              <Form method="post" action="/logout">
                <CsrfInput />
                <button type="submit" className="secondary">
                  {t('menu.signOut')}
                </button>
              </Form>
            </li>
          </>
        ) : (
          <li>
            <a href="/login">{t('menu.signIn')}</a>
          </li>
        )}
      </ul>
    </nav>
  )
}
