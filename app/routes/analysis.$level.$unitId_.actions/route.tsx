import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ImprovementActionSchema, targetPeriodsFor } from '~/analysis/improvement-actions'
import {
  createImprovementAction,
  deleteImprovementAction,
  getPlanUnit,
  listImprovementActions,
  updateImprovementAction,
} from '~/analysis/improvement-actions.server'
import { loadUnitAnalysis } from '~/analysis/unit-analysis.server'
import { analysisOutOfScope, requireAnalysisAccess } from '~/auth/analysis-access.server'
import { requireCsrfForm } from '~/auth/csrf.server'
import { canRecordImprovementActions } from '~/auth/policy'
import { parseForm, rejectField } from '~/forms/reject-form.server'
import { yearPeriod } from '~/aggregation/period'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { StatusNotice } from '~/ui/status-notice'
import { pageTitle } from '~/ui/page-title'
import { ActionForm } from './action-form'
import { ActionList } from './action-list'

/*
 * A province's or agency's improvement plan (docs/decisions/030-analysis.md): the actions it
 * committed to for weak criteria, each with the target period's figure and whether the target was
 * met, and the form that records one (criteria offered from the analysis' gap rows, weakest first;
 * the baseline is the criterion's figure in the base period). Whoever may analyse the unit reads
 * the plan; its province's administrator or its agency's manager records, edits and deletes
 * (canRecordImprovementActions); every change is audited.
 */

export const handle = { i18n: ['improvement'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

const INTENTS = ['create', 'update', 'delete'] as const

async function requirePlan(request: Request, params: LoaderFunctionArgs['params']) {
  const unit = await getPlanUnit(params.level ?? '', params.unitId ?? '')
  return requireAnalysisAccess(request, unit)
}

/** The base period: the analysis' year (?period=2025), by default last year. */
function basePeriodOf(request: Request): string | null {
  const text = new URL(request.url).searchParams.get('period')
  if (text === null) return String(new Date().getUTCFullYear() - 1)
  return /^\d{4}$/.test(text) ? text : null
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, unit } = await requirePlan(request, params)
  const basePeriod = basePeriodOf(request)
  if (!basePeriod) throw new Response(null, { status: 400 })
  const [t, locale] = await Promise.all([getFixedT(request, 'improvement'), getLanguage(request)])
  const [analysis, actions] = await Promise.all([
    loadUnitAnalysis({ level: unit.level, unitId: unit.id, period: yearPeriod(Number(basePeriod)), language: locale }),
    listImprovementActions(unit),
  ])
  const editId = new URL(request.url).searchParams.get('edit')
  const canRecord = canRecordImprovementActions(user, unit)
  const labels = analysis?.labels ?? {}
  return {
    title: t('actions.metaTitle', { name: analysis?.unit.name ?? '' }),
    locale,
    unit: { level: unit.level, id: unit.id, name: analysis?.unit.name ?? unit.id },
    basePeriod,
    targetPeriods: targetPeriodsFor(basePeriod),
    canRecord,
    // Criteria weakest first, as the gap table sorts them: the ones worth a plan come first.
    // A unit with too few respondents to publish still plans, without its figures shown.
    criteria: (analysis?.gaps ?? []).map((row) => ({
      code: row.code,
      label: labels[row.code] ?? row.code,
      value: analysis?.suppressed ? null : row.value,
    })),
    labels,
    actions,
    editing: canRecord && editId ? (actions.find((action) => action.id === editId) ?? null) : null,
    saved: new URL(request.url).searchParams.get('saved'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, unit } = await requirePlan(request, params)
  if (!canRecordImprovementActions(user, unit)) throw await analysisOutOfScope(request)
  const formData = await requireCsrfForm(request)
  const intent = INTENTS.find((candidate) => candidate === formData.get('intent'))
  if (!intent) throw new Response(null, { status: 400 })
  const planUrl = (saved: string, period: string) =>
    `/analysis/${unit.level}/${encodeURIComponent(unit.id)}/actions?period=${encodeURIComponent(period)}&saved=${saved}`
  const id = String(formData.get('id') ?? '')
  if (intent === 'delete') {
    if (!(await deleteImprovementAction(unit, id, user.id))) throw new Response(null, { status: 404 })
    return redirect(planUrl('deleted', String(formData.get('basePeriod') ?? '')))
  }
  const { data: input, rejection } = parseForm(ImprovementActionSchema, formData, { intent })
  if (rejection) return rejection
  const saved = intent === 'create' ? await createImprovementAction(unit, input, user.id) : await updateImprovementAction(unit, id, input, user.id)
  if (saved === null) throw new Response(null, { status: 404 })
  if ('error' in saved) return rejectField(saved.error, formData)
  return redirect(planUrl(intent === 'create' ? 'created' : 'updated', input.basePeriod))
}

export default function ImprovementPlan() {
  const data = useLoaderData<typeof loader>()
  const { t } = useTranslation('improvement')
  const { unit, basePeriod } = data
  return (
    <>
      <p>
        <Link to={`/analysis/${unit.level}/${unit.id}?period=${basePeriod}`}>{t('actions.backToAnalysis')}</Link>
      </p>
      <h1>{t('actions.title', { name: unit.name })}</h1>
      <p className="lead">{t('actions.lead')}</p>
      <StatusNotice message={data.saved ? t(`actions.saved.${data.saved}`, { defaultValue: '' }) : null} />
      <ActionList data={data} />
      {data.canRecord ? <ActionForm data={data} /> : <p>{t('actions.readOnly')}</p>}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
