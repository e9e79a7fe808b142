import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminField } from '~/auth/admin-field'
import { AdminNav } from '~/auth/admin-nav'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { requireRole } from '~/auth/permissions.server'
import { Prisma } from '~/generated/prisma/client'
import { getFixedT } from '~/i18n/i18next.server'
import editorStyles from '~/questionnaire/editor/editor.css?url'
import { QuestionnaireNav } from '~/questionnaire/editor/questionnaire-nav'
import { QUESTIONNAIRE_EDITOR_ROLES } from '~/questionnaire/editor/roles'
import { NewQuestionnaireSchema } from '~/questionnaire/editor/schemas'
import { TEMPLATES } from '~/questionnaire/templates'
import { createDraft, createQuestionnaire, listQuestionnaires } from '~/questionnaire/versions.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['questionnaire', 'admin'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: editorStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, QUESTIONNAIRE_EDITOR_ROLES)
  const [questionnaires, t] = await Promise.all([listQuestionnaires(), getFixedT(request, 'questionnaire')])
  return { title: t('list.metaTitle'), questionnaires }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, QUESTIONNAIRE_EDITOR_ROLES)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)
  const parsed = NewQuestionnaireSchema.safeParse(values)
  if (!parsed.success) {
    return data(
      { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values },
      { status: 400 }
    )
  }
  const { template, ...questionnaire } = parsed.data
  let questionnaireId: string
  try {
    ;({ questionnaireId } = await createQuestionnaire(questionnaire))
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return data({ fieldErrors: { slug: ['editor.errors.slugTaken'] }, values }, { status: 400 })
    }
    throw error
  }
  const { versionId } = await createDraft({
    questionnaireId,
    definition: TEMPLATES[template],
    methodologyCode: template,
    createdById: user.id,
  })
  return redirect(`/admin/questionnaires/versions/${versionId}`)
}

export default function QuestionnairesPage() {
  const { questionnaires } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation('questionnaire')
  const errors: Record<string, string[] | undefined> = actionData?.fieldErrors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  const error = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined)
  const english = i18n.language === 'en'

  return (
    <>
      <h1>{t('list.title')}</h1>
      <AdminNav />
      <QuestionnaireNav />
      {questionnaires.length === 0 ? <p>{t('list.empty')}</p> : null}
      {questionnaires.map((questionnaire) => (
        <section key={questionnaire.id} aria-labelledby={`q-${questionnaire.id}`}>
          <h2 id={`q-${questionnaire.id}`}>{english ? questionnaire.titleEn : questionnaire.title}</h2>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{t('list.versionsOf', { slug: questionnaire.slug })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.version')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col">{t('list.methodology')}</th>
                  <th scope="col">{t('list.publishedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {questionnaire.versions.map((version) => (
                  <tr key={version.id}>
                    <td>
                      <Link to={`/admin/questionnaires/versions/${version.id}`}>
                        {t('list.versionNumber', { version: version.version })}
                      </Link>
                    </td>
                    <td>{t(`status.${version.status}`)}</td>
                    <td>{version.methodologyCode}</td>
                    <td>
                      {version.publishedAt ? new Date(version.publishedAt).toLocaleDateString(i18n.language) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      <h2>{t('list.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminField name="template" label={t('list.template')} error={error('template')}>
          {(props) => (
            <select {...props} required defaultValue={values.template ?? 'sipas-2023'}>
              {Object.keys(TEMPLATES).map((code) => (
                <option key={code} value={code}>
                  {t(`templates.${code}`)}
                </option>
              ))}
            </select>
          )}
        </AdminField>
        <AdminField name="slug" label={t('list.slug')} error={error('slug')}>
          {(props) => <input {...props} required pattern="[a-z0-9][a-z0-9\-]{1,59}" defaultValue={values.slug} />}
        </AdminField>
        <AdminField name="title" label={t('list.titleVi')} error={error('title')}>
          {(props) => <input {...props} required lang="vi" defaultValue={values.title} />}
        </AdminField>
        <AdminField name="titleEn" label={t('list.titleEn')} error={error('titleEn')}>
          {(props) => <input {...props} required lang="en" defaultValue={values.titleEn} />}
        </AdminField>
        <button type="submit">{t('list.create')}</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
