import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/ui/csrf-input'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requireCapability, requirePaperEntryAccess } from '~/auth/permissions.server'
import { canReconcilePaper } from '~/auth/policy'
import { formFields } from '~/forms/form-fields'
import { textValues } from '~/forms/form-values'
import { rejectForm } from '~/forms/reject-form.server'
import { BatchHeading } from '~/paper/batch-heading'
import { BatchTotalsList } from '~/paper/batch-totals'
import { loadBatchPage } from '~/paper/batch-page.server'
import { getBatch, getBatchVersion } from '~/paper/batches.server'
import { resolveEntries, SHEET_BLOCK_FIELD, SHEET_DATE_FIELD, VOID_FIELD } from '~/paper/compare'
import { countWaitingSheets } from '~/paper/counting.server'
import { ErrorSummary } from '~/ui/error-summary'
import { PAPER_PAGE_NAMESPACES } from '~/paper/namespaces'
import { listDisputes, resolveSheet } from '~/paper/reconcile.server'
import { readChoices, readDisputedSheetNo } from '~/paper/reconcile-form'
import { checkSheetAnswers } from '~/paper/sheet-form'
import { allItems } from '~/questionnaire/definition'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { pageTitle } from '~/ui/page-title'
import { DifferenceFieldset, firstChoiceId } from './difference-fieldset'
import { IntentForm } from '~/ui/intent-form'

/*
 * Reconciliation of a double-entry batch, for a supervisor: the sheets whose two passes
 * disagree, one at a time, each difference with both values; the supervisor takes one or keys
 * the paper again, and the agreed sheet is counted. When one pass marked the sheet void and the
 * other keyed it, the one difference is that: the supervisor takes either pass whole.
 */

export const handle = { i18n: PAPER_PAGE_NAMESPACES } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

async function requireSupervisedBatch(request: Request, batchId: string | undefined) {
  const user = await requireCapability(request, canReconcilePaper)
  const batch = await getBatch(batchId ?? '')
  if (!batch) throw new Response(null, { status: 404 })
  await requirePaperEntryAccess(request, batch.servicePointId)
  const version = await getBatchVersion(batch)
  if (!version) throw new Response(null, { status: 409 })
  return { user, batch, version, order: allItems(version.definition).map((item) => item.code) }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, batch, version, order } = await requireSupervisedBatch(request, params.batchId)
  const search = new URL(request.url).searchParams
  const [disputes, page] = await Promise.all([
    listDisputes(batch.id, order),
    loadBatchPage(request, batch, version.definition, 'reconcile.metaTitle'),
  ])
  const wanted = Number(search.get('sheet'))
  const current = disputes.find((dispute) => dispute.sheetNo === wanted) ?? disputes[0] ?? null
  return {
    ...page,
    sheetNos: disputes.map((dispute) => dispute.sheetNo),
    current: current
      ? { sheetNo: current.sheetNo, differences: current.differences, ownSheet: current.clerkIds.includes(user.id) }
      : null,
    resolved: Number(search.get('resolved')) || null,
    resolvedVoid: search.get('void') === '1',
    counted: search.has('counted') ? Number(search.get('counted')) : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, batch, version, order } = await requireSupervisedBatch(request, params.batchId)
  const formData = await requireCsrfForm(request)
  const values = textValues(formData)

  if (values.intent === 'count') {
    const results = await countWaitingSheets(batch.id)
    return redirect(`/paper/batches/${batch.id}/reconcile?counted=${results.filter((result) => result.counted).length}`)
  }
  if (values.intent !== 'resolve') return rejectForm({ fieldErrors: {}, values })

  const sheetNo = readDisputedSheetNo(values.sheetNo)
  const [dispute] = sheetNo ? await listDisputes(batch.id, order, sheetNo) : []
  if (!sheetNo || !dispute) {
    return rejectForm({ fieldErrors: { sheet: { key: 'reconcile.errors.notDisputed' } }, values }, { status: 409 })
  }
  const read = readChoices(version.definition, dispute.differences, values, batch)
  if (!read.ok) return rejectForm({ fieldErrors: read.fieldErrors, values })

  const resolution = resolveEntries(dispute.first, dispute.second, order, read.choices)
  if (!resolution.ok) return rejectForm({ fieldErrors: { sheet: { key: 'reconcile.errors.choose' } }, values })
  const answerErrors = resolution.entry.voidReason
    ? {}
    : checkSheetAnswers(version.definition, resolution.entry.answers)
  if (Object.keys(answerErrors).length > 0) return rejectForm({ fieldErrors: answerErrors, values })

  const result = await resolveSheet({
    batchId: batch.id,
    sheetNo,
    supervisorId: user.id,
    clerkIds: dispute.clerkIds,
    entry: { versionId: dispute.first.versionId, ...resolution.entry },
    choices: read.choices,
  })
  if ('error' in result) return rejectForm({ fieldErrors: { sheet: { key: result.error.key } }, values }, { status: 409 })
  return redirect(
    `/paper/batches/${batch.id}/reconcile?resolved=${sheetNo}${resolution.entry.voidReason ? '&void=1' : ''}`
  )
}

