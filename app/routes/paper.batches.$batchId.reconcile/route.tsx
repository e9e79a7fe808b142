import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { requirePaperEntryAccess, requireRole } from '~/auth/permissions.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { describeValue } from '~/paper/answer-labels'
import { BatchHeading } from '~/paper/batch-heading'
import { BatchTotalsList } from '~/paper/batch-totals'
import { getBatch, getBatchTotals, getBatchVersion } from '~/paper/batches.server'
import { type Choice, resolveEntries, SHEET_DATE_FIELD, VOID_FIELD } from '~/paper/compare'
import { countWaitingSheets } from '~/paper/counting.server'
import { formatDay } from '~/paper/dates'
import { ErrorSummary } from '~/paper/error-summary'
import { PAPER_PAGE_NAMESPACES } from '~/paper/namespaces'
import { isCodedItem, parseKeyed } from '~/paper/keys'
import { listDisputes, resolveSheet } from '~/paper/reconcile.server'
import { PAPER_SUPERVISOR_ROLES } from '~/paper/roles'
import { checkSheetAnswers, type FieldErrors, readSheetDate } from '~/paper/sheet-form'
import { allItems } from '~/questionnaire/definition'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { GeneralErrorBoundary } from '~/ui/error-boundary'

/*
 * Reconciliation of a double-entry batch, for a supervisor: the sheets whose two passes
 * disagree, one at a time, each difference with both values; the supervisor takes one or keys
 * the paper again, and the agreed sheet is counted. When one pass marked the sheet void and the
 * other keyed it, the one difference is that: the supervisor takes either pass whole.
 */

export const handle = { i18n: PAPER_PAGE_NAMESPACES } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

async function requireSupervisedBatch(request: Request, batchId: string | undefined) {
  const user = await requireRole(request, PAPER_SUPERVISOR_ROLES)
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
  const [disputes, totals, t, locale] = await Promise.all([
    listDisputes(batch.id, order),
    getBatchTotals(batch.id),
    getFixedT(request, 'paper'),
    getLanguage(request),
  ])
  const wanted = Number(search.get('sheet'))
  const current = disputes.find((dispute) => dispute.sheetNo === wanted) ?? disputes[0] ?? null
  return {
    title: t('reconcile.metaTitle', { code: batch.servicePoint.code }),
    locale,
    batch,
    definition: version.definition,
    totals,
    sheetNos: disputes.map((dispute) => dispute.sheetNo),
    current: current
      ? { sheetNo: current.sheetNo, differences: current.differences, ownSheet: current.clerkIds.includes(user.id) }
      : null,
    resolved: Number(search.get('resolved')) || null,
    resolvedVoid: search.get('void') === '1',
    counted: search.has('counted') ? Number(search.get('counted')) : null,
  }
}

type Result = { fieldErrors: FieldErrors; values: Record<string, string> }

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, batch, version, order } = await requireSupervisedBatch(request, params.batchId)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)

  if (values.intent === 'count') {
    const results = await countWaitingSheets(batch.id)
    return redirect(`/paper/batches/${batch.id}/reconcile?counted=${results.filter((result) => result.counted).length}`)
  }
  if (values.intent !== 'resolve') return data<Result>({ fieldErrors: {}, values }, { status: 400 })

  const sheetNo = Number(values.sheetNo)
  const [dispute] = Number.isInteger(sheetNo) && sheetNo > 0 ? await listDisputes(batch.id, order, sheetNo) : []
  if (!dispute)
    return data<Result>({ fieldErrors: { sheet: { key: 'reconcile.errors.notDisputed' } }, values }, { status: 409 })

  const items = new Map(allItems(version.definition).map((item) => [item.code, item]))
  const fieldErrors: FieldErrors = {}
  const choices: Record<string, Choice> = {}
  for (const { field } of dispute.differences) {
    const from = values[`choice:${field}`]
    if (from === 'first' || from === 'second') choices[field] = { from }
    // Void or keyed is settled by taking a pass whole; there is nothing to key again.
    else if (from !== 'rekeyed' || field === VOID_FIELD) fieldErrors[field] = { key: 'reconcile.errors.choose' }
    else if (field === SHEET_DATE_FIELD) {
      const day = readSheetDate(values[`rekey:${field}`], batch)
      if (day) choices[field] = { from, value: day }
      else
        fieldErrors[field] = {
          key: 'keying.errors.sheetDate',
          params: { from: formatDay(batch.fromDate), to: formatDay(batch.toDate) },
        }
    } else {
      const item = items.get(field)
      const parsed = item
        ? parseKeyed(item, values[`rekey:${field}`] ?? '')
        : ({ ok: false, error: 'reconcile.errors.notDisputed' } as const)
      if (parsed.ok) choices[field] = { from, value: parsed.value }
      else fieldErrors[field] = { key: parsed.error }
    }
  }
  if (Object.keys(fieldErrors).length > 0) return data<Result>({ fieldErrors, values }, { status: 400 })

  const resolution = resolveEntries(dispute.first, dispute.second, order, choices)
  if (!resolution.ok)
    return data<Result>({ fieldErrors: { sheet: { key: 'reconcile.errors.choose' } }, values }, { status: 400 })
  const answerErrors = resolution.entry.voidReason
    ? {}
    : checkSheetAnswers(version.definition, resolution.entry.answers)
  if (Object.keys(answerErrors).length > 0) return data<Result>({ fieldErrors: answerErrors, values }, { status: 400 })

  const result = await resolveSheet({
    batchId: batch.id,
    sheetNo,
    supervisorId: user.id,
    clerkIds: dispute.clerkIds,
    entry: { versionId: dispute.first.versionId, ...resolution.entry },
    choices,
  })
  if ('error' in result)
    return data<Result>({ fieldErrors: { sheet: { key: result.error.key } }, values }, { status: 409 })
  return redirect(
    `/paper/batches/${batch.id}/reconcile?resolved=${sheetNo}${resolution.entry.voidReason ? '&void=1' : ''}`
  )
}

