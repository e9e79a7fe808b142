declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy (server/security.ts). */
    cspNonce?: string
    /**
     * The client's IP address as Express sees it (`req.ip`; behind a proxy only when
     * TRUST_PROXY is set). Used for throttling and rate limits, never stored in clear.
     */
    clientIp?: string
  }
}
export {}
