import type { Language } from '~/i18n/config'

/*
 * Reading a question aloud with the device's own speech synthesis: no audio and no text leaves
 * the device. A language without a voice on the device gets no button (a Vietnamese question
 * read by an English voice helps nobody).
 */

/** The device's best voice for `lang`: one for the language, the default among them first. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], lang: Language): SpeechSynthesisVoice | null {
  const matching = voices.filter((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === lang)
  return matching.find((voice) => voice.default) ?? matching.find((voice) => voice.localService) ?? matching[0] ?? null
}

/** Speaks `parts` one after another, cutting off whatever was being read. */
export function speak(parts: readonly string[], voice: SpeechSynthesisVoice) {
  window.speechSynthesis.cancel()
  for (const part of parts) {
    const utterance = new SpeechSynthesisUtterance(part)
    utterance.voice = voice
    utterance.lang = voice.lang
    // Slower than the default: many respondents rarely use a screen, some hear poorly.
    utterance.rate = 0.9
    window.speechSynthesis.speak(utterance)
  }
}

export function stopSpeaking() {
  if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel()
}
