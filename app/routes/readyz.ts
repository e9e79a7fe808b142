import { prisma } from '~/db.server'
import { checkReadiness } from '~/db/health.server'

// Readiness: the database is reachable and fully migrated.
export async function loader() {
  const readiness = await checkReadiness(prisma)
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', ...(readiness.ready ? {} : { 'Retry-After': '2' }) },
  })
}
