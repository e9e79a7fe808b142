import type { Translate } from '~/survey/texts'

/** For staff passing by: how many answers wait to be sent, or a tick when none does. */
export function QueueIndicator({ length, t }: { length: number; t: Translate }) {
  return (
    <p className="kiosk-queue" data-waiting={length}>
      {length > 0 ? (
        t('queue.waiting', { count: length })
      ) : (
        <>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="kiosk-icon">
            <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z" />
          </svg>
          <span className="visually-hidden">{t('queue.allSent')}</span>
        </>
      )}
    </p>
  )
}
