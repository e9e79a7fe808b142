declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy (set by server.mjs). */
    cspNonce?: string
  }
}
export {}