export default function ReconcilePage() {
  const { locale, batch, definition, totals, sheetNos, current, resolved, resolvedVoid, counted } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(PAPER_PAGE_NAMESPACES)
  const errors = actionData?.fieldErrors ?? {}
  const values = actionData?.values ?? {}
  const message = (field: string) => (errors[field] ? t(errors[field].key, errors[field].params) : undefined)
  const items = allItems(definition)
  const itemOf = (field: string) => items.find((item) => item.code === field)
  const fieldLabel = (field: string) => {
    if (field === SHEET_DATE_FIELD) return t('keying.sheetDate')
    if (field === VOID_FIELD) return t('reconcile.voidLabel')
    const item = itemOf(field)
    return item ? t('reconcile.itemLabel', { number: items.indexOf(item) + 1, text: item.text[locale] }) : field
  }
  const show = (field: string, value: string | number | number[] | null) => {
    if (field === SHEET_DATE_FIELD && typeof value === 'string') return formatDay(value)
    if (field === VOID_FIELD)
      return value === null
        ? t('reconcile.keyedSheet')
        : t('reconcile.voidSheet', { reason: t(`voidReasons.${value}`) })
    return describeValue(itemOf(field), value, t, locale)
  }
  const fieldId = (field: string) => `choice-${field}`

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
        <BatchTotalsList
          totals={totals}
          sheetCount={batch.sheetCount}
          doubleEntry={batch.doubleEntry}
          locale={locale}
        />
      </div>
      {totals.waiting > 0 ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="count" />
          <p>{t('reconcile.waitingHelp', { count: totals.waiting })}</p>
          <button type="submit" className="secondary">
            {t('reconcile.countWaiting')}
          </button>
        </Form>
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
                  ? `#${fieldId(field)}-first`
                  : '#sheet-title',
                message: message(field) ?? '',
              }))}
            />
            {current.differences.map(({ field, first, second }) => {
              const id = fieldId(field)
              const chosen = values[`choice:${field}`]
              return (
                <fieldset
                  key={field}
                  className="reconcile-field"
                  aria-describedby={errors[field] ? `${id}-error` : undefined}
                >
                  <legend>{fieldLabel(field)}</legend>
                  {field === VOID_FIELD ? <p className="keying-hint">{t('reconcile.voidHelp')}</p> : null}
                  {errors[field] ? (
                    <p id={`${id}-error`} className="field-error">
                      {message(field)}
                    </p>
                  ) : null}
                  <label className="reconcile-choice">
                    <input
                      type="radio"
                      id={`${id}-first`}
                      name={`choice:${field}`}
                      value="first"
                      defaultChecked={chosen === 'first'}
                    />{' '}
                    {t('reconcile.first', { value: show(field, first) })}
                  </label>
                  <label className="reconcile-choice">
                    <input type="radio" name={`choice:${field}`} value="second" defaultChecked={chosen === 'second'} />{' '}
                    {t('reconcile.second', { value: show(field, second) })}
                  </label>
                  {field === VOID_FIELD ? null : (
                    <>
                      <label className="reconcile-choice">
                        <input
                          type="radio"
                          name={`choice:${field}`}
                          value="rekeyed"
                          defaultChecked={chosen === 'rekeyed'}
                        />{' '}
                        {t('reconcile.rekeyed')}
                      </label>
                      <label htmlFor={`${id}-rekey`} className="visually-hidden">
                        {t('reconcile.rekeyLabel', { field: fieldLabel(field) })}
                      </label>
                      <input
                        id={`${id}-rekey`}
                        name={`rekey:${field}`}
                        type={field === SHEET_DATE_FIELD ? 'date' : 'text'}
                        inputMode={itemOf(field) && isCodedItem(itemOf(field)!) ? 'numeric' : undefined}
                        autoComplete="off"
                        className={itemOf(field)?.kind === 'text' ? 'keying-text' : 'keying-code'}
                        defaultValue={values[`rekey:${field}`]}
                      />
                    </>
                  )}
                </fieldset>
              )
            })}
            <button type="submit" disabled={current.ownSheet}>
              {t('reconcile.save', { sheetNo: current.sheetNo })}
            </button>
          </Form>
        </>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
