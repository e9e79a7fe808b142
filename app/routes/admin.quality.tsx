import { z } from 'zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { AdminPage } from '~/ui/admin-page'
import { CsrfInput } from '~/ui/csrf-input'
import { requireCapability, requireCapabilityForm } from '~/auth/permissions.server'
import { canManageQualityRules } from '~/auth/policy'
import { useActionFields } from '~/forms/use-action-fields'
import { textValues } from '~/forms/form-values'
import { rejectForm } from '~/forms/reject-form.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { formatNumber } from '~/i18n/format'
import { QUALITY_FLAG_NAMES, type QualityFlagName } from '~/quality/flags'
import { EXCLUDED_FIELD, QUALITY_RULES, QualityFormSchema, qualityFieldErrors, thresholdValue } from '~/responses/quality-form'
import { getQualitySettings, setQualitySettings } from '~/quality/settings.server'
import { officialResponseBasis, setOfficialResponseBasis } from '~/aggregation/official-basis.server'
import { RESPONSE_BASES } from '~/aggregation/response-basis'
import { parseForm } from '~/forms/reject-form.server'
import { IntentForm } from '~/ui/intent-form'
import { ErrorMessage } from '~/ui/error-message'
import { InputField } from '~/ui/input-field'
import { pageTitle } from '~/ui/page-title'
import { StatusNotice } from '~/ui/status-notice'

/*
 * The quality-flag thresholds and the rule by which official indices exclude flagged responses
 * are configuration, set by the Ministry administrator for the whole country. Each rule is
 * explained in plain words with its current values. Below them, the second rule of what official
 * figures count: all responses or only verified ones (app/aggregation/official-basis.server.ts).
 */

export const handle = { i18n: ['admin'] } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle

/** The example questionnaire length the "too fast" explanation works out. */
const EXAMPLE_ITEMS = 40

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, canManageQualityRules)
  const [settings, basis, t, locale] = await Promise.all([
    getQualitySettings(),
    officialResponseBasis(),
    getFixedT(request, 'admin'),
    getLanguage(request),
  ])
  return { title: t('quality.metaTitle'), settings, basis, locale }
}

/** The intent of the official basis form; the thresholds form posts none. */
const BASIS_INTENT = 'basis'

const BasisFormSchema = z.object({ responses: z.enum(RESPONSE_BASES, { error: 'quality.basis.invalid' }) })

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageQualityRules)
  if (formData.get('intent') === BASIS_INTENT) {
    const { data: input, rejection } = parseForm(BasisFormSchema, formData, { intent: BASIS_INTENT })
    if (rejection) return rejection
    await setOfficialResponseBasis(input.responses, actor.id)
    return data({ savedBasis: true })
  }
  const values = textValues(formData)
  const excluded = formData.getAll(EXCLUDED_FIELD).filter((value): value is string => typeof value === 'string')
  const parsed = QualityFormSchema.safeParse({ ...values, [EXCLUDED_FIELD]: excluded })
  if (!parsed.success) return rejectForm({ fieldErrors: qualityFieldErrors(parsed.error), values, excluded })
  await setQualitySettings(parsed.data, actor.id)
  return data({ saved: true })
}

