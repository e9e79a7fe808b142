// Liveness: the process is up. It deliberately does not touch the database.
export function loader() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}
