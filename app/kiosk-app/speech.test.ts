import { describe, expect, test } from 'vitest'
import { voiceFor } from './speech'

const voice = (lang: string, extra: Partial<SpeechSynthesisVoice> = {}) =>
  ({ lang, name: `${lang} voice`, default: false, localService: false, voiceURI: lang, ...extra }) as SpeechSynthesisVoice

describe('choosing a voice', () => {
  test('a Vietnamese question gets a Vietnamese voice, whatever the region tag looks like', () => {
    expect(voiceFor([voice('en-US'), voice('vi_VN')], 'vi')?.lang).toBe('vi_VN')
    expect(voiceFor([voice('en-GB'), voice('vi-VN')], 'en')?.lang).toBe('en-GB')
  })

  test('no voice for the language means no reading aloud, not another language’s voice', () => {
    expect(voiceFor([voice('en-US'), voice('fr-FR')], 'vi')).toBeNull()
    expect(voiceFor([], 'en')).toBeNull()
  })

  test('prefers the default voice, then one on the device', () => {
    const voices = [voice('vi-VN', { name: 'online' }), voice('vi-VN', { name: 'local', localService: true })]
    expect(voiceFor(voices, 'vi')?.name).toBe('local')
    expect(voiceFor([...voices, voice('vi-VN', { name: 'default', default: true })], 'vi')?.name).toBe('default')
  })
})
