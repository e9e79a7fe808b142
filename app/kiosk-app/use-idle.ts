import { useEffect, useRef, useState } from 'react'
import { IDLE_WARNING_MS, STILL_THERE_MS } from './timing'

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const

/**
 * While `active`: after IDLE_WARNING_MS without a touch or key, `warning` turns true; after a
 * further STILL_THERE_MS without one, `onTimeout` runs. A touch or a key press anywhere (the
 * "still there" button included) starts the count again.
 */
export function useIdle(active: boolean, onTimeout: () => void): { warning: boolean; secondsLeft: number; stillHere: () => void } {
  const [warningSince, setWarningSince] = useState<number | null>(null)
  const [now, setNow] = useState(0)
  const timeout = useRef(onTimeout)
  timeout.current = onTimeout
  const restartRef = useRef(() => {})

  useEffect(() => {
    setWarningSince(null)
    if (!active) return
    let warnTimer: ReturnType<typeof setTimeout>
    let endTimer: ReturnType<typeof setTimeout>
    const restart = () => {
      clearTimeout(warnTimer)
      clearTimeout(endTimer)
      setWarningSince(null)
      warnTimer = setTimeout(() => {
        setWarningSince(Date.now())
        endTimer = setTimeout(() => timeout.current(), STILL_THERE_MS)
      }, IDLE_WARNING_MS)
    }
    restartRef.current = restart
    restart()
    for (const type of ACTIVITY) document.addEventListener(type, restart, { capture: true, passive: true })
    return () => {
      clearTimeout(warnTimer)
      clearTimeout(endTimer)
      for (const type of ACTIVITY) document.removeEventListener(type, restart, { capture: true })
    }
  }, [active])

  // The countdown on screen, once a second.
  useEffect(() => {
    if (warningSince === null) return
    setNow(Date.now())
    const tick = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(tick)
  }, [warningSince])

  const secondsLeft = warningSince === null ? 0 : Math.max(0, Math.ceil((warningSince + STILL_THERE_MS - now) / 1_000))
  return { warning: warningSince !== null, secondsLeft, stillHere: () => restartRef.current() }
}
