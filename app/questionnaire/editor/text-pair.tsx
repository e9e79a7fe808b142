import { useTranslation } from 'react-i18next'
import type { LocalizedText } from '../definition'

/** One text in Vietnamese and English side by side, as the editor shows every text. */
export function TextPair({
  name,
  label,
  value,
  multiline = false,
}: {
  name: string
  label: string
  value: LocalizedText | undefined
  multiline?: boolean
}) {
  const { t } = useTranslation('questionnaire')
  return (
    <div className="text-pair" role="group" aria-label={label}>
      {(['vi', 'en'] as const).map((language) => {
        const id = `${name}.${language}`
        const props = { id, name: id, lang: language, defaultValue: value?.[language] ?? '' }
        return (
          <div key={language} className="field">
            <label htmlFor={id}>{t(`editor.inLanguage.${language}`, { label })}</label>
            {multiline ? <textarea {...props} rows={2} /> : <input {...props} />}
          </div>
        )
      })}
    </div>
  )
}
