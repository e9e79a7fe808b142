/**
 * The header a kiosk sends its device token in (docs/decisions/019-kiosk.md). Its own module,
 * without server code, so the kiosk in the browser and the server read the same name.
 */
export const KIOSK_TOKEN_HEADER = 'X-Kiosk-Token'
