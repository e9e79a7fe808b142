import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerHeartbeat } from '~/kiosk/kiosk-api.server'

// POST /api/kiosk/heartbeat: the kiosk's queue, sync and battery state (docs/decisions/019-kiosk.md).
export const loader = ({ request }: LoaderFunctionArgs) => answerHeartbeat(request)
export const action = ({ request }: ActionFunctionArgs) => answerHeartbeat(request)
