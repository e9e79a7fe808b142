import { Form, useLocation, useNavigation, useSubmit } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import type { Definition } from '~/questionnaire/definition'
import { findPage, pageItems, pageProgress, REVIEW_PAGE, surveyPages, visiblePages } from '~/questionnaire/pages'
import { codedAnswers, type SubmittedAnswers } from '~/responses/answers'
import type { AnswerIssue, ErrorParams, SubmissionErrorCode } from '~/responses/errors'
import { fieldName, fieldValuesReader, firstInputId, readPageAnswers, toFieldValues } from './answer-fields'
import { ErrorSummary, type SummaryError } from './error-summary'
import { checkPage, mergePageAnswers, shownPageCodes } from './page-check'
import { QuestionField } from './question-field'
import { ReviewAnswers } from './review-answers'
import { SurveyProgress } from './survey-progress'
import { conditionText, localized, pageTitle } from './texts'

/** One page of the survey as the route's loader or action hands it over. */
export type SurveyPageView = {
  /** The signed survey state (app/survey/state.server.ts), posted back with every button. */
  state: string
  page: string
  answers: SubmittedAnswers
  issues?: AnswerIssue[]
  submitError?: { code: SubmissionErrorCode; params: ErrorParams }
}

type Props = {
  definition: Definition
  view: SurveyPageView
  servicePointName: string
  /** The page replaced another without a reload: move the focus to it. */
  focusOnMount: boolean
}

type FieldValues = Record<string, unknown>

/**
 * A page of the survey as a plain form that posts to the route's action, which decides what
 * comes next; everything works without JavaScript. With JavaScript, react-hook-form checks the
 * page first with the submission contract's own schema (checkPage), conditional questions appear
 * and disappear as answers change, and Remix posts without reloading the page.
 */
