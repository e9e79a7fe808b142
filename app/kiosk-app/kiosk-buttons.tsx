import type { ReactNode } from 'react'

/**
 * The row of buttons at the foot of a kiosk screen: the way back (back, cancel, close) first, as a
 * secondary button, then the screen's way on, if it has one.
 */
export function KioskButtons({
  backLabel,
  onBack,
  children,
}: {
  backLabel: string
  onBack: () => void
  children?: ReactNode
}) {
  return (
    <div className="kiosk-buttons">
      <button type="button" className="secondary" onClick={onBack}>
        {backLabel}
      </button>
      {children}
    </div>
  )
}
