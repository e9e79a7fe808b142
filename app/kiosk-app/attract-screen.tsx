import { useEffect, useId, useState } from 'react'
import type { Language } from '~/i18n/config'
import { localized, type Translate } from '~/survey/texts'
import type { KioskConfig } from './kiosk-config'

/**
 * The screen between respondents, inviting the next one. It waits out the config's minimum
 * interval after the last completed response before it lets a new one start
 * (docs/decisions/019-kiosk.md, "Misuse").
 */
export function AttractScreen({
  config,
  lastCompletedAt,
  lang,
  onStart,
  t,
}: {
  config: KioskConfig
  lastCompletedAt: string | null
  lang: Language
  onStart: () => void
  t: Translate
}) {
  const id = useId()
  const readyAt = lastCompletedAt ? Date.parse(lastCompletedAt) + config.minIntervalSeconds * 1_000 : 0
  const secondsLeft = useSecondsUntil(readyAt)
  return (
    <section className="kiosk-screen kiosk-attract" aria-labelledby={id}>
      <h1 id={id}>{t('attract.title')}</h1>
      <p className="kiosk-lead">{t('attract.lead', { servicePoint: localized(config.servicePoint.name, lang) })}</p>
      <button type="button" className="kiosk-start" onClick={onStart} disabled={secondsLeft > 0}>
        {t('attract.start')}
      </button>
      <p className="kiosk-help" role="status">
        {secondsLeft > 0 ? t('attract.wait', { seconds: secondsLeft }) : null}
      </p>
    </section>
  )
}

/** Whole seconds until `time` (epoch ms), counting down on screen; 0 once it has passed. */
function useSecondsUntil(time: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    setNow(Date.now())
    if (time <= Date.now()) return
    const tick = setInterval(() => {
      setNow(Date.now())
      if (Date.now() >= time) clearInterval(tick)
    }, 1_000)
    return () => clearInterval(tick)
  }, [time])
  return Math.max(0, Math.ceil((time - now) / 1_000))
}
