import type { LoaderFunctionArgs } from '@remix-run/node'
import { unitsPage } from '~/read-api/endpoints.server'
import { answerReadApi } from '~/read-api/http.server'
import { UnitsQuerySchema } from '~/read-api/schemas'

// GET /api/v1/units: provinces, agencies and service points (docs/decisions/021-read-api.md).
export const loader = ({ request }: LoaderFunctionArgs) =>
  answerReadApi(request, UnitsQuerySchema, unitsPage)
