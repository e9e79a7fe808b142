/** How long the thank-you screen stays before the kiosk is ready for the next person. */
export const THANK_YOU_MS = 4_000
/** How long the polite end for a screened-out respondent stays (it is longer to read). */
export const SCREENED_OUT_MS = 10_000
/** Without a touch for this long, the kiosk asks whether anyone is still there. */
export const IDLE_WARNING_MS = 60_000
/** How long "Are you still there?" waits before the unfinished answers are discarded (at least 20 s). */
export const STILL_THERE_MS = 30_000
