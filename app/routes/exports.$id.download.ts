import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { requireCapability } from '~/auth/permissions.server'
import { canExportFigures } from '~/auth/policy'
import { PRIVATE_PAGE } from '~/cache-control'
import { CONTENT_TYPES, openExportFile } from '~/export/export-files.server'
import { getExportDownload } from '~/export/jobs.server'
import { getFixedT } from '~/i18n/i18next.server'

/*
 * An export's file, for the user who asked for it (or the Ministry administrator). Someone
 * else's export is not found (404), an expired one is gone (410), an unfinished one has no file
 * yet (409); those answers are a short message in the user's language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, canExportFigures)
  const download = await getExportDownload(user, params.id ?? '')
  if (download.outcome === 'not_found') throw new Response(null, { status: 404, headers: { 'Cache-Control': PRIVATE_PAGE } })
  if (download.outcome !== 'file') {
    const t = await getFixedT(request, 'exports')
    const [status, title, body] =
      download.outcome === 'expired'
        ? [410, t('download.expiredTitle'), t('download.expiredBody')]
        : [409, t('download.notReadyTitle'), t('download.notReadyBody')]
    throw new Response(`${title}\n\n${body}\n`, {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PRIVATE_PAGE },
    })
  }
  return new Response(createReadableStreamFromReadable(openExportFile(download.id, download.format)), {
    headers: {
      'Content-Type': CONTENT_TYPES[download.format],
      'Content-Length': String(download.fileBytes),
      'Content-Disposition': `attachment; filename="${download.fileName}"`,
      'Cache-Control': PRIVATE_PAGE,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
