import { action } from '~/routes/s.$code'

/*
 * Driving the phone survey's route as a browser without JavaScript does: what a loader or action
 * returned or threw, as a status and its data, and a page posted as a plain form.
 */

export type Outcome = { status: number; location?: string | null; data?: unknown }

/** A loader's or action's result (a redirect, data with a status, or plain data) as an Outcome. */
export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown
  try {
    result = await run()
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get('Location') }
  if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
    const { data, init } = result as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, data }
  }
  return { status: 200, data: result }
}

/** One survey page posted to /s/<code> as form fields (a list for a multi-select). */
export function postSurveyPage(code: string, fields: Record<string, string | string[]>): Promise<Outcome> {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v)
  const request = new Request(`http://localhost/s/${code}`, { method: 'POST', body })
  return outcome(() => action({ request, params: { code }, context: {} }))
}
