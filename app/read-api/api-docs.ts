import type { openApiDocument } from './openapi'

/*
 * The OpenAPI document as the docs page (/api/v1/docs) lists it: each operation with its
 * parameters, answers and example, read from the document itself so the page cannot drift
 * from it. Descriptions come from the `api` locale by operation id and parameter name.
 */

type Document = ReturnType<typeof openApiDocument>
type Schema = { $ref?: string; type?: string | string[]; enum?: unknown[]; default?: unknown; minimum?: number; maximum?: number }

export type DocumentedParameter = { name: string; in: string; required: boolean; values: string; defaultValue: string | null }
export type DocumentedOperation = {
  path: string
  method: string
  operationId: string
  parameters: DocumentedParameter[]
  /** The schema of a JSON request body (POST), by its component name. */
  requestBody: string | null
  responses: { status: string; schema: string | null }[]
  /** A GET's path and query, or a POST's JSON body. */
  example: string
}

export function documentedOperations(document: Document): DocumentedOperation[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>
  const resolve = (schema: Schema | undefined): Schema => {
    const ref = schema?.$ref?.split('/').at(-1)
    return (ref ? schemas[ref] : schema) ?? {}
  }
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).flatMap(([method, value]) => {
      if (typeof value !== 'object' || value === null || !('responses' in value)) return []
      const operation = value as {
        operationId?: string
        'x-example'?: string
        parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[]
        requestBody?: { content?: Record<string, { schema?: Schema }> }
        responses: Record<string, { content?: Record<string, { schema?: Schema }> }>
      }
      return [
        {
          path,
          method: method.toUpperCase(),
          operationId: operation.operationId ?? '',
          parameters: (operation.parameters ?? []).map((parameter) => {
            const schema = resolve(parameter.schema)
            return {
              name: parameter.name,
              in: parameter.in,
              required: parameter.required ?? false,
              values: valuesOf(schema),
              defaultValue: schema.default === undefined ? null : String(schema.default),
            }
          }),
          requestBody: operation.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').at(-1) ?? null,
          responses: Object.entries(operation.responses).map(([status, response]) => ({
            status,
            schema: response.content?.['application/json']?.schema?.$ref?.split('/').at(-1) ?? null,
          })),
          example: operation['x-example'] ?? path,
        },
      ]
    }),
  )
}

function valuesOf(schema: Schema): string {
  if (schema.enum) return schema.enum.join(' | ')
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type ?? 'string'
  if (schema.minimum !== undefined && schema.maximum !== undefined) return `${type} ${schema.minimum}–${schema.maximum}`
  return type
}
