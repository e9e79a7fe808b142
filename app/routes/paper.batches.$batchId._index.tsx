import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/ui/csrf-input'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requirePaperEntryAccess } from '~/auth/permissions.server'
import { canReconcilePaper } from '~/auth/policy'
import { requireUser } from '~/auth/session.server'
import { formFields } from '~/forms/form-fields'
import { textValues } from '~/forms/form-values'
import { rejectForm } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { BatchHeading } from '~/paper/batch-heading'
import { BatchTotalsList } from '~/paper/batch-totals'
import { getBatch, getBatchTotals, getBatchVersion } from '~/paper/batches.server'
import { ErrorSummary } from '~/ui/error-summary'
import { PAPER_PAGE_NAMESPACES } from '~/paper/namespaces'
import { DONT_KNOW_KEY, NOT_APPLICABLE_KEY } from '~/paper/keys'
import { readSheetForm } from '~/paper/sheet-form'
import { itemFieldId, SheetItemField } from '~/paper/sheet-item-field'
import { keySheet, lastKeyedDate, nextSheetNo } from '~/paper/sheets.server'
import { useKeyingForm } from '~/paper/use-keying-form'
import { VOID_REASON_FIELD, VOID_REASON_KEYS, VOID_REASONS } from '~/paper/void'
import { allItems } from '~/questionnaire/definition'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { ErrorMessage } from '~/ui/error-message'
import { pageTitle } from '~/ui/page-title'

/*
 * The keying screen: one paper sheet per screen, keyboard only. Number keys answer, the cursor
 * moves on by itself (with JavaScript; Tab without), Enter saves and opens the next sheet.
 * A void sheet takes a reason key in the field just before the first item (Shift+Tab), then
 * Enter. In a double-entry batch the clerk never sees the other pass.
 */

export const handle = { i18n: PAPER_PAGE_NAMESPACES } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

