import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireCapability, requireServicePointAccess } from '~/auth/permissions.server'
import { canDistributeSurveys } from '~/auth/policy'
import { getServicePointByCode } from '~/questionnaire/distribution/distribution.server'
import { posterPdf } from '~/questionnaire/distribution/poster.server'
import { qrPng, qrSvg } from '~/questionnaire/distribution/qr.server'
import { surveyUrl } from '~/questionnaire/distribution/survey-link'

/** A service point's QR code (SVG, PNG) and A4 poster (PDF): /admin/distribution/<code>/qr.svg … */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // Signed-in administrators only, before anything tells whether the code exists.
  await requireCapability(request, canDistributeSurveys)
  const servicePoint = await getServicePointByCode(params.code ?? '')
  if (!servicePoint) throw new Response(null, { status: 404 })
  await requireServicePointAccess(request, servicePoint.id)
  const url = surveyUrl(new URL(request.url).origin, servicePoint.code)
  const filename = `sipas-${servicePoint.code}`
  switch (params.file) {
    case 'qr.svg':
      return download(await qrSvg(url), 'image/svg+xml', `${filename}-qr.svg`)
    case 'qr.png':
      return download(await qrPng(url), 'image/png', `${filename}-qr.png`)
    case 'poster.pdf':
      return download(await posterPdf({ url, ...servicePoint }), 'application/pdf', `${filename}-poster.pdf`)
    default:
      throw new Response(null, { status: 404 })
  }
}

function download(body: string | Buffer, type: string, filename: string) {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, max-age=300',
    },
  })
}
