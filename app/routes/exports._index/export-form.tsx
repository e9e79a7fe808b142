import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { RESPONSE_BASES } from '~/aggregation/response-basis'
import { useTranslation } from 'react-i18next'
import { EXPORT_FORMATS, EXPORT_LEVELS } from '~/export/filters'
import { PERIOD_KINDS } from '~/export/period-fields'
import { formFields } from '~/forms/form-fields'
import type { FieldErrors } from '~/forms/field-errors'
import { Channel } from '~/generated/prisma/enums'
import { INDICES, PEER_GROUPS } from '~/ranking/indices'
import { CsrfInput } from '~/ui/csrf-input'
import { Field } from '~/ui/field'
import { SelectField } from '~/ui/select-field'

type Choices = { provinces: { id: string; name: string }[]; methodologyCodes: string[] }
type May = { nationally: boolean; microdata: boolean; comments: boolean }
type Refusal = { fieldErrors?: FieldErrors; values?: Record<string, string> } | undefined

const QUARTERS = ['1', '2', '3', '4']
const MONTHS = Array.from({ length: 12 }, (_, at) => String(at + 1))

/**
 * The form that starts an export. Without JavaScript every field shows and the action ignores
 * those the kind or the period does not use; with it, react-hook-form follows the kind and the
 * kind of period and shows only their fields. The action checks everything (app/export/filters.ts).
 */
export function ExportForm({ actionData, choices, may }: { actionData: Refusal; choices: Choices; may: May }) {
  const { t } = useTranslation('exports')
  const { t: tRankings } = useTranslation('rankings')
  const busy = useNavigation().state === 'submitting'
  const { field, values } = formFields(actionData, t)
  const { register, watch } = useForm({
    defaultValues: { kind: values.kind ?? 'aggregated', periodKind: values.periodKind ?? 'year' },
  })
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const kind = watch('kind')
  const periodKind = watch('periodKind')
  const shows = {
    aggregated: !hydrated || kind === 'aggregated',
    microdata: !hydrated || kind === 'microdata',
    period: (name: string) => !hydrated || name === periodKind,
  }
  const periodError = field('period').error
  const option = (value: string, label: string) => ({ value, label })

  return (
    <section aria-labelledby="export-form">
      <h2 id="export-form">{t('form.title')}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <Field name="kind" label={t('form.kind')} error={field('kind').error}>
          {(props) => (
            <select {...props} {...register('kind')}>
              <option value="aggregated">{t('kinds.aggregated')}</option>
              {may.microdata ? <option value="microdata">{t('kinds.microdata')}</option> : null}
            </select>
          )}
        </Field>

        <fieldset aria-describedby={periodError ? 'period-error' : undefined}>
          <legend>{t('form.period')}</legend>
          {periodError ? (
            <p id="period-error" className="error-text">
              {periodError}
            </p>
          ) : null}
          <Field name="periodKind" label={t('form.periodKind')} hint={hydrated ? undefined : t('form.periodHint')}>
            {(props) => (
              <select {...props} {...register('periodKind')}>
                {PERIOD_KINDS.map((name) => (
                  <option key={name} value={name}>
                    {t(`form.periodKinds.${name}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {shows.period('year') || shows.period('quarter') || shows.period('month') ? (
            <Field name="year" label={t('form.year')}>
              {(props) => (
                <input {...props} type="number" inputMode="numeric" min={2000} max={2100} defaultValue={values.year ?? String(new Date().getFullYear())} />
              )}
            </Field>
          ) : null}
          {shows.period('quarter') ? (
            <SelectField name="quarter" label={t('form.quarter')} value={values.quarter} options={QUARTERS.map((q) => option(q, q))} />
          ) : null}
          {shows.period('month') ? (
            <SelectField name="month" label={t('form.month')} value={values.month} options={MONTHS.map((m) => option(m, m))} />
          ) : null}
          {shows.period('range') ? (
            <>
              <Field name="from" label={t('form.from')}>
                {(props) => <input {...props} type="date" defaultValue={values.from} />}
              </Field>
              <Field name="to" label={t('form.to')}>
                {(props) => <input {...props} type="date" defaultValue={values.to} />}
              </Field>
            </>
          ) : null}
        </fieldset>

        {shows.aggregated ? (
          <>
            <SelectField
              {...field('level')}
              label={t('form.level')}
              options={EXPORT_LEVELS.map((level) => option(level, t(`form.levels.${level}`)))}
            />
            <SelectField
              {...field('peerGroup')}
              label={t('form.peerGroup')}
              empty={t('form.anyPeerGroup')}
              options={PEER_GROUPS.map((group) => option(group, tRankings(`peerGroups.${group}`)))}
            />
            <SelectField {...field('index')} label={t('form.index')} options={INDICES.map((index) => option(index, tRankings(`indices.${index}`)))} />
            <SelectField
              {...field('methodologyCode')}
              label={t('form.methodology')}
              empty={t('form.anyMethodology')}
              options={choices.methodologyCodes.map((code) => option(code, code))}
            />
            <SelectField
              {...field('responses')}
              label={t('form.responses')}
              empty={t('form.officialResponses')}
              options={RESPONSE_BASES.map((basis) => option(basis, t(`form.responseBases.${basis}`)))}
            />
          </>
        ) : null}
        <SelectField
          {...field('channel')}
          label={t('form.channel')}
          empty={t('form.anyChannel')}
          options={Object.values(Channel).map((channel) => option(channel, t(`form.channels.${channel}`)))}
        />
        {may.nationally ? (
          <SelectField
            {...field('provinceId')}
            label={t('form.province')}
            empty={t('form.allProvinces')}
            options={choices.provinces.map((province) => option(province.id, province.name))}
          />
        ) : (
          <p>{t('form.ownProvince', { name: choices.provinces[0]?.name ?? '' })}</p>
        )}
        {may.comments && shows.microdata ? (
          <fieldset>
            <legend>{t('form.microdata')}</legend>
            <div className="field">
              <label>
                <input type="checkbox" name="includeComments" defaultChecked={values.includeComments === 'on'} /> {t('form.includeComments')}
              </label>
            </div>
          </fieldset>
        ) : null}
        <SelectField
          {...field('format')}
          label={t('form.format')}
          options={EXPORT_FORMATS.map((format) => option(format, format.toUpperCase()))}
        />
        <button type="submit" disabled={busy}>
          {t('form.submit')}
        </button>
      </Form>
    </section>
  )
}
