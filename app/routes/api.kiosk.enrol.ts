import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerEnrolment } from '~/kiosk/kiosk-api.server'

// POST /api/kiosk/enrol: a one-time code for the device token (docs/decisions/019-kiosk.md).
export const loader = ({ request, context }: LoaderFunctionArgs) => answerEnrolment(request, context.clientIp)
export const action = ({ request, context }: ActionFunctionArgs) => answerEnrolment(request, context.clientIp)
