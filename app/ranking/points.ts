/**
 * The PAR INDEX citizen-satisfaction criterion is scored from SIPAS: points = SIPAS % × the
 * criterion's maximum (docs/methodology.md). The maximum is configuration per year, not a
 * constant, since the number of points is unverified. Not rounded: PAR INDEX sums criteria
 * before rounding.
 */
export function pointsFromSipas(sipasPercent: number, maxPoints: number): number {
  if (sipasPercent < 0 || sipasPercent > 100) {
    throw new RangeError(`SIPAS must be a percentage between 0 and 100, got ${sipasPercent}`)
  }
  return (sipasPercent / 100) * maxPoints
}
