import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Language, LANGUAGES } from '~/i18n/config'
import type { LocalizedText } from '~/questionnaire/definition'
import type { AnswerValue, SubmittedAnswers } from '~/responses/answer-values'
import { localized } from '~/survey/texts'
import { AttractScreen } from './attract-screen'
import { EnrolScreen } from './enrol-screen'
import { finalAnswers, firstItem, isScreenedOut, itemProgress, nextItem, previousItem } from './flow'
import type { KioskConfig } from './kiosk-config'
import { MessageScreen } from './message-screen'
import { PinScreen } from './pin-screen'
import { QueueIndicator } from './queue-indicator'
import { QuestionScreen } from './question-screen'
import { registerKioskServiceWorker } from './register-service-worker'
import { SettingsScreen } from './settings-screen'
import { stopSpeaking } from './speech'
import { StillThereDialog } from './still-there-dialog'
import { SCREENED_OUT_MS, THANK_YOU_MS } from './timing'
import { sessionForm } from './session-form'
import { useIdle } from './use-idle'
import { useDeviceState, useKioskDevice, useOnline } from './use-kiosk-device'

/*
 * The kiosk: enrolment, then respondent after respondent — attract screen, one question per
 * screen, thank you — with a PIN-guarded settings corner for staff. The device (kiosk-device.ts)
 * keeps and sends the answers; this component only decides what is on the screen.
 */

/** One respondent's answers; the config is the one they started with, even if a new one arrives. */
type Session = {
  id: string
  startedAt: string
  config: KioskConfig
  /** The items this respondent is asked: the kiosk form or the short form's core and block. */
  form: string[]
  shortForm: boolean
  answers: SubmittedAnswers
  itemCode: string
}

type Screen =
  | { name: 'attract' }
  | { name: 'question'; session: Session }
  | { name: 'thanks' }
  | { name: 'ended'; message: LocalizedText }
  | { name: 'pin' }
  | { name: 'settings' }

