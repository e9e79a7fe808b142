import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { canSeeComments, requireAgencyAccess } from '~/auth/permissions.server'
import { aggregationSettings } from '~/aggregation/figures.server'
import { parsePeriod, yearPeriod } from '~/aggregation/period'
import {
  getAgency,
  getAgencyFigures,
  getAgencyTrend,
  getServicePointFigures,
} from '~/dashboard/agency-dashboard.server'
import {
  HideCommentSchema,
  MAX_HIDE_REASON_LENGTH,
  RestoreCommentSchema,
  canModerateComments,
} from '~/dashboard/comment-moderation'
import { hideComment, listAgencyComments, restoreComment } from '~/dashboard/comments.server'
import type { Language } from '~/i18n/config'
import { MISSING, formatChange, formatNumber, formatPercent } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { formatInterval } from '~/ranking/format-score'
import { IntervalBarChart } from '~/ui/charts/interval-bar-chart'
import { TrendChart } from '~/ui/charts/trend-chart'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { FigureTable } from '~/ui/figure-table'

export const handle = { i18n: ['dashboard'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const user = await requireAgencyAccess(request, agencyId)
  const periodText = new URL(request.url).searchParams.get('period')
  const period = periodText ? parsePeriod(periodText) : yearPeriod(new Date().getUTCFullYear())
  if (!period) throw new Response(null, { status: 400 })
  const agency = (await getAgency(agencyId))!
  const readsComments = canSeeComments(user, agencyId)
  const moderates = canModerateComments(user, agencyId)
  const { minN } = await aggregationSettings()
  const [figures, trend, servicePoints, comments, t, locale] = await Promise.all([
    getAgencyFigures(agency, period, minN),
    getAgencyTrend(agencyId, period, minN),
    getServicePointFigures(agencyId, period, minN),
    readsComments ? listAgencyComments(agencyId, period, { includeHidden: moderates }) : Promise.resolve(null),
    getFixedT(request, 'dashboard'),
    getLanguage(request),
  ])
  const name = locale === 'en' ? agency.nameEn : agency.name
  return {
    title: t('agency.metaTitle', { name }),
    locale,
    agency: { id: agency.id, name, province: agency.province?.name ?? null },
    period: { key: period.key, label: period.label[locale] },
    minN,
    figures,
    trend,
    servicePoints,
    comments,
    moderates,
  }
}

type ModerationResult = {
  fieldErrors: Record<string, string[] | undefined>
  values: Record<string, string>
  done: 'hidden' | 'restored' | null
}
const moderation = (result: ModerationResult, status = 200) => data<ModerationResult>(result, { status })

export async function action({ request, params }: ActionFunctionArgs) {
  const agencyId = params.agencyId ?? ''
  const user = await requireAgencyAccess(request, agencyId)
  if (!canModerateComments(user, agencyId)) throw new Response(null, { status: 403 })
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)
  const intent = values.intent
  if (intent === 'restore') {
    const parsed = RestoreCommentSchema.safeParse(values)
    if (!parsed.success)
      return moderation({ fieldErrors: z.flattenError(parsed.error).fieldErrors, values, done: null }, 400)
    if (!(await restoreComment({ agencyId, responseId: parsed.data.responseId, actorId: user.id })))
      throw new Response(null, { status: 404 })
    return moderation({ fieldErrors: {}, values: {}, done: 'restored' })
  }
  const parsed = HideCommentSchema.safeParse(values)
  if (intent !== 'hide' || !parsed.success) {
    const fieldErrors = parsed.success
      ? { reason: ['comments.errors.reason'] }
      : z.flattenError(parsed.error).fieldErrors
    return moderation({ fieldErrors, values, done: null }, 400)
  }
  const hidden = await hideComment({
    agencyId,
    responseId: parsed.data.responseId,
    reason: parsed.data.reason,
    actorId: user.id,
  })
  if (!hidden) throw new Response(null, { status: 404 })
  return moderation({ fieldErrors: {}, values: {}, done: 'hidden' })
}

