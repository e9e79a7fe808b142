import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { AdminSelect, AdminTable, formResult } from '~/auth/admin-field'
import { CsrfInput } from '~/auth/csrf-input'
import { validateCsrf } from '~/auth/csrf.server'
import { textValues } from '~/auth/form-values'
import { requireRole } from '~/auth/permissions.server'
import { getFixedT, getLanguage } from '~/i18n/i18next.server'
import { FreezeSchema } from '~/ranking/admin-forms'
import { INDICES, PEER_GROUPS } from '~/ranking/indices'
import { listCurrentProvinces } from '~/ranking/peer-units.server'
import { RankingAdminNav } from '~/ranking/ranking-admin-nav'
import { defaultRankingYear, freezeRanking, rankingYears } from '~/ranking/rankings.server'
import { listSnapshots } from '~/ranking/snapshots.server'
import { GeneralErrorBoundary } from '~/ui/error-boundary'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['rankings'] } satisfies I18nHandle

/** Freezing official rankings is the Ministry administrator's act (issue 6). */
const FREEZE_ROLES = ['ministry_admin'] as const

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? 'SIPAS' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, FREEZE_ROLES)
  const [snapshots, years, provinces, t, locale] = await Promise.all([
    listSnapshots(),
    rankingYears(),
    listCurrentProvinces(),
    getFixedT(request, 'rankings'),
    getLanguage(request),
  ])
  return {
    title: t('admin.snapshots.metaTitle'),
    snapshots,
    years,
    defaultYear: defaultRankingYear(years),
    provinces,
    locale,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, FREEZE_ROLES)
  const formData = await request.formData()
  await validateCsrf(request, formData)
  const values = textValues(formData)
  const parsed = FreezeSchema.safeParse(values)
  if (!parsed.success) {
    return data(
      { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values, frozen: null },
      { status: 400 }
    )
  }
  const { year, index, group, province } = parsed.data
  const result = await freezeRanking({ year, index, peerGroup: group, provinceId: province }, actor.id)
  if (!result.frozen) {
    const key = result.reason === 'alreadyFrozen' ? 'admin.errors.alreadyFrozen' : 'admin.errors.emptyRanking'
    return data(
      { fieldErrors: { year: [key] }, values, frozen: null },
      { status: result.reason === 'alreadyFrozen' ? 409 : 400 }
    )
  }
  return data({ fieldErrors: {}, values: {}, frozen: { year, index, group } })
}

export default function SnapshotsPage() {
  const { snapshots, years, defaultYear, provinces, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('rankings')
  const { values, field } = formResult(actionData, t)
  const dateTime = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  })
  const provinceName = (peerGroup: string) => {
    const [group, provinceId] = peerGroup.split(':')
    const groupName = t(`peerGroups.${group}`)
    const province = provinces.find((candidate) => candidate.id === provinceId)
    return province ? t('page.groupInProvince', { group: groupName, province: province.name }) : groupName
  }

  return (
    <>
      <h1>{t('admin.snapshots.title')}</h1>
      <RankingAdminNav />
      <p className="lead">{t('admin.snapshots.lead')}</p>
      {actionData?.frozen ? (
        <p className="notice" role="status">
          {t('admin.snapshots.frozen', {
            index: t(`indices.${actionData.frozen.index}`),
            group: t(`peerGroups.${actionData.frozen.group}`),
            year: actionData.frozen.year,
          })}
        </p>
      ) : null}

      <h2>{t('admin.snapshots.freezeTitle')}</h2>
      <Form method="post">
        <CsrfInput />
        <AdminSelect
          {...field('year')}
          label={t('form.year')}
          value={values.year ?? String(defaultYear)}
          options={[...new Set([...years, defaultYear])].map((year) => ({ value: String(year), label: String(year) }))}
        />
        <AdminSelect
          {...field('index')}
          label={t('form.index')}
          value={values.index ?? 'SIPAS'}
          options={INDICES.map((index) => ({ value: index, label: t(`indices.${index}`) }))}
        />
        <AdminSelect
          {...field('group')}
          label={t('form.group')}
          value={values.group ?? 'provinces'}
          options={PEER_GROUPS.map((group) => ({ value: group, label: t(`peerGroups.${group}`) }))}
        />
        <AdminSelect
          {...field('province')}
          label={t('form.province')}
          empty={t('form.noProvince')}
          options={provinces.map((province) => ({ value: province.id, label: province.name }))}
        />
        <p className="hint">{t('admin.snapshots.freezeHint')}</p>
        <button type="submit">{t('admin.snapshots.freeze')}</button>
      </Form>

      <h2>{t('admin.snapshots.listTitle')}</h2>
      {snapshots.length === 0 ? (
        <p>{t('admin.snapshots.none')}</p>
      ) : (
        <AdminTable
          caption={t('admin.snapshots.listTitle')}
          columns={[
            { label: t('form.year') },
            { label: t('form.index') },
            { label: t('form.group') },
            { label: t('admin.snapshots.frozenAt') },
            { label: t('admin.snapshots.frozenBy') },
          ]}
        >
          {snapshots.map((snapshot) => {
            const [group, provinceId] = snapshot.peerGroup.split(':')
            const query = new URLSearchParams({
              year: String(snapshot.year),
              index: snapshot.index,
              group: group ?? '',
            })
            if (provinceId) query.set('province', provinceId)
            return (
              <tr key={snapshot.id}>
                <td>{snapshot.year}</td>
                <td>
                  <a href={`/rankings?${query.toString()}`}>{t(`indices.${snapshot.index}`)}</a>
                </td>
                <td>{provinceName(snapshot.peerGroup)}</td>
                <td>{dateTime.format(new Date(snapshot.frozenAt))}</td>
                <td>{snapshot.frozenBy}</td>
              </tr>
            )
          })}
        </AdminTable>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
