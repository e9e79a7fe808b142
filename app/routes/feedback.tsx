import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { RECEIPT_LOOKUP_LIMIT, takeRateLimit } from '~/auth/rate-limit.server'
import { getFeedbackStatus } from '~/cases/follow-up.server'
import { normaliseReceipt } from '~/cases/receipt'
import { formatDate } from '~/i18n/format'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'

/*
 * "Your feedback": a citizen types the receipt code of their response and sees where it stands
 * (received, being handled, answered, closed), the deadline if it opened a case, and the agency's
 * public reply once answered. Nothing else: no answers, no comment, no contact detail, no
 * service point. A GET form (the address can be kept); look-ups are rate limited per client
 * address so receipts cannot be tried one after another. No JavaScript (ADR 011).
 */

export const handle = { i18n: ['feedback'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request, context }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get('receipt')
  const [t, locale] = await Promise.all([getFixedT(request, 'feedback'), getLanguage(request)])
  const page = { title: t('status.metaTitle'), locale, typed: typed ?? '' }
  if (typed === null || typed.trim() === '') return { ...page, outcome: null }
  const receipt = normaliseReceipt(typed)
  if (!receipt) return data({ ...page, outcome: { kind: 'not_found' as const } }, { status: 404 })
  const budget = await takeRateLimit(RECEIPT_LOOKUP_LIMIT, context.clientIp ?? 'unknown')
  if (!budget.allowed) {
    const minutes = Math.ceil(budget.retryAfterSeconds / 60)
    return data(
      { ...page, outcome: { kind: 'rate_limited' as const, minutes } },
      { status: 429, headers: { 'Retry-After': String(budget.retryAfterSeconds) } },
    )
  }
  const status = await getFeedbackStatus(receipt)
  if (!status) return data({ ...page, outcome: { kind: 'not_found' as const } }, { status: 404 })
  return { ...page, typed: receipt, outcome: { kind: 'found' as const, receipt, ...status } }
}

export default function FeedbackStatus() {
  const { locale, typed, outcome } = useLoaderData<typeof loader>()
  const { t } = useTranslation('feedback')
  const problem =
    outcome?.kind === 'not_found' ? t('status.notFound') : outcome?.kind === 'rate_limited' ? t('status.rateLimited', { minutes: outcome.minutes }) : undefined
  return (
    <section className="feedback-status">
      <h1>{t('status.title')}</h1>
      <p className="lead">{t('status.lead')}</p>
      <Form method="get">
        <Field name="receipt" label={t('status.receipt')} hint={t('status.receiptHint')} error={problem}>
          {(props) => (
            <input {...props} type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} required defaultValue={typed} />
          )}
        </Field>
        <button type="submit">{t('status.submit')}</button>
      </Form>
      {outcome?.kind === 'found' ? (
        <section aria-labelledby="feedback-result">
          <h2 id="feedback-result">{t('status.resultTitle', { receipt: outcome.receipt })}</h2>
          <p>{t('status.submittedOn', { date: formatDate(outcome.submittedOn, locale) })}</p>
          <p>
            <strong>{t('status.stage', { stage: t(`status.stages.${outcome.stage}`) })}</strong>
          </p>
          {outcome.dueOn === null ? (
            <p>{t('status.noCase')}</p>
          ) : (
            <>
              {outcome.stage === 'received' || outcome.stage === 'in_progress' ? (
                <p>{t('status.dueOn', { date: formatDate(outcome.dueOn, locale) })}</p>
              ) : null}
              <h3>{t('status.replyTitle')}</h3>
              {outcome.reply ? (
                <div className="feedback-reply">
                  <p>{outcome.reply}</p>
                  {outcome.answeredAt ? <p>{t('status.answeredAt', { date: formatDate(outcome.answeredAt, locale) })}</p> : null}
                </div>
              ) : (
                <p>{t('status.noReply')}</p>
              )}
            </>
          )}
        </section>
      ) : null}
    </section>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
