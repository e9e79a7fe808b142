import { reader } from '~/db/replica.server'
import { DefinitionSchema } from '~/questionnaire/definition'
import type { ItemInfo, VersionInfo } from './series'

/*
 * Published versions and their items never change (ADR 004, enforced by a trigger), so once
 * read they are kept for the life of the process: parsing a definition costs more than most
 * figure queries.
 */
const known = new Map<string, { version: VersionInfo; items: ItemInfo[] }>()

export type VersionCatalog = { versions: Map<string, VersionInfo>; items: Map<number, ItemInfo> }

/** The methodology, definition and item codes of the versions counts refer to. */
export async function getVersionCatalog(versionIds: Iterable<string>): Promise<VersionCatalog> {
  const wanted = [...new Set(versionIds)]
  const missing = wanted.filter((id) => !known.has(id))
  if (missing.length > 0) {
    const rows = await reader().questionnaireVersion.findMany({
      where: { id: { in: missing }, status: { in: ['published', 'retired'] } },
      select: {
        id: true,
        methodologyCode: true,
        publishedAt: true,
        definition: true,
        items: { select: { id: true, code: true, versionId: true } },
      },
    })
    for (const row of rows) {
      known.set(row.id, {
        version: {
          id: row.id,
          methodologyCode: row.methodologyCode,
          publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
          definition: DefinitionSchema.parse(row.definition),
        },
        items: row.items,
      })
    }
  }
  const catalog: VersionCatalog = { versions: new Map(), items: new Map() }
  for (const id of wanted) {
    const entry = known.get(id)
    if (!entry) throw new Error(`Responses refer to questionnaire version ${id}, which is not published`)
    catalog.versions.set(id, entry.version)
    for (const item of entry.items) catalog.items.set(item.id, item)
  }
  return catalog
}
