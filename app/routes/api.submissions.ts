import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { readTextBody } from '~/auth/body-limit.server'
import { answerSubmissionApi, payloadTooLarge } from '~/responses/submission-api.server'

/*
 * POST /api/submissions — the submission contract over JSON (app/responses/submission-api.server.ts).
 * In production server.mjs answers this path before Remix (ADR 015); this route serves it under
 * the dev server and is the same function behind a Fetch Request.
 */

export async function loader({ request, context }: LoaderFunctionArgs) {
  return answer(request, context.clientIp)
}

export async function action({ request, context }: ActionFunctionArgs) {
  return answer(request, context.clientIp)
}

async function answer(request: Request, clientIp: string | undefined) {
  const { status, headers, body } = await answerSubmissionApi({
    method: request.method,
    url: request.url,
    header: (name) => request.headers.get(name),
    clientIp,
    readBody: () => readBody(request),
  })
  return new Response(body, { status, headers })
}

async function readBody(request: Request) {
  try {
    return await readTextBody(request)
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 413) throw payloadTooLarge()
    throw thrown
  }
}
