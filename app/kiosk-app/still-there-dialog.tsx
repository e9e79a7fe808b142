import { useEffect, useId, useRef } from 'react'
import type { Translate } from '~/survey/texts'

/** "Are you still there?", modal: the rest of the screen is inert while it shows. */
export function StillThereDialog({ secondsLeft, onContinue, t }: { secondsLeft: number; onContinue: () => void; t: Translate }) {
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])
  return (
    <dialog
      ref={dialog}
      className="kiosk-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      // Escape would close the dialog without anyone answering it.
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id={`${id}-title`}>{t('stillThere.title')}</h2>
      <p id={`${id}-body`}>{t('stillThere.body', { seconds: secondsLeft })}</p>
      <button type="button" onClick={onContinue} autoFocus>
        {t('stillThere.continue')}
      </button>
    </dialog>
  )
}
