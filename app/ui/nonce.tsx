import { createContext, useContext } from 'react'

/** The per-request Content-Security-Policy nonce for inline scripts (empty in the browser). */
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider

export function useNonce() {
  return useContext(NonceContext)
}
