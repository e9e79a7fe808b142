import { useEffect, useState } from 'react'
import type { Language } from '~/i18n/config'
import { speak, voiceFor } from './speech'

/** "Read aloud", shown only when the device has a voice for the language. */
export function ReadAloudButton({ lang, parts, label }: { lang: Language; parts: readonly string[]; label: string }) {
  const voice = useVoice(lang)
  if (!voice) return null
  return (
    <button type="button" className="kiosk-read-aloud secondary" onClick={() => speak(parts, voice)}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="kiosk-icon">
        <path d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
      </svg>
      {label}
    </button>
  )
}

/** Voices arrive late in some browsers (`voiceschanged`), and not at all in others. */
function useVoice(lang: Language): SpeechSynthesisVoice | null {
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null)
  useEffect(() => {
    if (!('speechSynthesis' in window)) return
    const synth = window.speechSynthesis
    const pick = () => setVoice(voiceFor(synth.getVoices(), lang))
    pick()
    synth.addEventListener('voiceschanged', pick)
    return () => synth.removeEventListener('voiceschanged', pick)
  }, [lang])
  return voice
}
