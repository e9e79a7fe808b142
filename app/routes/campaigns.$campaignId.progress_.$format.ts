import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { requireCampaignAccess } from '~/auth/permissions.server'
import { canReadCollectionProgress } from '~/auth/policy'
import { servicePointScope } from '~/auth/scope'
import { PRIVATE_PAGE } from '~/cache-control'
import { writeCsv } from '~/export/csv'
import { CONTENT_TYPES } from '~/export/export-files.server'
import { writeXlsx } from '~/export/xlsx'
import { getLanguage } from '~/i18n/i18next.server'
import { getPlannedCampaign } from '~/sampling/plans.server'
import { getCampaignProgress } from '~/sampling/progress.server'
import { progressMeta, progressTable } from '~/sampling/progress-table'

/** The campaign progress page's table as a file: /campaigns/<id>/progress/csv or …/xlsx. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const format = params.format
  if (format !== 'csv' && format !== 'xlsx') throw new Response(null, { status: 404 })
  const campaignId = params.campaignId ?? ''
  const user = await requireCampaignAccess(request, campaignId, canReadCollectionProgress)
  const [campaign, locale] = await Promise.all([getPlannedCampaign(campaignId), getLanguage(request)])
  const now = new Date()
  const tables = [progressTable(await getCampaignProgress(campaign!, servicePointScope(user), locale, now))]
  const out = new PassThrough()
  const written = format === 'csv' ? writeCsv(tables, out) : writeXlsx(progressMeta(campaign!, now), tables, out, locale)
  written.catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
  return new Response(createReadableStreamFromReadable(out), {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="sipas-progress-${campaign!.startsOn}.${format}"`,
      'Cache-Control': PRIVATE_PAGE,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
