import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { recordAudit } from '~/audit/audit.server'
import { requireCsrfForm } from '~/auth/csrf.server'
import { clearSessionCookie, endAllSessions, endSession, getUser } from '~/auth/session.server'

// Signing out is a POST (from the header menu or the account page); a GET only goes home, so
// a link or image on another site cannot sign anyone out.
export function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request)
  // Already signed out (expired session): nothing to protect, just clear the cookie.
  if (!user) throw redirect('/', { headers: { 'Set-Cookie': await clearSessionCookie(request) } })
  const formData = await requireCsrfForm(request)
  if (formData.get('intent') === 'everywhere') {
    const sessions = await endAllSessions(user.id)
    await recordAudit('auth.sign_out_everywhere', { actorId: user.id, target: `user:${user.id}`, details: { sessions } })
    throw redirect('/login', { headers: { 'Set-Cookie': await clearSessionCookie(request) } })
  }
  const cookie = await endSession(request)
  await recordAudit('auth.sign_out', { actorId: user.id, target: `user:${user.id}` })
  throw redirect('/', { headers: { 'Set-Cookie': cookie } })
}
