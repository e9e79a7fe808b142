import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AdminPage } from '~/ui/admin-page'
import { CsrfInput } from '~/ui/csrf-input'
import { requireCapability, requireCapabilityForm } from '~/auth/permissions.server'
import { canEditQuestionnaires } from '~/auth/policy'
import { useActionFields } from '~/forms/use-action-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { Prisma } from '~/generated/prisma/client'
import { formatDate, MISSING } from '~/i18n/format'
import { getFixedT } from '~/i18n/i18next.server'
import editorStyles from '~/questionnaire/editor/editor.css?url'
import { NewQuestionnaireSchema } from '~/questionnaire/editor/schemas'
import { TEMPLATES } from '~/questionnaire/templates'
import { createDraft, createQuestionnaire, listQuestionnaires } from '~/questionnaire/versions.server'
import { ListTable } from '~/ui/list-table'
import { Field } from '~/ui/field'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['questionnaire', 'admin'], hydrate: false } satisfies I18nHandle

export const meta: MetaFunction<typeof loader> = pageTitle
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: editorStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, canEditQuestionnaires)
  const [questionnaires, t] = await Promise.all([listQuestionnaires(), getFixedT(request, 'questionnaire')])
  return { title: t('list.metaTitle'), questionnaires }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor: user, formData } = await requireCapabilityForm(request, canEditQuestionnaires)
  const { data: form, rejection } = parseForm(NewQuestionnaireSchema, formData)
  if (rejection) return rejection
  const { template, ...questionnaire } = form
  let questionnaireId: string
  try {
    ;({ questionnaireId } = await createQuestionnaire(questionnaire))
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return rejectForm({ fieldErrors: { slug: { key: 'editor.errors.slugTaken' } }, values: textValues(formData) })
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
  const { t, i18n, values, error } = useActionFields<typeof action>('questionnaire')
  const english = i18n.language === 'en'

  return (
    <AdminPage title={t('list.title')}>
      {questionnaires.length === 0 ? <p>{t('list.empty')}</p> : null}
      {questionnaires.map((questionnaire) => (
        <section key={questionnaire.id} aria-labelledby={`q-${questionnaire.id}`}>
          <h2 id={`q-${questionnaire.id}`}>{english ? questionnaire.titleEn : questionnaire.title}</h2>
          <ListTable
            caption={t('list.versionsOf', { slug: questionnaire.slug })}
            columns={[t('list.version'), t('list.status'), t('list.methodology'), t('list.publishedAt')]}
            items={questionnaire.versions}
            cells={(version) => [
              <Link to={`/admin/questionnaires/versions/${version.id}`}>
                {t('list.versionNumber', { version: version.version })}
              </Link>,
              t(`status.${version.status}`),
              version.methodologyCode,
              version.publishedAt ? formatDate(version.publishedAt, english ? 'en' : 'vi') : MISSING,
            ]}
          />
        </section>
      ))}

      <h2>{t('list.createTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <Field name="template" label={t('list.template')} error={error('template')}>
          {(props) => (
            <select {...props} required defaultValue={values.template ?? 'sipas-2023'}>
              {Object.keys(TEMPLATES).map((code) => (
                <option key={code} value={code}>
                  {t(`templates.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="slug" label={t('list.slug')} error={error('slug')}>
          {(props) => <input {...props} required pattern="[a-z0-9][a-z0-9\-]{1,59}" defaultValue={values.slug} />}
        </Field>
        <Field name="title" label={t('list.titleVi')} error={error('title')}>
          {(props) => <input {...props} required lang="vi" defaultValue={values.title} />}
        </Field>
        <Field name="titleEn" label={t('list.titleEn')} error={error('titleEn')}>
          {(props) => <input {...props} required lang="en" defaultValue={values.titleEn} />}
        </Field>
        <button type="submit">{t('list.create')}</button>
      </Form>
    </AdminPage>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
