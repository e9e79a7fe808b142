import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/i18n/config'
import { askedDefinition } from '~/questionnaire/asked-form'
import { answeringMinutes, formLength } from '~/questionnaire/answering-time'
import type { Definition } from '~/questionnaire/definition'
import { findPage, pageItems, REVIEW_PAGE, surveyPages } from '~/questionnaire/pages'
import { codedAnswers, type SubmittedAnswers } from '~/responses/answers'
import type { AnswerIssue, ErrorParams, SubmissionErrorCode } from '~/responses/errors'
import { ErrorSummary, type SummaryError } from '~/ui/error-summary'
import { fieldName, firstInputId, toFieldValues } from './answer-fields'
import { askedPageProgress, askedPages, type FixedAnswers, previousAskedPage } from './fixed-answers'
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
  /** Answers given for the respondent (a rating ticket's): not asked, not listed for review. */
  fixed?: FixedAnswers
  /**
   * The short-form block the respondent is asked (docs/decisions/027-short-forms.md): the pages
   * hold the core and this block only. Null or absent: the full questionnaire.
   */
  block?: number | null
}

type Props = {
  /** The version; the page shows its short form when `view.block` says so. */
  definition: Definition
  view: SurveyPageView
  servicePointName: string
  /**
   * The page answers a post (not the first visit): the browser puts the focus on its problems or
   * on its heading (autofocus works without JavaScript), so keyboard and screen reader users
   * start on the new page instead of at the top of the document.
   */
  focusOnLoad: boolean
  /** Where the page posts, when not to its own address (the first page of a ticket's survey). */
  postTo?: string
}

/**
 * A page of the survey as a plain form that posts to the route's action, which checks the page
 * with the submission contract's own schema and decides what comes next. The page ships no
 * JavaScript (docs/decisions/011-public-pages-without-javascript.md), so this renders
 * everything the respondent needs: conditional questions carry their condition in words.
 */
export function SurveyPageForm({ definition: version, view, servicePointName, focusOnLoad, postTo }: Props) {
  const { t, i18n } = useTranslation('survey')
  const block = view.block ?? null
  const definition = askedDefinition(version, block)
  const lang: Language = i18n.language === 'en' ? 'en' : 'vi'
  const otherLang: Language = lang === 'en' ? 'vi' : 'en'
  const location = useLocation()
  const page = findPage(definition, view.page)!
  const coded = codedAnswers(view.answers)
  const fixed = view.fixed ?? {}
  const items = pageItems(definition, page, coded).filter(({ item }) => fixed[item.code] === undefined)
  const progress = askedPageProgress(definition, coded, page.key, fixed)
  const action = postTo ?? location.pathname

  const errorOf = new Map<string, string>()
  for (const issue of view.issues ?? []) {
    if (!errorOf.has(issue.itemCode)) errorOf.set(issue.itemCode, t(`submission:errors.${issue.code}`, issue.params))
  }
  const summary: SummaryError[] = [...errorOf].map(([code, message]) => ({
    // On the review page the link leads to the section holding the question.
    href: page.kind === 'review' ? `#review-${pageOf(definition, code)}` : `#${firstInputId(code)}`,
    label: labelOf(definition, code, lang),
    message,
  }))

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
            formAction={`${action}?lng=${otherLang}`}
            lang={otherLang}
            className="link-button"
           
          >
            {t(`layout.language.${otherLang}`, { ns: 'common' })}
          </button>
        </div>
      </div>
      <SurveyProgress current={progress.current} total={progress.total} />
      <Form method="post" action={action} id="survey-form" className="survey-form" noValidate>
        <input type="hidden" name="state" value={view.state} />
        <h1 tabIndex={-1} autoFocus={focusOnLoad && !view.submitError && summary.length === 0}>
          {pageTitle(definition, page, lang, t)}
        </h1>
        {page.kind === 'screening' && block !== null ? (
          <p className="lead">{t('shortForm.intro', { minutes: shortFormMinutes(version, block) })}</p>
        ) : page.kind === 'screening' && definition.intro ? (
          <p className="lead">{localized(definition.intro, lang)}</p>
        ) : null}
        {page.kind === 'section'
          ? page.sections.map((section) =>
              section.intro ? (
                <p className="lead" key={section.code}>
                  {localized(section.intro, lang)}
                </p>
              ) : null,
            )
          : null}
        {view.submitError ? (
          <div className="error-summary" role="alert" tabIndex={-1} autoFocus={focusOnLoad}>
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
        {summary.length > 0 ? <ErrorSummary autoFocus={focusOnLoad && !view.submitError} title={t('errors.summaryTitle')} errors={summary} /> : null}

        {page.kind === 'review' ? (
          <>
            <p className="lead">{t('review.lead')}</p>
            <ReviewAnswers definition={definition} pages={askedPages(definition, coded, fixed)} answers={view.answers} fixed={fixed} lang={lang} />
            <div className="honeypot" aria-hidden="true">
              <label htmlFor="survey-website">{t('review.honeypot')}</label>
              <input id="survey-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <p>{t('review.submitLead')}</p>
          </>
        ) : (
          items.map(({ item, live }) => (
            <QuestionField
              key={item.code}
              item={item}
              lang={lang}
              value={toFieldValues([item], view.answers)[fieldName(item.code)]!}
              condition={live ? conditionText(definition, item, lang, t) : undefined}
              error={errorOf.get(item.code)}
            />
          ))
        )}

        <div className="survey-actions">
          <button type="submit" name="intent" value={primary}>
            {t(`actions.${primary}`)}
          </button>
          {previousAskedPage(definition, coded, page.key, fixed) === null ? null : (
            <button type="submit" name="intent" value="back" className="secondary">
              {t('actions.back')}
            </button>
          )}
        </div>
      </Form>
    </div>
  )
}

/** The short form's answering time by the one model the editor uses too (app/questionnaire/answering-time.ts). */
function shortFormMinutes(version: Definition, block: number): number {
  return answeringMinutes(formLength(askedDefinition(version, block)))
}

function pageOf(definition: Definition, code: string): string {
  return surveyPages(definition).find((page) => page.itemCodes.includes(code))?.key ?? REVIEW_PAGE
}

function labelOf(definition: Definition, code: string, lang: Language): string {
  const item = definition.sections.flatMap((section) => section.items).find((candidate) => candidate.code === code)
  return item ? localized(item.text, lang) : code
}