export default function AgencyDashboard() {
  const { locale, agency, period, minN, figures, trend, servicePoints, comments, moderates } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation('dashboard')
  const percent = (value: number | null) => formatPercent(value, locale)
  const sipasColumns = [
    { label: 'SIPAS', numeric: true },
    { label: t('agency.interval'), numeric: true },
    { label: 'n', numeric: true },
  ]
  const lowSample = (suppressed: boolean) =>
    suppressed ? <span className="low-sample"> {t('agency.lowSample')}</span> : null

  return (
    <>
      <h1>{agency.name}</h1>
      <p className="lead">
        {agency.province ? t('agency.lead', { province: agency.province, period: period.label }) : period.label}
      </p>

      <Form method="get" className="filter-form">
        <div className="field">
          <label htmlFor="dashboard-period">{t('agency.period')}</label>
          <input
            id="dashboard-period"
            name="period"
            defaultValue={period.key}
            aria-describedby="dashboard-period-hint"
          />
          <p id="dashboard-period-hint" className="hint">
            {t('agency.periodHint')}
          </p>
        </div>
        <button type="submit">{t('agency.show')}</button>
      </Form>

      {figures === null ? (
        <p className="notice">{t('agency.noData')}</p>
      ) : (
        <>
          <h2>{t('agency.overviewTitle')}</h2>
          <FigureTable
            caption={t('agency.overviewCaption', { period: period.label })}
            columns={[{ label: t('agency.unit') }, ...sipasColumns, { label: t('agency.difference'), numeric: true }]}
            rows={[
              {
                key: 'agency',
                cells: [
                  agency.name,
                  <>
                    {percent(figures.sipas.value)}
                    {figures.sipas.n > 0 ? lowSample(figures.sipas.suppressed) : null}
                  </>,
                  formatInterval(figures.sipas.low, figures.sipas.high, 'SIPAS', locale),
                  formatNumber(figures.sipas.n, locale),
                  MISSING,
                ],
              },
              ...(figures.province
                ? [
                    {
                      key: 'province',
                      cells: [
                        <>
                          {agency.province}
                          {figures.province.proForma ? ` ${t('agency.proFormaMark')}` : ''}
                        </>,
                        percent(figures.province.value),
                        MISSING,
                        formatNumber(figures.province.n, locale),
                        difference(figures.sipas.value, figures.province.value, locale),
                      ],
                    },
                  ]
                : []),
              {
                key: 'national',
                cells: [
                  t('agency.national'),
                  percent(figures.national),
                  MISSING,
                  MISSING,
                  difference(figures.sipas.value, figures.national, locale),
                ],
              },
            ]}
          />
          <p className="hint">
            {t('agency.differenceHint')} {t('agency.minN', { minN })}
            {figures.excluded > 0
              ? ` ${t('agency.excluded', { excluded: formatNumber(figures.excluded, locale) })}`
              : ''}
          </p>

          <h2>{t('agency.elementsTitle')}</h2>
          <IntervalBarChart
            id="agency-elements"
            title={t('agency.elementsSvgTitle', { name: agency.name })}
            description={t('agency.elementsSvgDescription')}
            format={(value) => formatPercent(value, locale)}
            bars={figures.elements.map((element) => ({
              key: element.code,
              label: element.name[locale],
              value: element.value,
              low: element.low,
              high: element.high,
            }))}
          />
          <FigureTable
            caption={t('agency.itemsCaption', { period: period.label })}
            className="breakdown"
            columns={[
              { label: t('agency.elementOrItem') },
              { label: t('agency.rate'), numeric: true },
              { label: t('agency.interval'), numeric: true },
              { label: 'n', numeric: true },
              { label: t('agency.province'), numeric: true },
              { label: t('agency.national'), numeric: true },
            ]}
            rows={figures.elements.flatMap((element) => [
              {
                key: element.code,
                startsGroup: true,
                className: 'element-row',
                cells: [
                  element.name[locale],
                  percent(element.value),
                  formatInterval(element.low, element.high, 'SIPAS', locale),
                  null,
                  percent(element.province),
                  percent(element.national),
                ],
              },
              ...element.items.map((item) => ({
                key: item.code,
                headerClassName: 'item-text',
                cells: [
                  <>
                    {item.text[locale]}
                    {item.general ? ` ${t('agency.generalMark')}` : ''}
                  </>,
                  <>
                    {percent(item.value)}
                    {item.n > 0 ? lowSample(item.suppressed) : null}
                  </>,
                  formatInterval(item.low, item.high, 'SIPAS', locale),
                  formatNumber(item.n, locale),
                  null,
                  null,
                ],
              })),
            ])}
          />
        </>
      )}

      <h2>{t('agency.trendTitle')}</h2>
      <TrendChart
        id="agency-trend"
        title={t('agency.trendSvgTitle', { name: agency.name })}
        description={t('agency.trendSvgDescription')}
        labels={trend.map((point) => point.month)}
        series={[
          { key: 'agency', name: agency.name, values: trend.map((point) => (point.n > 0 ? point.sipas : null)) },
        ]}
        format={(value) => formatPercent(value, locale)}
      />
      <details>
        <summary>{t('agency.trendTable')}</summary>
        <FigureTable
          caption={t('agency.trendSvgTitle', { name: agency.name })}
          columns={[{ label: t('agency.month') }, { label: 'SIPAS', numeric: true }, { label: 'n', numeric: true }]}
          rows={trend.map((point) => ({
            key: point.month,
            cells: [
              point.month,
              <>
                {point.n > 0 ? percent(point.sipas) : MISSING}
                {point.n > 0 ? lowSample(point.suppressed) : null}
              </>,
              formatNumber(point.n, locale),
            ],
          }))}
        />
      </details>

      <h2>{t('agency.servicePointsTitle')}</h2>
      <FigureTable
        caption={t('agency.servicePointsCaption', { period: period.label })}
        columns={[{ label: t('agency.servicePoint') }, ...sipasColumns]}
        rows={servicePoints.map((servicePoint) => ({
          key: servicePoint.id,
          cells: [
            <>
              {locale === 'en' ? servicePoint.nameEn : servicePoint.name}{' '}
              <span className="hint">{servicePoint.code}</span>
            </>,
            <>
              {servicePoint.n > 0 ? percent(servicePoint.sipas) : MISSING}
              {servicePoint.n > 0 ? lowSample(servicePoint.suppressed) : null}
            </>,
            formatInterval(servicePoint.low, servicePoint.high, 'SIPAS', locale),
            formatNumber(servicePoint.n, locale),
          ],
        }))}
      />

      <h2>{t('comments.title')}</h2>
      {comments === null ? (
        <p>{t('comments.notVisible')}</p>
      ) : (
        <Comments comments={comments} moderates={moderates} locale={locale} />
      )}
    </>
  )
}

