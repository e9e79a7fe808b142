import { getFixedT } from '~/i18n/i18next.server'
import { canAnalyseUnit } from './policy'
import { requireUser, type SessionUser } from './session.server'

/** The stable code of a refused analysis (the response's X-Error-Code header). */
export const ANALYSIS_OUT_OF_SCOPE = 'analysis.out_of_scope'

type AnalysedUnit = Parameters<typeof canAnalyseUnit>[1]

/**
 * A user who may analyse `unit` (`canAnalyseUnit`): 404 when there is no such unit, 403 with the
 * stable code and a message in the user's language when it is outside their scope.
 */
export async function requireAnalysisAccess<U extends AnalysedUnit>(
  request: Request,
  unit: U | null,
): Promise<{ user: SessionUser; unit: U }> {
  const user = await requireUser(request)
  if (!unit) throw new Response(null, { status: 404 })
  if (!canAnalyseUnit(user, unit)) throw await analysisOutOfScope(request)
  return { user, unit }
}

/** 403 with the stable code and the message in the user's language. */
export async function analysisOutOfScope(request: Request): Promise<Response> {
  const t = await getFixedT(request, 'analysis')
  return new Response(t('errors.outOfScope'), {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Error-Code': ANALYSIS_OUT_OF_SCOPE },
  })
}
