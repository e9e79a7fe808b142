import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ENDPOINTS, openApiDocument } from '~/read-api/openapi'
import { DOCS_PATH, OPENAPI_PATH, TICKETS_PATH } from '~/read-api/paths'
import { createApiToken } from '~/read-api/tokens.server'
import { createUser } from '../factories/accounts'
import { createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/*
 * The OpenAPI document and the routes agree (docs/decisions/021-read-api.md): every documented
 * path answers its example request with 200 and a body its response schema reads, and every
 * /api/v1 route module is documented.
 */

type Loader = (args: { request: Request; params: object; context: object }) => Promise<Response> | Response
const modules = import.meta.glob<{ loader: Loader }>('../../app/routes/api.v1.*.{ts,tsx}')

/** The URL path a flat route file serves: dots are slashes, `[.]` a literal dot. */
const pathOfRouteFile = (file: string) => `/${file.replace(/\.tsx?$/, '').replaceAll('[.]', '\0').split('.').join('/').replaceAll('\0', '.')}`

const routeFiles = readdirSync(join(process.cwd(), 'app/routes')).filter((name) => name.startsWith('api.v1.') && !name.includes('.test.'))

const document = openApiDocument('http://localhost')
let token: string

beforeAll(async () => {
  const survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  await storeResponses(
    survey,
    survey.servicePoints.flatMap((servicePoint) =>
      Array.from({ length: 35 }, () => ({
        version: survey.versions[0]!,
        servicePoint,
        submittedOn: '2025-05-05',
        answers: uniformAnswers(survey.versions[0]!.definition, 4),
      })),
    ),
  )
  const admin = await createUser({ role: 'ministry_admin' })
  token = (await createApiToken({ name: 'contract', provinceId: null, expiresAt: new Date(Date.now() + 86_400_000) }, admin.id)).token
})

async function get(pathAndQuery: string) {
  const url = new URL(pathAndQuery, 'http://localhost')
  const file = routeFiles.find((name) => pathOfRouteFile(name) === url.pathname)
  if (!file) throw new Error(`No route module serves ${url.pathname}`)
  const { loader } = await modules[`../../app/routes/${file}`]!()
  const request = new Request(url, { headers: { Authorization: `Bearer ${token}` } })
  return loader({ request, params: {}, context: {} })
}

describe('the OpenAPI document', () => {
  test('is OpenAPI 3.1 and documents every endpoint and itself', () => {
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths ?? {}).sort()).toEqual([...ENDPOINTS.map((endpoint) => endpoint.path), TICKETS_PATH, OPENAPI_PATH].sort())
  })

  test('every /api/v1 route module has its path in the document', () => {
    const documented = new Set(Object.keys(document.paths ?? {}))
    // The docs page renders the document for people: HTML, not part of the API.
    const served = routeFiles.map(pathOfRouteFile).filter((path) => path !== DOCS_PATH)
    expect(served.length).toBeGreaterThanOrEqual(4)
    expect(served.filter((path) => !documented.has(path))).toEqual([])
  })

  test.each(ENDPOINTS.map((endpoint) => [endpoint.path, endpoint] as const))(
    '%s answers its example with 200 and a body its response schema reads',
    async (_, endpoint) => {
      const example = (document.paths?.[endpoint.path]?.get as { 'x-example'?: string })['x-example']!
      const response = await get(example)
      expect(response.status).toBe(200)
      const body = endpoint.body.parse(await response.json())
      expect(body.data.length).toBeGreaterThan(0)
    },
  )

  test('every query parameter the document lists is one the route accepts', async () => {
    for (const endpoint of ENDPOINTS) {
      const operation = document.paths?.[endpoint.path]?.get as { parameters: { name: string; in: string; required?: boolean }[] }
      const query = operation.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name)
      expect(query.sort()).toEqual(Object.keys(endpoint.query.shape).sort())
    }
  })

  test('the served document is the one generated', async () => {
    const response = await get(OPENAPI_PATH)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)))
  })
})
