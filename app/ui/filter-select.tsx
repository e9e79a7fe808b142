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
