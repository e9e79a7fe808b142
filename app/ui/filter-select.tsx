import { Form } from '@remix-run/react'

/**
 * A labelled select of a filter form (method GET: the choice goes into the URL, so the page works
 * without JavaScript), with an optional hint read after it.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  hint,
}: {
  id: string
  name: string
  label: string
  value: string | number
  options: readonly { value: string | number; label: string }[]
  hint?: string
}) {
  const hintId = `${id}-hint`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} aria-describedby={hint ? hintId : undefined}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** Options whose values are the choices themselves, labelled by `label` (the value as text by default). */
export function optionsOf<T extends string | number>(values: readonly T[], label: (value: T) => string = String) {
  return values.map((value) => ({ value, label: label(value) }))
}

/** The filter form of a page by year: a select of the years, and the button that shows the one chosen. */
export function YearFilterForm({
  id,
  label,
  submitLabel,
  year,
  years,
}: {
  id: string
  label: string
  submitLabel: string
  year: number
  years: readonly number[]
}) {
  return (
    <Form method="get" className="filter-form">
      <FilterSelect id={id} name="year" label={label} value={year} options={optionsOf(years)} />
      <button type="submit">{submitLabel}</button>
    </Form>
  )
}
