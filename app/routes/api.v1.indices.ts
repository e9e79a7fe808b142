import type { LoaderFunctionArgs } from '@remix-run/node'
import { indicesPage } from '~/read-api/endpoints.server'
import { answerReadApi } from '~/read-api/http.server'
import { IndicesQuerySchema } from '~/read-api/schemas'

// GET /api/v1/indices: each unit's SIPAS, aspects, elements and items (docs/decisions/021-read-api.md).
export const loader = ({ request }: LoaderFunctionArgs) =>
  answerReadApi(request, IndicesQuerySchema, indicesPage)
