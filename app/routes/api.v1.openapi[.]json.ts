import type { LoaderFunctionArgs } from '@remix-run/node'
import { openApiDocument } from '~/read-api/openapi'

// GET /api/v1/openapi.json: the read API's OpenAPI 3.1 document, public like its docs page.
export const loader = ({ request }: LoaderFunctionArgs) =>
  Response.json(openApiDocument(new URL(request.url).origin), { headers: { 'Cache-Control': 'no-cache' } })