async function requireBatch(request: Request, batchId: string | undefined) {
  const batch = await getBatch(batchId ?? '')
  if (!batch) {
    await requireUser(request)
    throw new Response(null, { status: 404 })
  }
  const user = await requirePaperEntryAccess(request, batch.servicePointId)
  const version = await getBatchVersion(batch)
  // The campaign the batch was opened under has gone (deleted or its version retired).
  if (!version) throw new Response(null, { status: 409 })
  return { batch, user, version }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { batch, user, version } = await requireBatch(request, params.batchId)
  const search = new URL(request.url).searchParams
  const saved = Number(search.get('saved')) || null
  const [totals, next, lastDate, t, locale] = await Promise.all([
    getBatchTotals(batch.id),
    nextSheetNo(batch, user.id),
    lastKeyedDate(batch.id, user.id),
    getFixedT(request, 'paper'),
    getLanguage(request),
  ])
  return {
    title: t('keying.metaTitle', { code: batch.servicePoint.code }),
    locale,
    batch,
    definition: version.definition,
    totals,
    next,
    sheetDate: lastDate ?? batch.fromDate,
    saved,
    savedVoid: search.get('void') === '1',
    canReconcile: batch.doubleEntry && canReconcilePaper(user),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { batch, user, version } = await requireBatch(request, params.batchId)
  const formData = await requireCsrfForm(request)
  const values = textValues(formData)
  const read = readSheetForm(version.definition, values, batch)
  if (!read.ok) return rejectForm({ fieldErrors: read.fieldErrors, values })

  const result = await keySheet(batch, {
    clerkId: user.id,
    sheetNo: read.sheetNo,
    payload: { versionId: version.id, ...read.entry },
    order: allItems(version.definition).map((item) => item.code),
  })
  if ('error' in result) {
    const fieldErrors = { [result.error.field]: { key: result.error.key, params: { sheetNo: read.sheetNo } } }
    return rejectForm({ fieldErrors, values }, { status: 409 })
  }
  return redirect(`/paper/batches/${batch.id}?saved=${read.sheetNo}${read.entry.voidReason ? '&void=1' : ''}`)
}

export default function KeyingPage() {
  const { locale, batch, definition, totals, next, sheetDate, saved, savedVoid, canReconcile } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation(PAPER_PAGE_NAMESPACES)
  const sheetKey = `${next}-${saved}`
  const { formRef, visible, voided, onInput, onFocus } = useKeyingForm(definition, sheetKey)
  const { fieldErrors: errors, values, error: message } = formFields(actionData, t)
  const items = allItems(definition)
  const fieldHref = (field: string) =>
    `#${field === 'sheetNo' || field === 'sheetDate' || field === VOID_REASON_FIELD ? field : itemFieldId(field)}`

  return (
    <>
      <BatchHeading title={t('keying.title', { code: batch.servicePoint.code })} batch={batch} locale={locale} />
      {batch.doubleEntry ? <p className="notice">{t('keying.blind')}</p> : null}
      <div aria-live="polite" role="status" className="paper-status">
        {saved ? (
          <p>{savedVoid ? t('keying.savedVoid', { sheetNo: saved }) : t('keying.saved', { sheetNo: saved })}</p>
        ) : null}
        <BatchTotalsList totals={totals} batch={batch} locale={locale} />
      </div>
      {canReconcile ? (
        <p>
          <Link to={`/paper/batches/${batch.id}/reconcile`}>{t('keying.toReconcile')}</Link>
        </p>
      ) : null}

      {next === null && !actionData ? (
        <p className="notice">{t('keying.allKeyed')}</p>
      ) : (
        <>
          <h2 id="legend-title">{t('keying.legend.title')}</h2>
          <ul className="key-legend" aria-labelledby="legend-title">
            <li>{t('keying.legend.scale')}</li>
            <li>{t('keying.legend.dontKnow', { key: DONT_KNOW_KEY })}</li>
            <li>{t('keying.legend.notApplicable', { key: NOT_APPLICABLE_KEY })}</li>
            <li>{t('keying.legend.blank')}</li>
            <li>{t('keying.legend.void')}</li>
            <li>{t('keying.legend.enter')}</li>
          </ul>
          <Form
            method="post"
            className="keying-form"
            key={sheetKey}
            ref={formRef}
            onInput={onInput}
            onFocus={onFocus}
            aria-labelledby="sheet-title"
          >
            <h2 id="sheet-title">{t('keying.sheetTitle', { sheetNo: values.sheetNo || next })}</h2>
            <CsrfInput />
            <ErrorSummary
              title={t('keying.errorSummary', { count: Object.keys(errors).length })}
              errors={Object.keys(errors).map((field) => ({ href: fieldHref(field), message: message(field) ?? '' }))}
            />
            <div className="keying-meta">
              <div className="field">
                <label htmlFor="sheetNo">{t('keying.sheetNo')}</label>
                <input
                  id="sheetNo"
                  name="sheetNo"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  className="keying-code"
                  defaultValue={values.sheetNo ?? String(next ?? '')}
                  aria-describedby={['sheetNo-hint', errors.sheetNo ? 'sheetNo-error' : null].filter(Boolean).join(' ')}
                  aria-invalid={errors.sheetNo ? true : undefined}
                />
                <p id="sheetNo-hint" className="keying-hint">
                  {t('keying.sheetNoHint', { max: batch.sheetCount })}
                </p>
                <ErrorMessage id="sheetNo-error" message={message('sheetNo')} />
              </div>
              <div className="field">
                <label htmlFor="sheetDate">{t('keying.sheetDate')}</label>
                <input
                  id="sheetDate"
                  name="sheetDate"
                  type="date"
                  min={batch.fromDate}
                  max={batch.toDate}
                  defaultValue={values.sheetDate ?? sheetDate}
                  aria-describedby={errors.sheetDate ? 'sheetDate-error' : undefined}
                  aria-invalid={errors.sheetDate ? true : undefined}
                />
                <ErrorMessage id="sheetDate-error" message={message('sheetDate')} />
              </div>
              <div className="field">
                <label htmlFor={VOID_REASON_FIELD}>{t('keying.void.label')}</label>
                <input
                  id={VOID_REASON_FIELD}
                  name={VOID_REASON_FIELD}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  className="keying-code"
                  defaultValue={values[VOID_REASON_FIELD]}
                  data-complete={VOID_REASONS.map((reason) => VOID_REASON_KEYS[reason]).join(' ')}
                  aria-describedby={[
                    `${VOID_REASON_FIELD}-hint`,
                    errors[VOID_REASON_FIELD] ? `${VOID_REASON_FIELD}-error` : null,
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  aria-invalid={errors[VOID_REASON_FIELD] ? true : undefined}
                />
                <p id={`${VOID_REASON_FIELD}-hint`} className="keying-hint">
                  {t('keying.void.hint', {
                    reasons: VOID_REASONS.map(
                      (reason) => `${VOID_REASON_KEYS[reason]} ${t(`voidReasons.${reason}`)}`
                    ).join(' · '),
                  })}
                </p>
                <ErrorMessage id={`${VOID_REASON_FIELD}-error`} message={message(VOID_REASON_FIELD)} />
              </div>
            </div>
            {voided ? <p className="notice">{t('keying.void.notice')}</p> : null}
            {definition.sections.map((section) => (
              <fieldset key={section.code} className="keying-section">
                <legend>{section.title[locale]}</legend>
                {section.items.map((item) => (
                  <SheetItemField
                    key={item.code}
                    item={item}
                    number={items.indexOf(item) + 1}
                    lng={locale}
                    error={message(item.code)}
                    defaultValue={values[item.code]}
                    skipped={voided ? 'void' : visible !== null && !visible.has(item.code) ? 'hidden' : false}
                    autoFocus={!actionData && items[0]?.code === item.code}
                  />
                ))}
              </fieldset>
            ))}
            <button type="submit" disabled={navigation.state === 'submitting'}>
              {t('keying.save')}
            </button>
          </Form>
        </>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
