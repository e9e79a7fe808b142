import { checkReadiness } from '~/db/health.server'

// Readiness: the database answers within READINESS_DEADLINE_MS (app/db/health.server.ts) and is fully migrated.
export async function loader() {
  const readiness = await checkReadiness()
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', ...(readiness.ready ? {} : { 'Retry-After': '2' }) },
  })
}
