import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireCampaignAccess } from '~/auth/permissions.server'
import { canPlanSamples, canPlanSamplesAt } from '~/auth/policy'
import { servicePointScope } from '~/auth/scope'
import { requireCsrfForm } from '~/auth/csrf.server'
import { formFields } from '~/forms/form-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { formatDecimal, formatNumber, formatPercent } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { MAX_POPULATION_N, OPTIONAL_PLAN_COLUMNS, PLAN_COLUMNS } from '~/sampling/plan-format'
import { PlanFormSchema } from '~/sampling/plan-form'
import { getCampaignServicePoint, getPlannedCampaign, importSamplingPlans, listCampaignPlans, setSamplingPlan } from '~/sampling/plans.server'
import { CONFIDENCE_LEVELS, DEFAULT_MARGIN_OF_ERROR, cochranTarget, targetSize } from '~/sampling/sample-size'
import { AdminPage } from '~/ui/admin-page'
import { CreateForm } from '~/ui/create-form'
import { CsrfInput } from '~/ui/csrf-input'
import { numericColumn } from '~/ui/data-table'
import { Field } from '~/ui/field'
import { InputField } from '~/ui/input-field'
import { ListTable } from '~/ui/list-table'
import { pageTitle } from '~/ui/page-title'
import { SelectField } from '~/ui/select-field'

