// Limits shared by server.mjs (plain Node) and the app (imported by app/auth/body-limit.server.ts).

/** Largest request body accepted: forms and JSON submissions are a few kilobytes. */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024