function Comments({
  comments,
  moderates,
  locale,
}: {
  comments: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['comments']>
  moderates: boolean
  locale: Language
}) {
  const { t } = useTranslation('dashboard')
  const actionData = useActionData<typeof action>()
  const reasonError = actionData?.fieldErrors.reason?.[0]
  return (
    <>
      <p className="hint">{t('comments.privacy')}</p>
      {actionData?.done ? (
        <p className="notice" role="status">
          {t(`comments.${actionData.done}`)}
        </p>
      ) : null}
      {comments.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        <ul className="comments">
          {comments.map((comment) => (
            <li key={comment.responseId} className={comment.hidden ? 'comment hidden-comment' : 'comment'}>
              <p className="comment-meta">
                {comment.submittedOn} · {locale === 'en' ? comment.servicePoint.nameEn : comment.servicePoint.name}
              </p>
              <blockquote lang="vi">{comment.text}</blockquote>
              {comment.hidden ? (
                <>
                  <p className="comment-hidden-note">
                    {t('comments.hiddenNote', { reason: comment.hiddenReason ?? '' })}
                  </p>
                  {moderates ? (
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="responseId" value={comment.responseId} />
                      <button type="submit" className="secondary">
                        {t('comments.restore')}
                      </button>
                    </Form>
                  ) : null}
                </>
              ) : moderates ? (
                <Form method="post" className="hide-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="hide" />
                  <input type="hidden" name="responseId" value={comment.responseId} />
                  <div className="field">
                    <label htmlFor={`reason-${comment.responseId}`}>{t('comments.reason')}</label>
                    <input
                      id={`reason-${comment.responseId}`}
                      name="reason"
                      required
                      minLength={3}
                      maxLength={MAX_HIDE_REASON_LENGTH}
                      aria-invalid={
                        actionData?.values?.responseId === comment.responseId && reasonError ? true : undefined
                      }
                    />
                    {actionData?.values?.responseId === comment.responseId && reasonError ? (
                      <p className="field-error">{t(reasonError)}</p>
                    ) : null}
                  </div>
                  <button type="submit" className="secondary">
                    {t('comments.hide')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** The agency's figure minus a comparison figure, in percentage points. */
function difference(own: number | null, other: number | null, locale: Language): string {
  return own === null || other === null ? MISSING : formatChange(own - other, locale)
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