export function KioskApp() {
  const { i18n } = useTranslation()
  // The first render matches the server's, in the page's language; then Vietnamese first.
  const [lang, setLang] = useState<Language>(() => (i18n.language === 'en' ? 'en' : 'vi'))
  const t = useTranslation('kiosk', { lng: lang, useSuspense: false }).t
  const tSurvey = useTranslation('survey', { lng: lang, useSuspense: false }).t
  const device = useKioskDevice()
  const state = useDeviceState(device)
  const online = useOnline()
  const [screen, setScreen] = useState<Screen>({ name: 'attract' })
  const completing = useRef(false)
  const atRest = useRef(true)
  const updatePending = useRef(false)
  atRest.current = screen.name === 'attract'

  const switchLanguage = useCallback(
    async (next: Language) => {
      // Both languages are precached (service-worker.ts): this loads from the device when offline.
      await i18n.loadLanguages(next)
      setLang(next)
    },
    [i18n],
  )

  const reset = useCallback(() => {
    stopSpeaking()
    completing.current = false
    if (updatePending.current) return window.location.reload()
    setScreen({ name: 'attract' })
    void switchLanguage('vi')
  }, [switchLanguage])

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  useEffect(() => {
    if (!device) return
    // Both languages in memory from the start: a switch mid-survey never waits for the network
    // (or for a build that a newer service worker has replaced meanwhile). Then Vietnamese first.
    void i18n.loadLanguages([...LANGUAGES]).then(() => setLang('vi'))
  }, [device, i18n])

  useEffect(() => {
    registerKioskServiceWorker(() => {
      // A new build took over: reload now if nobody is answering, else after this respondent.
      if (atRest.current) window.location.reload()
      else updatePending.current = true
    })
  }, [])

  // Thank you, or the polite end, then ready for the next person.
  useEffect(() => {
    if (screen.name !== 'thanks' && screen.name !== 'ended') return
    const timer = setTimeout(reset, screen.name === 'thanks' ? THANK_YOU_MS : SCREENED_OUT_MS)
    return () => clearTimeout(timer)
  }, [screen.name, reset])

  const idle = useIdle(screen.name === 'question' || screen.name === 'pin' || screen.name === 'settings', reset)

  if (!device || !state) {
    return (
      <main id="main" className="kiosk" lang={lang}>
        <section className="kiosk-screen kiosk-message">
          <p className="kiosk-lead">{t('starting')}</p>
          <noscript>
            <p>{t('noScript')}</p>
          </noscript>
        </section>
      </main>
    )
  }

  const start = (config: KioskConfig) => {
    const id = crypto.randomUUID()
    const { items: form, shortForm } = sessionForm(config, id)
    const first = firstItem(config.version.definition, form)
    if (!first) return
    const session = { id, startedAt: new Date().toISOString(), config, form, shortForm, answers: {}, itemCode: first.code }
    setScreen({ name: 'question', session })
  }

  const complete = async (session: Session, answers: SubmittedAnswers) => {
    if (completing.current) return
    completing.current = true
    const { definition } = session.config.version
    // Stored on the device before "thank you": from here on the response is the queue's to deliver.
    await device.complete({
      id: session.id,
      versionId: session.config.version.id,
      servicePointCode: session.config.servicePoint.code,
      language: lang,
      // A short-form response is checked against the block the server draws from its id.
      form: session.shortForm ? 'full' : 'kiosk',
      startedAt: session.startedAt,
      completedAt: new Date().toISOString(),
      answers: finalAnswers(definition, session.form, answers),
    })
    setScreen({ name: 'thanks' })
  }

  const answer = (session: Session, value: AnswerValue | undefined, advance: boolean) => {
    const answers = { ...session.answers }
    if (value === undefined) delete answers[session.itemCode]
    else answers[session.itemCode] = value
    if (!advance) return setScreen({ name: 'question', session: { ...session, answers } })
    const { definition } = session.config.version
    if (session.itemCode === definition.screening.item && isScreenedOut(definition, answers)) {
      // Not for this respondent: nothing is stored.
      return setScreen({ name: 'ended', message: definition.screening.endMessage })
    }
    const next = nextItem(definition, session.form, answers, session.itemCode)
    if (!next) return void complete(session, answers)
    setScreen({ name: 'question', session: { ...session, answers, itemCode: next.code } })
  }

  const back = (session: Session) => {
    const previous = previousItem(session.config.version.definition, session.form, session.answers, session.itemCode)
    if (!previous) return reset()
    setScreen({ name: 'question', session: { ...session, itemCode: previous.code } })
  }

  const staffCorner = (
    <div className="kiosk-footer">
      <QueueIndicator length={state.queue.length} t={t} />
      <button type="button" className="kiosk-staff" onClick={() => setScreen({ name: 'pin' })}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="kiosk-icon">
          <path d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.7 7.7 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.7 7.7 0 0 0-1.7 1l-2.5-1-2 3.5L6.5 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.7 7.7 0 0 0 1.7 1L11 21h4l.4-2.9a7.7 7.7 0 0 0 1.7-1l2.5 1 2-3.5-2.2-1.6zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z" />
        </svg>
        <span className="visually-hidden">{t('staff.open')}</span>
      </button>
    </div>
  )

  let content: React.ReactNode
  let footer = true
  if (state.phase === 'unenrolled') {
    content = <EnrolScreen enrol={(code) => device.enrol(code, lang)} t={t} />
    footer = false
  } else if (screen.name === 'pin') {
    content = (
      <PinScreen
        checkPin={async (pin) => {
          const result = await device.checkPin(pin)
          if (result.ok) setScreen({ name: 'settings' })
          return result
        }}
        lockedForMs={device.pinLockedForMs}
        onCancel={reset}
        t={t}
      />
    )
    footer = false
  } else if (screen.name === 'settings') {
    content = (
      <SettingsScreen
        state={state}
        lang={lang}
        online={online}
        onSyncNow={() => device.syncNow()}
        onReloadConfig={() => void device.refreshConfig()}
        onReenrol={() => void device.forgetEnrolment().then(reset)}
        onClose={reset}
        t={t}
      />
    )
    footer = false
  } else if (state.phase === 'revoked') {
    content = <MessageScreen className="kiosk-revoked" title={t('revoked.title')} body={t('revoked.body')} />
  } else if (state.phase === 'noCampaign' || state.phase === 'noConfig' || !state.config) {
    const key = state.phase === 'noCampaign' ? 'noCampaign' : 'noConfig'
    content = <MessageScreen title={t(`notReady.${key}.title`)} body={t(`notReady.${key}.body`)} />
  } else if (screen.name === 'question') {
    const { session } = screen
    const { definition } = session.config.version
    const item = definition.sections.flatMap((section) => section.items).find((candidate) => candidate.code === session.itemCode)!
    content = (
      <QuestionScreen
        key={item.code}
        item={item}
        lang={lang}
        value={session.answers[item.code]}
        progress={itemProgress(definition, session.form, session.answers, item.code)}
        isLast={nextItem(definition, session.form, session.answers, item.code) === null}
        onAnswer={(value, advance) => answer(session, value, advance)}
        onBack={() => back(session)}
        t={t}
        tSurvey={tSurvey}
      />
    )
    footer = false
  } else if (screen.name === 'thanks') {
    content = <MessageScreen title={t('thanks.title')} body={t('thanks.body')} action={{ label: t('done'), onClick: reset }} />
    footer = false
  } else if (screen.name === 'ended') {
    content = <MessageScreen title={t('ended.title')} body={localized(screen.message, lang)} action={{ label: t('done'), onClick: reset }} />
    footer = false
  } else {
    const config = state.config
    content = <AttractScreen config={config} lastCompletedAt={state.lastCompletedAt} lang={lang} onStart={() => start(config)} t={t} />
  }

  return (
    <main id="main" className="kiosk" lang={lang}>
      <div className="kiosk-bar">
        <p className="kiosk-place">{state.config ? localized(state.config.servicePoint.name, lang) : null}</p>
        <button
          type="button"
          className="kiosk-language secondary"
          lang={lang === 'vi' ? 'en' : 'vi'}
          onClick={() => void switchLanguage(lang === 'vi' ? 'en' : 'vi')}
        >
          {t('switchLanguage')}
        </button>
      </div>
      {content}
      {footer ? staffCorner : null}
      {idle.warning ? <StillThereDialog secondsLeft={idle.secondsLeft} onContinue={idle.stillHere} t={t} /> : null}
    </main>
  )
}
