import type { LoaderFunctionArgs } from '@remix-run/node'
import { IMMUTABLE_FILE } from '~/cache-control'
import { releasePeriod } from '~/open-data/publish-form'
import { getReleaseFile } from '~/open-data/releases.server'

/**
 * One file of a published open-data release, exactly as stored: /open-data/2025/v1/provinces.csv.
 * A release never changes (ADR 022), so the file is cached for good and its ETag is its SHA-256.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const period = releasePeriod(params.period ?? '')
  const version = /^v([1-9]\d{0,8})$/.exec(params.version ?? '')?.[1]
  const file = period && version ? await getReleaseFile(period, Number(version), params.file ?? '') : null
  if (!file) throw new Response(null, { status: 404 })
  const etag = `"${file.sha256}"`
  const headers = {
    ETag: etag,
    'Cache-Control': IMMUTABLE_FILE,
    'Content-Type': file.mediaType,
    'Content-Disposition': `inline; filename="sipas-${period}-v${version}-${file.name}"`,
  }
  if (request.headers.get('If-None-Match')?.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers })
  return new Response(new Uint8Array(file.content), { headers: { ...headers, 'Content-Length': String(file.bytes) } })
}
