/** Where the read API is served; the version is in the path (docs/decisions/021-read-api.md). */
export const API_BASE = '/api/v1'
export const OPENAPI_PATH = `${API_BASE}/openapi.json`
export const DOCS_PATH = `${API_BASE}/docs`
/** Where dossier-management systems mint rating tickets (docs/decisions/025-rating-tickets.md). */
export const TICKETS_PATH = `${API_BASE}/tickets`
