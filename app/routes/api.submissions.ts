import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { answerSubmissionApi } from '~/responses/submission-api.server'
import { readRequestBody } from '../../server/request-body'

/*
 * /api/submissions — the submission contract over JSON (app/responses/submission-api.server.ts).
 * The server answers POST /api/submissions (and /api/submissions/) before Remix (ADR 015,
 * server/submissions.ts); this route answers the other methods (405) and is the same function
 * behind a Fetch Request.
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
    readBody: async () => {
      if (!request.body) return ''
      const stream = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
      return (await readRequestBody(stream, request.headers.get('Content-Length'))).toString('utf8')
    },
  })
  return new Response(body, { status, headers })
}
