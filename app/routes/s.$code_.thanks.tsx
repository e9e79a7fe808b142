import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ContactChoiceSchema, MAX_CONTACT_LENGTH, ReceiptChoiceSchema } from '~/cases/contact'
import { getCaseOfReceipt, requestReplyByReceipt, saveCaseContact } from '~/cases/follow-up.server'
import { getCaseSettings } from '~/cases/settings.server'
import { useActionFields } from '~/forms/use-action-fields'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { textValues } from '~/forms/form-values'
import { getFixedT } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { isThanksProof, thanksPath } from '~/survey/thanks-link.server'
import { ErrorMessage } from '~/ui/error-message'
import { ErrorSummary } from '~/ui/error-summary'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'
import { StatusNotice } from '~/ui/status-notice'

/*
 * The page a submitted survey redirects to, so reloading it never posts the answers again. When
 * the response opened a case, the respondent may ask to hear back: by reading the reply later with
 * the receipt code, or by leaving a phone number or e-mail address with the consent box ticked.
 * Only the redirect's own link (its proof, app/survey/thanks-link.server.ts) looks the receipt up;
 * any other address shows the plain thank-you page. Plain forms, no JavaScript (ADR 011).
 */

export const handle = { i18n: ['survey', 'feedback'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/** Receipts are short codes (app/responses/submit.server.ts): K7Q2-M9XD-3FHA. */
const RECEIPT_FORMAT = /^[0-9A-Z]{1,8}(-[0-9A-Z]{1,8}){0,3}$/

export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams
  const receipt = query.get('receipt') ?? ''
  if (!RECEIPT_FORMAT.test(receipt)) throw data(null, { status: 404 })
  const [t, optIn] = await Promise.all([getFixedT(request, 'survey'), getOptIn(receipt, query.get('proof'))])
  return { title: t('thanks.metaTitle'), receipt, optIn, code: params.code ?? '' }
}

/** What the page offers about hearing back: nothing without the proof or without a case. */
async function getOptIn(receipt: string, proof: string | null) {
  if (!isThanksProof(receipt, proof)) return null
  const [kase, settings] = await Promise.all([getCaseOfReceipt(receipt), getCaseSettings()])
  if (!kase) return null
  return {
    proof: proof as string,
    closed: kase.status === 'closed',
    replyRequested: kase.replyRequested,
    retentionDays: settings.contactRetentionDays,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData()
  const receipt = String(formData.get('receipt') ?? '')
  if (!RECEIPT_FORMAT.test(receipt) || !isThanksProof(receipt, formData.get('proof'))) throw data(null, { status: 403 })
  const back = redirect(thanksPath(params.code ?? '', receipt))
  if (formData.get('intent') === 'receipt') {
    if (!ReceiptChoiceSchema.safeParse(Object.fromEntries(formData)).success) throw data(null, { status: 400 })
    const { refused } = await requestReplyByReceipt(receipt)
    return refused ? refuse(refused, formData) : back
  }
  const { data: choice, rejection } = parseForm(ContactChoiceSchema, formData)
  if (rejection) return rejection
  const { refused } = await saveCaseContact(receipt, choice.contact)
  return refused ? refuse(refused, formData) : back
}

/** A refusal the domain gave: the case closed meanwhile (409), or no case at all (400); nothing stored. */
function refuse(reason: 'no_case' | 'case_closed', formData: FormData) {
  const key = reason === 'case_closed' ? 'optIn.errors.caseClosed' : 'optIn.errors.noCase'
  return rejectForm({ fieldErrors: { form: { key } }, values: textValues(formData) }, { status: reason === 'case_closed' ? 409 : 400 })
}

export default function SurveyThanks() {
  const { receipt, optIn, code } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['survey', 'feedback'])
  return (
    <section className="survey survey-thanks">
      <h1>{t('thanks.title')}</h1>
      <p className="lead">{t('thanks.body')}</p>
      <p className="receipt">
        <span>{t('thanks.receipt')}</span> <strong>{receipt}</strong>
      </p>
      <p>{t('thanks.receiptHelp')}</p>
      {optIn ? <HearBack receipt={receipt} optIn={optIn} /> : null}
      <p>
        <a href={`/s/${encodeURIComponent(code)}/you-said-we-did`}>{t('feedback:links.youSaid')}</a>
      </p>
      <p>
        <a href="/">{t('thanks.home')}</a>
      </p>
    </section>
  )
}

type OptIn = NonNullable<Awaited<ReturnType<typeof getOptIn>>>

function HearBack({ receipt, optIn }: { receipt: string; optIn: OptIn }) {
  const { t, field, error } = useActionFields<typeof action>('feedback')
  const contact = field('contact')
  const consent = field('consent')
  const formError = error('form')
  const hidden = (
    <>
      <input type="hidden" name="receipt" value={receipt} />
      <input type="hidden" name="proof" value={optIn.proof} />
    </>
  )
  const errors = [
    ...(formError ? [{ href: '#contact', message: formError }] : []),
    ...(contact.error ? [{ href: '#contact', message: contact.error }] : []),
    ...(consent.error ? [{ href: '#consent', message: consent.error }] : []),
  ]
  const statusLink = `/feedback?receipt=${encodeURIComponent(receipt)}`
  return (
    <section className="hear-back" aria-labelledby="hear-back-title">
      <h2 id="hear-back-title">{t('optIn.title')}</h2>
      <ErrorSummary title={t('optIn.errorTitle')} errors={errors} autoFocus />
      {optIn.closed ? (
        <p>{t('optIn.closed')}</p>
      ) : optIn.replyRequested === 'phone' || optIn.replyRequested === 'email' ? (
        <StatusNotice message={t('optIn.doneContact')} />
      ) : (
        <>
          <p>{t('optIn.lead')}</p>
          {optIn.replyRequested === 'receipt' ? (
            <StatusNotice message={t('optIn.doneReceipt')} />
          ) : (
            <Form method="post" className="hear-back-receipt">
              <h3>{t('optIn.receiptTitle')}</h3>
              <p>{t('optIn.receiptBody')}</p>
              {hidden}
              <button type="submit" name="intent" value="receipt">
                {t('optIn.receiptButton')}
              </button>
            </Form>
          )}
          <Form method="post" className="hear-back-contact">
            <h3>{t('optIn.contactTitle')}</h3>
            {hidden}
            <Field name="contact" label={t('optIn.contact')} hint={t('optIn.contactHint')} error={contact.error}>
              {(props) => (
                <input {...props} type="text" autoComplete="off" maxLength={MAX_CONTACT_LENGTH} required defaultValue={contact.value ?? ''} />
              )}
            </Field>
            <div className="field checkbox-field consent-field">
              <label>
                <input
                  id="consent"
                  name="consent"
                  type="checkbox"
                  value="yes"
                  {...(consent.error ? { 'aria-invalid': true, 'aria-describedby': 'consent-error' } : {})}
                />{' '}
                <span>{t('optIn.consent', { days: optIn.retentionDays })}</span>
              </label>
              <ErrorMessage id="consent-error" message={consent.error} />
            </div>
            <button type="submit" name="intent" value="contact">
              {t('optIn.contactButton')}
            </button>
          </Form>
        </>
      )}
      <p>
        <a href={statusLink}>{t('links.status')}</a>
      </p>
    </section>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
