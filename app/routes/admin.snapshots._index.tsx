import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { loadAdminPage, requireCapabilityForm } from '~/auth/permissions.server'
import { canManageRankings } from '~/auth/policy'
import { formatDateTime } from '~/i18n/format'
import { useActionFields } from '~/forms/use-action-fields'
import { textValues } from '~/forms/form-values'
import { parseForm, rejectForm } from '~/forms/reject-form.server'
import { FreezeSchema } from '~/ranking/admin-forms'
import { INDICES, PEER_GROUPS } from '~/ranking/indices'
import { listCurrentProvinces } from '~/ranking/peer-units.server'
import { RankingAdminNav } from '~/ranking/ranking-admin-nav'
import { defaultRankingYear, freezeRanking, rankingYears } from '~/ranking/rankings.server'
import { listSnapshots } from '~/ranking/snapshots.server'
import { CreateForm } from '~/ui/create-form'
import { ListTable } from '~/ui/list-table'
import { SelectField } from '~/ui/select-field'
import { StatusNotice } from '~/ui/status-notice'
import { pageTitle } from '~/ui/page-title'
import type { I18nHandle } from '~/i18n/route-namespaces'

export const handle = { i18n: ['rankings'] } satisfies I18nHandle

/** Freezing official rankings is the Ministry administrator's act (ADR 008). */

export const meta: MetaFunction<typeof loader> = pageTitle

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadAdminPage(
    request,
    { capability: canManageRankings, namespace: 'rankings', titleKey: 'admin.snapshots.metaTitle' },
    () => ({ snapshots: listSnapshots(), years: rankingYears(), provinces: listCurrentProvinces() }),
  )
  return { ...page, defaultYear: defaultRankingYear(page.years) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, formData } = await requireCapabilityForm(request, canManageRankings)
  const { data: freeze, rejection } = parseForm(FreezeSchema, formData)
  if (rejection) return rejection
  const { year, index, group, province } = freeze
  const result = await freezeRanking({ year, index, peerGroup: group, provinceId: province }, actor.id)
  if (!result.frozen) {
    const key = result.reason === 'alreadyFrozen' ? 'admin.errors.alreadyFrozen' : 'admin.errors.emptyRanking'
    return rejectForm(
      { fieldErrors: { year: { key } }, values: textValues(formData) },
      { status: result.reason === 'alreadyFrozen' ? 409 : 400 }
    )
  }
  return data({ frozen: { year, index, group } })
}

export default function SnapshotsPage() {
  const { snapshots, years, defaultYear, provinces, locale } = useLoaderData<typeof loader>()
  const { t, actionData, values, field } = useActionFields<typeof action>('rankings')
  const frozen = actionData && 'frozen' in actionData ? actionData.frozen : null
  const provinceName = (peerGroup: string) => {
    const [group, provinceId] = peerGroup.split(':')
    const groupName = t(`peerGroups.${group}`)
    const province = provinces.find((candidate) => candidate.id === provinceId)
    return province ? t('page.groupInProvince', { group: groupName, province: province.name }) : groupName
  }
  /** The rankings page of what the snapshot froze. */
  const rankingQuery = (snapshot: { year: number; index: string; peerGroup: string }) => {
    const [group, provinceId] = snapshot.peerGroup.split(':')
    const query = new URLSearchParams({ year: String(snapshot.year), index: snapshot.index, group: group ?? '' })
    if (provinceId) query.set('province', provinceId)
    return query.toString()
  }

  return (
    <>
      <h1>{t('admin.snapshots.title')}</h1>
      <RankingAdminNav />
      <p className="lead">{t('admin.snapshots.lead')}</p>
      <StatusNotice
        message={
          frozen
            ? t('admin.snapshots.frozen', {
                index: t(`indices.${frozen.index}`),
                group: t(`peerGroups.${frozen.group}`),
                year: frozen.year,
              })
            : null
        }
      />

      <CreateForm title={t('admin.snapshots.freezeTitle')} submit={t('admin.snapshots.freeze')}>
        <SelectField
          {...field('year')}
          label={t('form.year')}
          value={values.year ?? String(defaultYear)}
          options={[...new Set([...years, defaultYear])].map((year) => ({ value: String(year), label: String(year) }))}
        />
        <SelectField
          {...field('index')}
          label={t('form.index')}
          value={values.index ?? 'SIPAS'}
          options={INDICES.map((index) => ({ value: index, label: t(`indices.${index}`) }))}
        />
        <SelectField
          {...field('group')}
          label={t('form.group')}
          value={values.group ?? 'provinces'}
          options={PEER_GROUPS.map((group) => ({ value: group, label: t(`peerGroups.${group}`) }))}
        />
        <SelectField
          {...field('province')}
          label={t('form.province')}
          empty={t('form.noProvince')}
          options={provinces.map((province) => ({ value: province.id, label: province.name }))}
        />
        <p className="hint">{t('admin.snapshots.freezeHint')}</p>
      </CreateForm>

      <h2>{t('admin.snapshots.listTitle')}</h2>
      <ListTable
        caption={t('admin.snapshots.listTitle')}
        columns={[t('form.year'), t('form.index'), t('form.group'), t('admin.snapshots.frozenAt'), t('admin.snapshots.frozenBy')]}
        items={snapshots}
        empty={t('admin.snapshots.none')}
        cells={(snapshot) => [
          snapshot.year,
          <a href={`/rankings?${rankingQuery(snapshot)}`}>{t(`indices.${snapshot.index}`)}</a>,
          provinceName(snapshot.peerGroup),
          formatDateTime(snapshot.frozenAt, locale),
          snapshot.frozenBy,
        ]}
      />
    </>
  )
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/ui/error-boundary'
