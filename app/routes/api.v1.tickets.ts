import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerMintApi } from '~/tickets/mint-http.server'

// POST /api/v1/tickets: a centre's dossier-management system mints rating tickets
// (docs/decisions/025-rating-tickets.md); other methods are answered 405.
export const action = ({ request }: ActionFunctionArgs) => answerMintApi(request)
export const loader = ({ request }: LoaderFunctionArgs) => answerMintApi(request)
