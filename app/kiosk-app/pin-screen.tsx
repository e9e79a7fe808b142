import { useEffect, useId, useRef, useState } from 'react'
import type { Translate } from '~/survey/texts'
import type { PinResult } from './kiosk-device'
import { KioskButtons } from './kiosk-buttons'

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']
const MAX_PIN_LENGTH = 8

/**
 * The administrator PIN, between the kiosk flow and its settings: a large keypad for touch and a
 * field that takes the keyboard too. Checked on the device (pin.ts); wrong PINs lock the pad.
 */
export function PinScreen({
  checkPin,
  lockedForMs,
  onCancel,
  t,
}: {
  checkPin: (pin: string) => Promise<PinResult>
  lockedForMs: () => Promise<number>
  onCancel: () => void
  t: Translate
}) {
  const id = useId()
  const [pin, setPin] = useState('')
  const [wrong, setWrong] = useState(false)
  const [lockedUntil, setLockedUntil] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    input.current?.focus()
    void lockedForMs().then((ms) => setLockedUntil(ms > 0 ? Date.now() + ms : 0))
  }, [lockedForMs])
  useEffect(() => {
    if (lockedUntil <= Date.now()) return
    const tick = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(tick)
  }, [lockedUntil])

  const secondsLocked = Math.max(0, Math.ceil((lockedUntil - now) / 1_000))
  const submit = async () => {
    if (busy || secondsLocked > 0 || pin === '') return
    setBusy(true)
    const result = await checkPin(pin).finally(() => setBusy(false))
    setPin('')
    if (result.ok) return
    setWrong(true)
    setNow(Date.now())
    setLockedUntil(result.lockedForMs > 0 ? Date.now() + result.lockedForMs : 0)
    input.current?.focus()
  }

  return (
    <section className="kiosk-screen kiosk-pin" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('pin.title')}</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <label htmlFor={id}>{t('pin.label')}</label>
        <input
          ref={input}
          id={id}
          className="kiosk-pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={MAX_PIN_LENGTH}
          value={pin}
          // A PIN typed while the last one is being checked would be wiped by its answer.
          readOnly={busy}
          onChange={(event) => setPin(event.currentTarget.value.replace(/\D/g, '').slice(0, MAX_PIN_LENGTH))}
          aria-describedby={`${id}-error`}
          aria-invalid={wrong || undefined}
        />
        <p className="kiosk-error" id={`${id}-error`} role="alert">
          {secondsLocked > 0 ? t('pin.locked', { seconds: secondsLocked }) : wrong ? t('pin.wrong') : null}
        </p>
        <div className="kiosk-keypad">
          {DIGITS.map((digit) => (
            <button
              key={digit}
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => setPin((current) => (current + digit).slice(0, MAX_PIN_LENGTH))}
            >
              {digit}
            </button>
          ))}
          <button type="button" className="secondary" onClick={() => setPin((current) => current.slice(0, -1))} aria-label={t('pin.delete')}>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="kiosk-icon">
              <path d="M22 3H7c-.7 0-1.2.4-1.6.9L0 12l5.4 8.1c.4.5.9.9 1.6.9h15c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm-3 12.6L17.6 17 14 13.4 10.4 17 9 15.6 12.6 12 9 8.4 10.4 7 14 10.6 17.6 7 19 8.4 15.4 12 19 15.6z" />
            </svg>
          </button>
        </div>
        <KioskButtons backLabel={t('pin.cancel')} onBack={onCancel}>
          <button type="submit" disabled={busy || secondsLocked > 0 || pin === ''}>
            {t('pin.submit')}
          </button>
        </KioskButtons>
      </form>
    </section>
  )
}
