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
import { BatchHeading } from '~/paper/batch-heading'
import { BatchTotalsList } from '~/paper/batch-totals'
import { loadBatchPage } from '~/paper/batch-page.server'
import { getBatch, getBatchVersion } from '~/paper/batches.server'
import { ErrorSummary } from '~/ui/error-summary'
import { PAPER_PAGE_NAMESPACES } from '~/paper/namespaces'
import { DONT_KNOW_KEY, NOT_APPLICABLE_KEY } from '~/paper/keys'
import { readSheetForm } from '~/paper/sheet-form'
import { itemFieldId, SheetItemField } from '~/paper/sheet-item-field'
import { keySheet, lastKeyedDate, nextSheetNo } from '~/paper/sheets.server'
import { useKeyingForm } from '~/paper/use-keying-form'
import { VOID_REASON_FIELD } from '~/paper/void'
import { SHEET_BLOCK_FIELD } from '~/paper/compare'
import { allItems } from '~/questionnaire/definition'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { pageTitle } from '~/ui/page-title'
import { SheetHeadFields } from './sheet-head-fields'

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
  const [page, next, lastDate] = await Promise.all([
    loadBatchPage(request, batch, version.definition, 'keying.metaTitle'),
    nextSheetNo(batch, user.id),
    lastKeyedDate(batch.id, user.id),
  ])
  return {
    ...page,
    next,
    sheetDate: lastDate ?? batch.fromDate,
    saved,
    savedVoid: search.get('void') === '1',
    canReconcile: batch.doubleEntry && canReconcilePaper(user),
    paperShortForm: version.paperShortForm,
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
  const { locale, batch, definition, totals, next, sheetDate, saved, savedVoid, canReconcile, paperShortForm } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t } = useTranslation(PAPER_PAGE_NAMESPACES)
  const sheetKey = `${next}-${saved}`
  const { formRef, visible, voided, onInput, onFocus } = useKeyingForm(definition, sheetKey)
  const { fieldErrors: errors, values, error: message } = formFields(actionData, t)
  const items = allItems(definition)
  const fieldHref = (field: string) =>
    `#${field === 'sheetNo' || field === 'sheetDate' || field === VOID_REASON_FIELD || field === SHEET_BLOCK_FIELD ? field : itemFieldId(field)}`

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
            <SheetHeadFields
              batch={batch}
              sheetNo={values.sheetNo ?? String(next ?? '')}
              sheetDate={values.sheetDate ?? sheetDate}
              voidReason={values[VOID_REASON_FIELD]}
              blockCodes={paperShortForm ? (definition.shortForm?.blocks.map((block) => block.code) ?? []) : []}
              formBlock={values[SHEET_BLOCK_FIELD]}
              message={message}
            />
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
