import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/ui/csrf-input'
import { textValues } from '~/forms/form-values'
import { requireCapability, requireCapabilityForm } from '~/auth/permissions.server'
import { canEditQuestionnaires } from '~/auth/policy'
import { getFixedT } from '~/i18n/i18next.server'
import { type Definition, DefinitionSchema, allItems } from '~/questionnaire/definition'
import { diffVersions } from '~/questionnaire/diff'
import { applyCommand, parseCommand } from '~/questionnaire/editor/commands'
import { DefinitionFields } from '~/questionnaire/editor/definition-fields'
import editorStyles from '~/questionnaire/editor/editor.css?url'
import { SHORT_FORM_BLOCKS_FIELD, applyForm } from '~/questionnaire/editor/form'
import { ProblemList } from '~/questionnaire/editor/problem-list'
import { ShortFormFields } from '~/questionnaire/editor/short-form-fields'
import { VersionDiffView } from '~/questionnaire/editor/version-diff'
import { publishProblems } from '~/questionnaire/publish-rules'
import { copyToNewDraft, getVersionForEditor, retireVersion, updateDraft } from '~/questionnaire/versions.server'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'
import { StatusNotice } from '~/ui/status-notice'

// NOTE: the questionnaire screens ship no JavaScript, like the citizens' pages. They have no
// client-side behaviour, and in the browser every save or link re-rendered the editor's ~6,700
// elements, keeping the page busy for seconds on 2 cores. As plain pages a save is one post.
export const handle = { i18n: ['questionnaire', 'admin'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: editorStyles }]

async function requireVersion(versionId: string | undefined) {
  const version = versionId ? await getVersionForEditor(versionId) : null
  if (!version) throw new Response(null, { status: 404 })
  return version
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, canEditQuestionnaires)
  const [version, t] = await Promise.all([requireVersion(params.versionId), getFixedT(request, 'questionnaire')])
  return {
    title: t('editor.metaTitle', { version: version.version, slug: version.questionnaire.slug }),
    version,
    problems: version.status === 'draft' ? publishProblems(version.definition) : [],
    diff: version.previous ? diffVersions(version.previous.definition, version.definition) : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor: user, formData } = await requireCapabilityForm(request, canEditQuestionnaires)
  const version = await requireVersion(params.versionId)
  const values = textValues(formData)
  const intent = values.intent ?? 'save'

  if (intent === 'copy') {
    const { versionId } = await copyToNewDraft(version.id, user.id)
    return redirect(`/admin/questionnaires/versions/${versionId}`)
  }
  if (intent === 'retire') {
    await retireVersion(version.id, user.id)
    return redirect(`/admin/questionnaires/versions/${version.id}`)
  }
  if (version.status !== 'draft') throw new Response(null, { status: 409 })

  const sectionOf = intent.split(':')[1] ?? ''
  const command = parseCommand(intent, values[`newKind.${sectionOf}`], values[SHORT_FORM_BLOCKS_FIELD])
  if (!command) throw new Response(null, { status: 400 })
  const candidate: Definition = applyCommand(applyForm(version.definition, values), command)
  // A draft must still parse (codes, numbers) to be saved; the rest is reported, not blocked.
  const parsed = DefinitionSchema.safeParse(candidate)
  const saved = parsed.success && (await updateDraft(version.id, parsed.data))
  return data(
    { definition: candidate, problems: publishProblems(candidate), saved, revision: crypto.randomUUID() },
    { status: parsed.success ? 200 : 400 }
  )
}

export default function VersionEditorPage() {
  const { version, problems: loadedProblems, diff } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('questionnaire')
  const definition = (actionData?.definition ?? version.definition) as Definition
  const problems = actionData?.problems ?? loadedProblems
  const draft = version.status === 'draft'
  const title = i18n.language === 'en' ? version.questionnaire.titleEn : version.questionnaire.title
  const itemCodes = new Set(allItems(definition).map((item) => item.code))
  const base = `/admin/questionnaires/versions/${version.id}`

  return (
    <>
      <h1>{t('editor.heading', { title, version: version.version })}</h1>
      <AdminNav />
      <p>
        {t(`status.${version.status}`)} · {version.methodologyCode} ·{' '}
        <Link to={`${base}/preview`}>{t('editor.preview')}</Link>
      </p>
      <StatusNotice message={actionData && t(actionData.saved ? 'editor.saved' : 'editor.notSaved')} />
      {diff && version.previous ? <VersionDiffView diff={diff} previousVersion={version.previous.version} /> : null}

      {draft ? (
        <>
          <ProblemList problems={problems} itemCodes={itemCodes} />
          {problems.length === 0 ? (
            <p>
              <Link className="button" to={`${base}/publish`}>
                {t('editor.goToPublish')}
              </Link>
            </p>
          ) : null}
          <Form method="post" key={actionData?.revision ?? 'loaded'} className="editor">
            <CsrfInput />
            <button type="submit" name="intent" value="save">
              {t('editor.save')}
            </button>
            <DefinitionFields definition={definition} />
            <ShortFormFields definition={definition} previewBase={`${base}/preview`} />
            <button type="submit" name="intent" value="save">
              {t('editor.save')}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p className="notice">{t(`editor.frozen.${version.status}`)}</p>
          <Form method="post" className="editor-row">
            <CsrfInput />
            <button type="submit" name="intent" value="copy">
              {t('editor.copy')}
            </button>
            {version.status === 'published' ? (
              <button type="submit" name="intent" value="retire" className="secondary">
                {t('editor.retire')}
              </button>
            ) : null}
          </Form>
          <form className="editor" aria-label={t('editor.readOnly')}>
            <fieldset disabled>
              <legend className="visually-hidden">{t('editor.readOnly')}</legend>
              <DefinitionFields definition={definition} />
              <ShortFormFields definition={definition} previewBase={`${base}/preview`} />
            </fieldset>
          </form>
        </>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
