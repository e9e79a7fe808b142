import type { LoaderFunctionArgs } from '@remix-run/node'
import { answerConfig } from '~/kiosk/kiosk-api.server'

// GET /api/kiosk/config: the kiosk's service point, version and kiosk form (docs/decisions/019-kiosk.md).
export const loader = ({ request }: LoaderFunctionArgs) => answerConfig(request)