export default function ReconcilePage() {
  const { locale, batch, definition, totals, sheetNos, current, resolved, resolvedVoid, counted } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(PAPER_PAGE_NAMESPACES)
  const { fieldErrors: errors, values, error: message } = formFields(actionData, t)
  const items = allItems(definition)
  const itemOf = (field: string) => items.find((item) => item.code === field)
  const fieldLabel = (field: string) => {
    if (field === SHEET_DATE_FIELD) return t('keying.sheetDate')
    if (field === VOID_FIELD) return t('reconcile.voidLabel')
    if (field === SHEET_BLOCK_FIELD) return t('keying.block.label')
    const item = itemOf(field)
    return item ? t('reconcile.itemLabel', { number: items.indexOf(item) + 1, text: item.text[locale] }) : field
  }

  return (
    <>
      <BatchHeading title={t('reconcile.title', { code: batch.servicePoint.code })} batch={batch} locale={locale} />
      <div role="status" className="paper-status">
        {resolved ? (
          <p>
            {resolvedVoid
              ? t('reconcile.resolvedVoid', { sheetNo: resolved })
              : t('reconcile.resolved', { sheetNo: resolved })}
          </p>
        ) : null}
        {counted !== null ? <p>{t('reconcile.counted', { count: counted })}</p> : null}
        <BatchTotalsList totals={totals} batch={batch} locale={locale} />
      </div>
      {totals.waiting > 0 ? (
        <IntentForm intent="count">
          <p>{t('reconcile.waitingHelp', { count: totals.waiting })}</p>
          <button type="submit" className="secondary">
            {t('reconcile.countWaiting')}
          </button>
        </IntentForm>
      ) : null}

      {current === null ? (
        <p className="notice">{t('reconcile.none')}</p>
      ) : (
        <>
          <nav aria-labelledby="disputes-title">
            <h2 id="disputes-title">{t('reconcile.disputesTitle', { count: sheetNos.length })}</h2>
            <ul className="paper-sheet-list">
              {sheetNos.map((sheetNo) => (
                <li key={sheetNo}>
                  <Link
                    to={`/paper/batches/${batch.id}/reconcile?sheet=${sheetNo}`}
                    aria-current={sheetNo === current.sheetNo ? 'page' : undefined}
                    aria-label={t('reconcile.sheetLink', { sheetNo })}
                  >
                    {sheetNo}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          <Form method="post" key={current.sheetNo} className="reconcile-form" aria-labelledby="sheet-title">
            <h2 id="sheet-title">
              {t('reconcile.sheetTitle', { sheetNo: current.sheetNo, count: current.differences.length })}
            </h2>
            {current.ownSheet ? <p className="notice">{t('reconcile.errors.ownSheet')}</p> : null}
            <CsrfInput />
            <input type="hidden" name="intent" value="resolve" />
            <input type="hidden" name="sheetNo" value={current.sheetNo} />
            <ErrorSummary
              title={t('reconcile.errorSummary')}
              errors={Object.keys(errors).map((field) => ({
                href: current.differences.some((difference) => difference.field === field)
                  ? `#${firstChoiceId(field)}`
                  : '#sheet-title',
                message: message(field) ?? '',
              }))}
            />
            {current.differences.map((difference) => (
              <DifferenceFieldset
                key={difference.field}
                difference={difference}
                label={fieldLabel(difference.field)}
                item={itemOf(difference.field)}
                values={values}
                error={message(difference.field)}
                locale={locale}
              />
            ))}
            <button type="submit" disabled={current.ownSheet}>
              {t('reconcile.save', { sheetNo: current.sheetNo })}
            </button>
          </Form>
        </>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