export const handle = { i18n: ['sampling', 'admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/** A campaign's sampling plan: N, margin and confidence per service point, set one by one or imported. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaignId = params.campaignId ?? ''
  const user = await requireCampaignAccess(request, campaignId, canPlanSamples)
  const [campaign, points, t, locale] = await Promise.all([
    getPlannedCampaign(campaignId),
    listCampaignPlans(campaignId, servicePointScope(user)),
    getFixedT(request, 'sampling'),
    getLanguage(request),
  ])
  const name = locale === 'en' ? campaign!.nameEn : campaign!.name
  return { title: t('plan.metaTitle', { name }), name, campaign: campaign!, points, locale }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const campaignId = params.campaignId ?? ''
  const actor = await requireCampaignAccess(request, campaignId, canPlanSamples)
  const formData = await requireCsrfForm(request)
  const intent = formData.get('intent')

  if (intent === 'import') {
    const file = formData.get('file')
    if (!(file instanceof File) || file.size === 0) {
      return rejectForm({ form: 'import' as const, fieldErrors: { file: { key: 'plan.errors.file' } }, values: {} })
    }
    const imported = await importSamplingPlans(campaignId, await file.text(), (point) => canPlanSamplesAt(actor, point), actor.id)
    if (imported.problems.length > 0) return rejectForm({ form: 'import' as const, fieldErrors: {}, values: {}, problems: imported.problems })
    return data({ form: 'import' as const, imported: imported.imported })
  }

  const { data: input, rejection } = parseForm(PlanFormSchema, formData, { form: 'set' as const })
  if (rejection) return rejection
  const servicePoint = await getCampaignServicePoint(campaignId, input.servicePointId)
  if (!servicePoint) {
    return rejectForm({ form: 'set' as const, fieldErrors: { servicePointId: { key: 'plan.errors.servicePoint' } }, values: textValues(formData) })
  }
  if (!canPlanSamplesAt(actor, servicePoint)) throw new Response(null, { status: 403 })
  const { servicePointId: _, ...plan } = input
  await setSamplingPlan(campaignId, servicePoint, plan, actor.id)
  return data({ form: 'set' as const, saved: servicePoint.code })
}

export default function SamplingPlanPage() {
  const { name, campaign, points, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('sampling')
  const setAnswer = actionData?.form === 'set' ? actionData : null
  const { field } = formFields(setAnswer, t, { params: { max: formatNumber(MAX_POPULATION_N, locale) } })
  const importAnswer = actionData?.form === 'import' ? actionData : null
  const problems = importAnswer && 'problems' in importAnswer ? importAnswer.problems : []
  const fileError = importAnswer && 'fieldErrors' in importAnswer && 'file' in importAnswer.fieldErrors ? importAnswer.fieldErrors.file : undefined
  const notice =
    setAnswer && 'saved' in setAnswer
      ? t('plan.saved', { code: setAnswer.saved })
      : importAnswer && 'imported' in importAnswer
        ? t('plan.imported', { n: importAnswer.imported })
        : null
  const planned = points.filter((point) => point.plan !== null)

  return (
    <AdminPage title={t('plan.title', { name })} notice={notice}>
      <p>{t('plan.intro')}</p>
      <p>
        {t('plan.summary', {
          planned: formatNumber(planned.length, locale),
          points: formatNumber(points.length, locale),
          target: formatNumber(
            planned.reduce((sum, point) => sum + targetSize(point.plan!.populationN, point.plan!.marginOfError), 0),
            locale,
          ),
        })}{' '}
        <a href={`/campaigns/${campaign.id}/progress`}>{t('plan.progressLink')}</a>
      </p>

      <ListTable
        caption={t('plan.tableCaption')}
        columns={[
          t('plan.code'),
          t('plan.servicePoint'),
          t('plan.agency'),
          numericColumn(t('plan.populationN')),
          numericColumn(t('plan.marginOfError')),
          numericColumn(t('plan.confidence')),
          numericColumn(t('plan.target')),
          numericColumn(t('plan.cochran')),
        ]}
        items={points}
        cells={(point) => {
          const english = locale === 'en'
          const plan = point.plan
          return [
            point.code,
            english ? point.nameEn : point.name,
            english ? point.agency.nameEn : point.agency.name,
            plan ? formatNumber(plan.populationN, locale) : t('plan.none'),
            plan ? formatPercent(plan.marginOfError * 100, locale, 1) : '',
            plan ? formatPercent(plan.confidence * 100, locale, 0) : '',
            plan ? formatNumber(targetSize(plan.populationN, plan.marginOfError), locale) : '',
            plan ? formatNumber(cochranTarget(plan.populationN, plan.marginOfError, plan.confidence), locale) : '',
          ]
        }}
        empty={t('plan.noServicePoints')}
      />
      <p className="hint">{t('plan.cochranHint')}</p>

      {points.length > 0 ? (
        <CreateForm title={t('plan.setTitle')} intent="set" submit={t('plan.set')}>
          <SelectField
            {...field('servicePointId')}
            label={t('plan.servicePoint')}
            required
            options={points.map((point) => ({ value: point.id, label: `${point.code} — ${locale === 'en' ? point.nameEn : point.name}` }))}
          />
          <InputField {...field('populationN')} label={t('plan.populationN')} hint={t('plan.populationNHint')} inputMode="numeric" required />
          <InputField
            {...field('marginOfError')}
            label={t('plan.marginOfError')}
            hint={t('plan.marginOfErrorHint', { value: formatDecimal(DEFAULT_MARGIN_OF_ERROR, locale) })}
            inputMode="decimal"
          />
          <SelectField
            {...field('confidence')}
            label={t('plan.confidence')}
            value={field('confidence').value ?? '0.95'}
            options={Object.keys(CONFIDENCE_LEVELS).map((level) => ({ value: level, label: formatPercent(Number(level) * 100, locale, 0) }))}
          />
        </CreateForm>
      ) : null}

      <h2>{t('plan.importTitle')}</h2>
      <p>{t('plan.importFormat', { required: PLAN_COLUMNS.join(', '), optional: OPTIONAL_PLAN_COLUMNS.join(', ') })}</p>
      <pre className="csv-sample">{'service_point_code;population_n;margin_of_error;confidence\nHN-001;2000;0,05;95\nHN-002;10000;;'}</pre>
      {problems.length > 0 ? (
        <div className="notice error-summary" role="alert">
          <p>
            <strong>{t('plan.problemsTitle', { n: problems.length })}</strong>
          </p>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.line}-${index}`}>{t('plan.problemLine', { line: problem.line, problem: t(problem.key, problem.values) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <CsrfInput />
        <input type="hidden" name="intent" value="import" />
        <Field name="file" label={t('plan.file')} error={fileError ? t(fileError.key) : undefined}>
          {(props) => <input {...props} type="file" accept=".csv,text/csv" required />}
        </Field>
        <button type="submit">{t('plan.import')}</button>
      </Form>
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
