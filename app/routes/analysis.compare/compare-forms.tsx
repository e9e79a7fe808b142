import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MAX_PEERS, MIN_PEERS } from '~/analysis/peer-comparison'
import { FilterSelect, optionsOf } from '~/ui/filter-select'
import type { loader } from './route'

type CompareData = ReturnType<typeof useLoaderData<typeof loader>>

/**
 * The two GET forms that choose what to compare: provinces (any, nationally published), and
 * agencies of one province (the Ministry picks the province first; a province administrator's is
 * their own).
 */
export function CompareForms({ data }: { data: CompareData }) {
  const { t } = useTranslation('improvement')
  const { year, years, level, chosen, choices, pickerProvince, nationally } = data
  const checked = (id: string) => chosen.includes(id)
  const limits = { min: MIN_PEERS, max: MAX_PEERS }
  const yearSelect = (id: string) => <FilterSelect id={id} name="year" label={t('compare.year')} value={year} options={optionsOf(years)} />
  return (
    <div className="compare-forms">
      <Form method="get" className="filter-form" aria-labelledby="compare-provinces-title">
        <h2 id="compare-provinces-title">{t('compare.provincesTitle')}</h2>
        <input type="hidden" name="level" value="province" />
        {yearSelect('compare-province-year')}
        <fieldset>
          <legend>{t('compare.provincesLegend', limits)}</legend>
          <div className="checkbox-columns">
            {choices.provinces.map((province) => (
              <div key={province.id} className="field checkbox-field">
                <label>
                  <input type="checkbox" name="unit" value={province.id} defaultChecked={level === 'province' && checked(province.id)} />{' '}
                  {province.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit">{t('compare.show')}</button>
      </Form>

      <Form method="get" className="filter-form" aria-labelledby="compare-agencies-title">
        <h2 id="compare-agencies-title">{t('compare.agenciesTitle')}</h2>
        <input type="hidden" name="level" value="agency" />
        {yearSelect('compare-agency-year')}
        {nationally ? (
          <FilterSelect
            id="compare-agency-province"
            name="province"
            label={t('compare.province')}
            value={pickerProvince ?? ''}
            options={[{ value: '', label: t('compare.chooseProvince') }, ...choices.provinces.map((p) => ({ value: p.id, label: p.name }))]}
          />
        ) : (
          <input type="hidden" name="province" value={pickerProvince ?? ''} />
        )}
        {choices.agencies.length === 0 ? (
          <p>{pickerProvince ? t('compare.noAgencies') : t('compare.chooseProvinceFirst')}</p>
        ) : (
          <fieldset>
            <legend>{t('compare.agenciesLegend', limits)}</legend>
            {choices.agencies.map((agency) => (
              <div key={agency.id} className="field checkbox-field">
                <label>
                  <input type="checkbox" name="unit" value={agency.id} defaultChecked={level === 'agency' && checked(agency.id)} />{' '}
                  {data.locale === 'en' ? agency.nameEn : agency.name}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <button type="submit">{choices.agencies.length === 0 && nationally ? t('compare.listAgencies') : t('compare.show')}</button>
      </Form>
    </div>
  )
}
