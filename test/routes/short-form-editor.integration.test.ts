import { describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { SHORT_FORM_BLOCKS_FIELD, SHORT_FORM_FIELD, SHORT_FORM_PLACE, field } from '~/questionnaire/editor/form'
import { proposeShortForm } from '~/questionnaire/short-form-design'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { createDraft, createQuestionnaire, getVersionForEditor } from '~/questionnaire/versions.server'
import { action as editAction, loader as editLoader } from '~/routes/admin.questionnaires.versions.$versionId._index'
import { loader as previewLoader } from '~/routes/admin.questionnaires.versions.$versionId.preview'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'

/*
 * The short form in the editor, through the route modules: propose a split, move an item to the
 * core, preview one block (the core and that block only), remove the short form.
 */

type Args = Parameters<typeof editAction>[0]
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as unknown as Args

async function signedIn() {
  const user = await createUser({ role: 'ministry_admin' })
  const cookie = await sessionCookieFor(user.id)
  const post = async (path: string, fields: Record<string, string>) => {
    const body = new FormData()
    body.set(CSRF_FIELD, (await getCsrfToken(requestWith(cookie, path))) ?? '')
    for (const [key, value] of Object.entries(fields)) body.set(key, value)
    return requestWith(cookie, path, { method: 'POST', body })
  }
  return { get: (path: string) => requestWith(cookie, path), post }
}

/** The action's payload (Remix's data() wrapper) and status. */
async function posted(pending: Promise<unknown>) {
  const result = (await pending.catch((thrown: unknown) => thrown)) as { data: unknown; init: ResponseInit | null } | Response
  if (result instanceof Response) return { status: result.status, body: null }
  return { status: result.init?.status ?? 200, body: result.data as { saved: boolean; problems: { code: string }[] } }
}

async function draft() {
  const { questionnaireId } = await createQuestionnaire({ slug: `sf-${crypto.randomUUID().slice(0, 8)}`, title: 'Thử', titleEn: 'Trial' })
  const { versionId } = await createDraft({ questionnaireId, definition: sipas2023, methodologyCode: 'sipas-2023' })
  return { versionId, path: `/admin/questionnaires/versions/${versionId}`, params: { versionId } }
}

describe('an administrator edits a short form', () => {
  test('proposes four blocks, moves an item to the core and previews a block', async () => {
    const admin = await signedIn()
    const { versionId, path, params } = await draft()

    const proposed = await posted(editAction(args(await admin.post(path, { intent: 'proposeShortForm', [SHORT_FORM_BLOCKS_FIELD]: '4' }), params)))
    expect(proposed).toMatchObject({ status: 200, body: { saved: true, problems: [] } })
    expect((await getVersionForEditor(versionId))!.definition.shortForm).toEqual(proposeShortForm(sipas2023, 4))

    const demo = sipas2023.sections.findIndex((section) => section.code === 'demo')
    const gender = sipas2023.sections[demo]!.items.findIndex((item) => item.code === 'demo.gender')
    const moved = await posted(
      editAction(
        args(await admin.post(path, { intent: 'save', [SHORT_FORM_FIELD]: 'shown', [field.item(demo, gender, SHORT_FORM_PLACE)]: 'core' }), params),
      ),
    )
    expect(moved).toMatchObject({ status: 200, body: { saved: true, problems: [] } })
    const { shortForm } = (await getVersionForEditor(versionId))!.definition
    expect(shortForm!.core).toContain('demo.gender')

    const preview = await previewLoader(args(admin.get(`${path}/preview?block=2`), params))
    expect(preview.block).toBe(2)
    expect(preview.items).toEqual(
      sipas2023.sections.flatMap((section) => section.items.map((item) => item.code)).filter((code) => shortForm!.core.includes(code) || shortForm!.blocks[1]!.items.includes(code)),
    )
    expect(preview.items).toContain('demo.gender')
    // No block 9: the full form, as without `block`.
    expect((await previewLoader(args(admin.get(`${path}/preview?block=9`), params))).items).toBeUndefined()
    expect((await editLoader(args(admin.get(path), params))).problems).toEqual([])

    const cleared = await posted(editAction(args(await admin.post(path, { intent: 'clearShortForm' }), params)))
    expect(cleared).toMatchObject({ status: 200, body: { saved: true } })
    expect((await getVersionForEditor(versionId))!.definition.shortForm).toBeUndefined()
  })

  test('a number of blocks outside 2 to 10 is refused with a 400 and changes nothing', async () => {
    const admin = await signedIn()
    const { versionId, path, params } = await draft()
    const refused = await posted(editAction(args(await admin.post(path, { intent: 'proposeShortForm', [SHORT_FORM_BLOCKS_FIELD]: '1' }), params)))
    expect(refused.status).toBe(400)
    expect((await getVersionForEditor(versionId))!.definition.shortForm).toBeUndefined()
  })
})
