/** The form field carrying the CSRF token (shared by <CsrfInput /> and validateCsrf). */
export const CSRF_FIELD = 'csrf'