export default function QualityPage() {
  const { settings, basis, locale } = useLoaderData<typeof loader>()
  const { t, actionData, field } = useActionFields<typeof action>('admin')
  const n = (value: number) => formatNumber(value, locale)
  const flagName = (flag: string) => t(`quality.flags.${flag}.name`)
  const rejected = actionData && 'excluded' in actionData ? actionData : null
  const basisError = field('responses').error
  const excluded = new Set<string>(rejected ? rejected.excluded : settings.excluded)
  const { tooFast, straightLining, burst, closingTime } = settings
  // What each rule's explanation says, with the values in force.
  const meaning: Record<QualityFlagName, Record<string, string>> = {
    TOO_FAST: { secondsPerItem: n(tooFast.secondsPerItem), example: n(tooFast.secondsPerItem * EXAMPLE_ITEMS) },
    STRAIGHT_LINING: { minItems: n(straightLining.minItems) },
    BURST: {
      windowSeconds: n(burst.windowSeconds),
      maxPerDevice: n(burst.maxPerDevice),
      maxPerServicePoint: n(burst.maxPerServicePoint),
    },
    HONEYPOT: {},
    CLOSING_TIME_BURST: {
      closesAt: closingTime.closesAt,
      minutesBefore: n(closingTime.minutesBefore),
      minutesAfter: n(closingTime.minutesAfter),
      windowSeconds: n(closingTime.windowSeconds),
      maxVerySatisfied: n(closingTime.maxVerySatisfied),
    },
  }

  return (
    <AdminPage title={t('quality.title')}>
      <p>{t('quality.explanation')}</p>
      <p>
        {settings.excluded.length > 0
          ? t('quality.exclusionNow', { flags: settings.excluded.map(flagName).join('; ') })
          : t('quality.exclusionNone')}
      </p>
      <StatusNotice
        message={
          actionData && 'saved' in actionData
            ? t('quality.saved')
            : actionData && 'savedBasis' in actionData
              ? t('quality.basis.saved')
              : null
        }
      />
      {rejected ? (
        <p className="notice error-summary" role="alert">
          {t('quality.errorSummary')}
        </p>
      ) : null}
      <Form method="post">
        <CsrfInput />
        <h2>{t('quality.thresholdsTitle')}</h2>
        {QUALITY_RULES.map((rule) => (
          <fieldset key={rule.flag}>
            <legend>{flagName(rule.flag)}</legend>
            <p>{t(`quality.flags.${rule.flag}.meaning`, meaning[rule.flag])}</p>
            {rule.fields.length === 0 ? <p>{t('quality.noThreshold')}</p> : null}
            {rule.fields.map((threshold) => {
              const { value, ...named } = field(threshold.name)
              return (
                <InputField
                  key={threshold.name}
                  {...named}
                  label={t(`quality.fields.${threshold.name}`)}
                  value={value ?? thresholdValue(settings, threshold.name)}
                  type={threshold.kind === 'time' ? 'time' : 'number'}
                  inputMode={threshold.kind === 'time' ? undefined : threshold.step === 'any' ? 'decimal' : 'numeric'}
                  min={threshold.min}
                  max={threshold.max}
                  step={threshold.step}
                  required
                />
              )
            })}
          </fieldset>
        ))}
        <fieldset aria-describedby="excluded-help">
          <legend>{t('quality.exclusionTitle')}</legend>
          <p id="excluded-help">{t('quality.exclusionHelp')}</p>
          <ErrorMessage id="excluded-error" message={field(EXCLUDED_FIELD).error} />
          {QUALITY_FLAG_NAMES.map((flag) => (
            <div key={flag} className="field checkbox-field">
              <label>
                <input type="checkbox" name={EXCLUDED_FIELD} value={flag} defaultChecked={excluded.has(flag)} />{' '}
                {t('quality.excludeFlag', { name: flagName(flag) })}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('quality.save')}</button>
      </Form>
      <h2 id="basis-title">{t('quality.basis.title')}</h2>
      <p>{t(`quality.basis.now.${basis}`)}</p>
      <IntentForm intent={BASIS_INTENT}>
        <fieldset aria-describedby={basisError ? 'basis-help basis-error' : 'basis-help'}>
          <legend>{t('quality.basis.legend')}</legend>
          <p id="basis-help">{t('quality.basis.help')}</p>
          <ErrorMessage id="basis-error" message={basisError} />
          {RESPONSE_BASES.map((option) => (
            <div key={option} className="field checkbox-field">
              <label>
                <input type="radio" name="responses" value={option} defaultChecked={basis === option} />{' '}
                {t(`quality.basis.options.${option}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('quality.basis.save')}</button>
      </IntentForm>
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
