/**
 * The i18n namespaces of the keying and reconciliation screens: their own texts, the scale and
 * answer words of `questionnaire`, and the answer rules' messages of `submission`. Routes
 * declare them in `handle`; components pass them to useTranslation, so that after a client-side
 * navigation every one is loaded before the screen renders.
 */
export const PAPER_PAGE_NAMESPACES = ['paper', 'questionnaire', 'submission'] as const
