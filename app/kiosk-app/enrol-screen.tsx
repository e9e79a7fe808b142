import { useEffect, useId, useRef, useState } from 'react'
import { normalizeEnrolmentCode } from '~/kiosk/enrolment-code'
import type { Translate } from '~/survey/texts'
import { enrolmentCodeFromHash } from './enrolment-fragment'
import type { EnrolResult } from './kiosk-device'

/** Server answers the screen explains in words of its own; anything else shows the server's message. */
const KNOWN_ERRORS = [
  'invalid_enrolment_code',
  'unknown_enrolment_code',
  'enrolment_code_used',
  'enrolment_code_expired',
  'too_many_attempts',
] as const

type Problem = { key: string; message?: string }

/**
 * Enrolment: the one-time code typed in (a large field that works with the on-screen keyboard)
 * or brought by the QR code's `#code=` fragment, which is read and then removed from the
 * address bar at once.
 */
export function EnrolScreen({ enrol, t }: { enrol: (code: string) => Promise<EnrolResult>; t: Translate }) {
  const id = useId()
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const submitted = useRef(false)

  const submit = async (value: string) => {
    const normalized = normalizeEnrolmentCode(value)
    if (!normalized) return setProblem({ key: 'enrol.errors.invalid_enrolment_code' })
    setBusy(true)
    setProblem(null)
    try {
      const result = await enrol(normalized)
      if (!result.ok) {
        setProblem(
          (KNOWN_ERRORS as readonly string[]).includes(result.code)
            ? { key: `enrol.errors.${result.code}` }
            : { key: 'enrol.errors.other', message: result.message || result.code },
        )
      }
    } catch {
      setProblem({ key: 'enrol.errors.network' })
    } finally {
      setBusy(false)
    }
  }

  // The QR code's fragment: read once, then out of the address bar (and so out of history).
  useEffect(() => {
    heading.current?.focus()
    const fromHash = enrolmentCodeFromHash(window.location.hash)
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
    if (fromHash && !submitted.current) {
      submitted.current = true
      setCode(fromHash)
      void submit(fromHash)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, [])

  return (
    <section className="kiosk-screen kiosk-enrol" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('enrol.title')}
      </h1>
      <p className="kiosk-lead">{t('enrol.lead')}</p>
      <form
        className="kiosk-enrol-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit(code)
        }}
      >
        <label htmlFor={id}>{t('enrol.code')}</label>
        <input
          id={id}
          className="kiosk-code-input"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={20}
          aria-describedby={problem ? `${id}-help ${id}-error` : `${id}-help`}
          aria-invalid={problem ? true : undefined}
        />
        <p className="kiosk-help" id={`${id}-help`}>
          {t('enrol.codeHelp')}
        </p>
        <p className="kiosk-error" id={`${id}-error`} role="alert">
          {problem ? t(problem.key, { message: problem.message }) : null}
        </p>
        <button type="submit" disabled={busy}>
          {busy ? t('enrol.working') : t('enrol.submit')}
        </button>
      </form>
    </section>
  )
}
