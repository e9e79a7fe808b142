/*
 * A second app server's kiosk-token cache, in a process of its own, for
 * app/db/change-notices.integration.test.ts: started with DATABASE_URL and KIOSK_TOKEN, it
 * listens for change notices as the server does, looks the token up once (so it is cached), says
 * `cached`, then asks again every few milliseconds and says `revoked <epoch ms>` when it sees
 * the revocation, and exits.
 */
import { kioskOfToken } from '~/auth/kiosk.server'
import { db } from '~/db.server'
import { startChangeListener } from '~/db/change-notices.server'
import { closeSidePool } from '~/db/side-pool.server'

const POLL_MS = 5
const token = process.env.KIOSK_TOKEN ?? ''
const listener = startChangeListener()
await listener.listening
const first = await kioskOfToken(token)
if (!first || first.revoked) throw new Error('second-app-server: the token must belong to a live kiosk')
process.stdout.write('cached\n')
for (;;) {
  const kiosk = await kioskOfToken(token)
  if (kiosk?.revoked) break
  await new Promise((resolve) => setTimeout(resolve, POLL_MS))
}
process.stdout.write(`revoked ${Date.now()}\n`)
await listener.stop()
await closeSidePool()
await db.close()
