import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/ui/csrf-input'
import { requireCsrfForm } from '~/auth/csrf.server'
import { requireCapability } from '~/auth/permissions.server'
import { canEditQuestionnaires } from '~/auth/policy'
import { getFixedT } from '~/i18n/i18next.server'
import { allItems } from '~/questionnaire/definition'
import editorStyles from '~/questionnaire/editor/editor.css?url'
import { ProblemList } from '~/questionnaire/editor/problem-list'
import { publishProblems } from '~/questionnaire/publish-rules'
import { getVersionForEditor, publishVersion } from '~/questionnaire/versions.server'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['questionnaire', 'admin'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: editorStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, canEditQuestionnaires)
  const version = params.versionId ? await getVersionForEditor(params.versionId) : null
  if (!version) throw new Response(null, { status: 404 })
  if (version.status !== 'draft') throw redirect(`/admin/questionnaires/versions/${version.id}`)
  const t = await getFixedT(request, 'questionnaire')
  return {
    title: t('publishPage.metaTitle', { version: version.version }),
    version: { id: version.id, version: version.version, slug: version.questionnaire.slug },
    itemCount: allItems(version.definition).length,
    itemCodes: allItems(version.definition).map((item) => item.code),
    problems: publishProblems(version.definition),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, canEditQuestionnaires)
  await requireCsrfForm(request)
  const result = await publishVersion(params.versionId ?? '', user.id)
  if (!result.published) return data({ problems: result.problems }, { status: 409 })
  return redirect(`/admin/questionnaires/versions/${params.versionId}`)
}

export default function PublishPage() {
  const { version, itemCount, itemCodes, problems: loadedProblems } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('questionnaire')
  const problems = actionData?.problems ?? loadedProblems
  const editor = `/admin/questionnaires/versions/${version.id}`

  return (
    <>
      <h1>{t('publishPage.heading', { version: version.version, slug: version.slug })}</h1>
      <AdminNav />
      {problems.length > 0 ? (
        <>
          <ProblemList problems={problems} itemCodes={new Set(itemCodes)} />
          <p>
            <Link to={editor}>{t('publishPage.backToEditor')}</Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <CsrfInput />
          <p>{t('publishPage.immutable', { version: version.version, total: itemCount })}</p>
          <ul>
            <li>{t('publishPage.frozenWording')}</li>
            <li>{t('publishPage.frozenMethodology')}</li>
            <li>{t('publishPage.frozenResponses')}</li>
            <li>{t('publishPage.nextVersion', { next: version.version + 1 })}</li>
          </ul>
          <div className="editor-row">
            <button type="submit">{t('publishPage.confirm', { version: version.version })}</button>
            <Link to={editor}>{t('publishPage.cancel')}</Link>
          </div>
        </Form>
      )}
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
