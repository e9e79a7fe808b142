import type { LoaderFunctionArgs } from '@remix-run/node'
import { rankingPage } from '~/read-api/endpoints.server'
import { answerReadApi } from '~/read-api/http.server'
import { RankingsQuerySchema } from '~/read-api/schemas'

// GET /api/v1/rankings: a peer group's ranking as published (docs/decisions/021-read-api.md).
export const loader = ({ request }: LoaderFunctionArgs) =>
  answerReadApi(request, RankingsQuerySchema, rankingPage)
