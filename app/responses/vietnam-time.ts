import { isoDate } from '~/i18n/format'

/*
 * Calendar days and clock times in Vietnam (Asia/Ho_Chi_Minh). NOTE: a fixed UTC+7 offset is
 * exact: Vietnam has kept UTC+7 without daylight saving since 1975, and this is on the path of
 * every submission, where Intl time-zone formatting would cost more than the rest of the date work.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000

/** The day in Vietnam at `instant`, as YYYY-MM-DD (a submission's `submittedOn`). */
export function vietnamDay(instant: Date): string {
  return isoDate(new Date(instant.getTime() + OFFSET_MS))
}

/** Minutes after midnight, Vietnam time. */
export function vietnamMinuteOfDay(instant: Date): number {
  const local = new Date(instant.getTime() + OFFSET_MS)
  return local.getUTCHours() * 60 + local.getUTCMinutes()
}