export function SurveyPageForm({ definition, view, servicePointName, focusOnMount }: Props) {
  const { t, i18n } = useTranslation('survey')
  const lang: Language = i18n.language === 'en' ? 'en' : 'vi'
  const otherLang: Language = lang === 'en' ? 'vi' : 'en'
  const location = useLocation()
  const submit = useSubmit()
  const busy = useNavigation().state !== 'idle'
  const page = findPage(definition, view.page)!
  const coded = codedAnswers(view.answers)
  const items = pageItems(definition, page, coded)
  const progress = pageProgress(definition, coded, page.key)
  const pageDefinitionItems = items.map(({ item }) => item)

  const resolver: Resolver<FieldValues> = (values) => {
    const posted = readPageAnswers(pageDefinitionItems, fieldValuesReader(values))
    const { issues } = checkPage(definition, page, view.answers, posted)
    if (issues.length === 0) return { values, errors: {} }
    const errors: FieldErrors<FieldValues> = {}
    for (const issue of issues) {
      errors[fieldName(issue.itemCode)] ??= { type: issue.code, message: t(`submission:errors.${issue.code}`, issue.params) }
    }
    return { values: {}, errors }
  }
  const form = useForm<FieldValues>({
    defaultValues: toFieldValues(pageDefinitionItems, view.answers),
    resolver,
    shouldFocusError: false,
  })

  // Until hydrated, the page shows what the server rendered: conditional questions with their
  // condition in words. Then they follow the answers instead.
  const [enhanced, setEnhanced] = useState(false)
  useEffect(() => setEnhanced(true), [])
  const values = form.watch()
  const shown = enhanced
    ? new Set(
        shownPageCodes(
          definition,
          page,
          mergePageAnswers(definition, page, view.answers, readPageAnswers(pageDefinitionItems, fieldValuesReader(values))),
        ),
      )
    : null
  const displayed = items.filter(({ item, live }) => shown === null || !live || shown.has(item.code))

  const { errors: clientErrors, submitCount } = form.formState
  const errorOf = new Map<string, string>()
  if (submitCount > 0) {
    for (const { item } of items) {
      const message = clientErrors[fieldName(item.code)]?.message
      if (typeof message === 'string') errorOf.set(item.code, message)
    }
  } else {
    for (const issue of view.issues ?? []) {
      if (!errorOf.has(issue.itemCode)) errorOf.set(issue.itemCode, t(`submission:errors.${issue.code}`, issue.params))
    }
  }
  const summary: SummaryError[] = [...errorOf].map(([code, message]) => ({
    // On the review page the link leads to the section holding the question.
    href: page.kind === 'review' ? `#review-${pageOf(definition, code)}` : `#${firstInputId(code)}`,
    label: labelOf(definition, code, lang),
    message,
  }))

  const headingRef = useRef<HTMLHeadingElement>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const submitErrorRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!focusOnMount) return
    const target = view.submitError ? submitErrorRef : (view.issues?.length ?? 0) > 0 ? summaryRef : headingRef
    target.current?.focus()
    // Only when the page first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  useEffect(() => {
    if (submitCount > 0 && Object.keys(clientErrors).length > 0) summaryRef.current?.focus()
    // After each attempt, not on every change of the errors.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitCount])

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const button = submitter instanceof HTMLButtonElement ? submitter : null
    const target = button ?? event.currentTarget
    if (!button || button.value === 'next') {
      void form.handleSubmit(() => submit(target))(event)
    } else {
      // Back, edit, language and the final submission: the server checks; nothing is lost.
      event.preventDefault()
      submit(target)
    }
  }

  const primary = page.kind === 'review' ? 'submit' : 'next'
  return (
    <div className="survey">
      {/* NOTE: Enter in a field submits with the form's first submit button in document order;
          this hidden copy of the main button comes first, so Enter never means "language". */}
      <button
        type="submit"
        form="survey-form"
        name="intent"
        value={primary}
        className="default-submit"
        tabIndex={-1}
        aria-hidden="true"
      >
        {t(`actions.${primary}`)}
      </button>
      <div className="survey-top">
        <p className="survey-service-point">{t('servicePoint', { name: servicePointName })}</p>
        <div className="survey-language" role="group" aria-label={t('languageLabel')}>
          <button
            type="submit"
            form="survey-form"
            name="intent"
            value="language"
            formAction={`${location.pathname}?lng=${otherLang}`}
            lang={otherLang}
            className="link-button"
            disabled={busy}
          >
            {t(`layout.language.${otherLang}`, { ns: 'common' })}
          </button>
        </div>
      </div>
      <SurveyProgress current={progress.current} total={progress.total} />
      <Form method="post" id="survey-form" className="survey-form" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="state" value={view.state} />
        <h1 ref={headingRef} tabIndex={-1}>
          {pageTitle(definition, page, lang, t)}
        </h1>
        {page.kind === 'screening' && definition.intro ? <p className="lead">{localized(definition.intro, lang)}</p> : null}
        {page.kind === 'section' && page.section.intro ? <p className="lead">{localized(page.section.intro, lang)}</p> : null}
        {view.submitError ? (
          <div className="error-summary" role="alert" tabIndex={-1} ref={submitErrorRef}>
            <h2>{t('errors.submitTitle')}</h2>
            {view.submitError.code === 'id_conflict' ? (
              <p>
                {t('errors.id_conflict')} <a href={location.pathname}>{t('errors.startAgain')}</a>
              </p>
            ) : (
              <p>{t(`submission:errors.${view.submitError.code}`, view.submitError.params)}</p>
            )}
          </div>
        ) : null}
        {summary.length > 0 ? <ErrorSummary ref={summaryRef} title={t('errors.summaryTitle')} errors={summary} /> : null}

        {page.kind === 'review' ? (
          <>
            <p className="lead">{t('review.lead')}</p>
            <ReviewAnswers definition={definition} pages={visiblePages(definition, coded)} answers={view.answers} lang={lang} />
            <div className="honeypot" aria-hidden="true">
              <label htmlFor="survey-website">{t('review.honeypot')}</label>
              <input id="survey-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <p>{t('review.submitLead')}</p>
          </>
        ) : (
          displayed.map(({ item, live }) => (
            <QuestionField
              key={item.code}
              item={item}
              lang={lang}
              value={toFieldValues([item], view.answers)[fieldName(item.code)]!}
              condition={live && shown === null ? conditionText(definition, item, lang, t) : undefined}
              error={errorOf.get(item.code)}
              register={form.register}
            />
          ))
        )}

        <div className="survey-actions">
          <button type="submit" name="intent" value={primary} disabled={busy}>
            {busy && primary === 'submit' ? t('actions.sending') : t(`actions.${primary}`)}
          </button>
          {page.kind === 'screening' ? null : (
            <button type="submit" name="intent" value="back" className="secondary" disabled={busy}>
              {t('actions.back')}
            </button>
          )}
        </div>
      </Form>
    </div>
  )
}

function pageOf(definition: Definition, code: string): string {
  return surveyPages(definition).find((page) => page.itemCodes.includes(code))?.key ?? REVIEW_PAGE
}

function labelOf(definition: Definition, code: string, lang: Language): string {
  const item = definition.sections.flatMap((section) => section.items).find((candidate) => candidate.code === code)
  return item ? localized(item.text, lang) : code
}
