import { z } from 'zod'
import { createDocument, type ZodOpenApiOperationObject } from 'zod-openapi'
import { MAX_TICKETS_PER_CALL, MintAnswerSchema, MintRequestSchema } from '~/tickets/mint-request'
import { API_BASE, OPENAPI_PATH, TICKETS_PATH } from './paths'
import {
  ErrorSchema,
  IndicesPageSchema,
  IndicesQuerySchema,
  RankingPageSchema,
  RankingsQuerySchema,
  UnitsPageSchema,
  UnitsQuerySchema,
} from './schemas'

/*
 * The OpenAPI 3.1 document of /api/v1, made by zod-openapi from the schemas the server validates
 * with (schemas.ts; the ticket-minting API's in app/tickets/mint-request.ts). Served at /api/v1/openapi.json and rendered for people at /api/v1/docs;
 * test/routes/read-api-contract.integration.test.ts calls every path it lists.
 */

/** The endpoints: path, schemas, and a request the docs show and the contract test sends. */
export const ENDPOINTS = [
  { path: `${API_BASE}/units`, operationId: 'listUnits', query: UnitsQuerySchema, body: UnitsPageSchema, example: 'level=province' },
  {
    path: `${API_BASE}/indices`,
    operationId: 'listIndices',
    query: IndicesQuerySchema,
    body: IndicesPageSchema,
    example: 'period=2025&level=province',
  },
  {
    path: `${API_BASE}/rankings`,
    operationId: 'getRanking',
    query: RankingsQuerySchema,
    body: RankingPageSchema,
    example: 'year=2025&index=SIPAS&peerGroup=provinces',
  },
] as const

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } })

const ETagHeader = z.string().meta({ description: 'A strong validator of the body; send it back in If-None-Match.' })

function operation(endpoint: (typeof ENDPOINTS)[number]): ZodOpenApiOperationObject {
  return {
    operationId: endpoint.operationId,
    'x-example': `${endpoint.path}?${endpoint.example}`,
    requestParams: {
      query: endpoint.query,
      header: z.object({ 'If-None-Match': z.string().optional().meta({ description: 'The ETag of a copy the client holds.' }) }),
    },
    responses: {
      '200': {
        description: 'OK',
        headers: z.object({ ETag: ETagHeader }),
        content: { 'application/json': { schema: endpoint.body } },
      },
      '304': { description: 'Not modified: the If-None-Match tag is current; no body.' },
      '400': error('A query parameter is missing or not valid (`invalid_parameter`, `params.parameter` names it).'),
      '401': error('No token, or an unknown, expired or revoked one.'),
      '403': error('The unit lies outside the token’s province.'),
      '404': error('No such unit.'),
      '429': {
        ...error('Too many requests with this token; wait Retry-After seconds.'),
        headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
      },
    },
  }
}

/** A minting call the docs show: two results handed over at one service point. */
const MINT_EXAMPLE = {
  tickets: [
    { servicePointCode: 'HN.TTPVHCC-01', field: 'land', dossierCode: '000.00.16.H26-241207-0001' },
    { servicePointCode: 'HN.TTPVHCC-01', field: 'civil_status', dossierCode: '000.00.16.H26-241207-0002' },
  ],
}

const mintOperation: ZodOpenApiOperationObject = {
  operationId: 'mintTickets',
  'x-example': JSON.stringify(MINT_EXAMPLE),
  security: [{ ticketIssuer: [] }],
  requestBody: { required: true, content: { 'application/json': { schema: MintRequestSchema } } },
  responses: {
    '200': { description: 'One ticket per request, in order; a dossier minted before gets its ticket back.', content: { 'application/json': { schema: MintAnswerSchema } } },
    '400': error('The body is not JSON or does not read (`invalid_json`, `duplicate_key`, `invalid_ticket_request` with `params.field`).'),
    '401': error('No service token, or an unknown or revoked one.'),
    '403': error('A service point outside the token’s province or agency (`outside_issuer_scope`, `params.index`); nothing is minted.'),
    '413': error(`More than ${MAX_TICKETS_PER_CALL} requests, or a body over 256 KB.`),
    '415': error('The body is not sent as application/json.'),
    '422': error('An unknown or closed service point, or an unknown procedure field (`params.index`); nothing is minted.'),
    '429': {
      ...error('Too many calls with this token; wait Retry-After seconds.'),
      headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
    },
  },
}

/** The document; `serverUrl` is the origin the API is served from. */
export function openApiDocument(serverUrl: string) {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'SIPAS read API',
      version: '1.0.0',
      description:
        'Figures, rankings and units of the SIPAS survey of satisfaction with public administrative services, for systems that consume them. ' +
        'Every request carries `Authorization: Bearer <token>`; read tokens are issued by the Ministry administrator, ' +
        'the service tokens that mint rating tickets by the province administrator.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        ticketIssuer: { type: 'http', scheme: 'bearer', description: 'A ticket issuer’s service token, `sipas_tk_…`.' },
      },
    },
    paths: {
      ...Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint.path, { get: operation(endpoint) }])),
      [TICKETS_PATH]: { post: mintOperation },
      [OPENAPI_PATH]: {
        get: {
          operationId: 'getOpenApiDocument',
          security: [],
          responses: {
            '200': {
              description: 'This document.',
              content: { 'application/json': { schema: z.object({ openapi: z.string() }).loose() } },
            },
          },
        },
      },
    },
  })
}
