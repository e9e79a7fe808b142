/** The mouth's curve for each point of the scale, from a deep frown (1) to a broad smile (5). */
const MOUTHS: Record<number, string> = {
  1: 'M20 46 Q32 34 44 46',
  2: 'M21 44 Q32 38 43 44',
  3: 'M21 42 L43 42',
  4: 'M21 40 Q32 47 43 40',
  5: 'M19 38 Q32 52 45 38',
}

/** A face for a point of a five-point scale; decorative: the number and the words say it. */
export function ScaleFace({ value }: { value: number }) {
  return (
    <svg viewBox="0 0 64 64" className={`kiosk-face kiosk-face-${value}`} aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" className="kiosk-face-head" />
      <circle cx="23" cy="25" r="3.5" className="kiosk-face-feature" />
      <circle cx="41" cy="25" r="3.5" className="kiosk-face-feature" />
      <path d={MOUTHS[value]} className="kiosk-face-mouth" />
    </svg>
  )
}
