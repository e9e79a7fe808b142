// proxy-addr (Express's own dependency, used by server/submissions.ts) ships no types.
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http'

  namespace proxyaddr {
    /** Express's compiled `trust proxy` setting (`app.get('trust proxy fn')`). */
    type TrustFunction = (address: string, hop: number) => boolean
  }
  /** The client's address: the socket's, or the first untrusted hop of X-Forwarded-For. */
  function proxyaddr(req: IncomingMessage, trust: proxyaddr.TrustFunction): string
  export default proxyaddr
}
