import { useTranslation } from 'react-i18next'
import type { SerializeFrom } from '@remix-run/node'
import type { listExportJobs } from '~/export/jobs.server'
import { secondsLeft } from '~/export/progress'
import type { Language } from '~/i18n/config'
import { formatDate, formatDateTime, formatNumber } from '~/i18n/format'
import { DataTable } from '~/ui/data-table'

type Job = SerializeFrom<Awaited<ReturnType<typeof listExportJobs>>[number]>

/** The user's exports, newest first: what each is, how far it has got, and its file. */
export function ExportList({ jobs, now }: { jobs: readonly Job[]; now: string }) {
  const { t, i18n } = useTranslation('exports')
  const locale = i18n.language as Language
  return (
    <section aria-labelledby="exports-list">
      <h2 id="exports-list">{t('page.listTitle')}</h2>
      {jobs.length === 0 ? (
        <p>{t('page.empty')}</p>
      ) : (
        <DataTable
          caption={t('page.listTitle')}
          hideCaption
          columns={[t('page.columns.requested'), t('page.columns.what'), t('page.columns.status'), t('page.columns.file')]}
          rows={jobs.map((job) => ({
            key: job.id,
            cells: [
              formatDateTime(job.createdAt, locale),
              t('page.what', {
                kind: t(`kinds.${job.kind}`),
                period: periodOf(job.filters),
                format: job.format.toUpperCase(),
              }),
              <JobStatus key="status" job={job} now={now} />,
              <JobFile key="file" job={job} />,
            ],
          }))}
        />
      )}
    </section>
  )
}

function periodOf(filters: unknown): string {
  const period = filters && typeof filters === 'object' ? (filters as { period?: unknown }).period : null
  return typeof period === 'string' ? period : ''
}

function JobStatus({ job, now }: { job: Job; now: string }) {
  const { t, i18n } = useTranslation('exports')
  const locale = i18n.language as Language
  const status = <strong>{t(`status.${job.status}`)}</strong>
  if (job.status === 'failed') {
    return (
      <>
        {status}
        <br />
        {t(`errorCodes.${job.errorCode ?? 'internal'}`)}
      </>
    )
  }
  if (job.status === 'queued') return status
  if (job.status !== 'running') return status
  const left = secondsLeft(job, now)
  const done = formatNumber(job.rowsDone, locale)
  return (
    <>
      {status}
      <br />
      {job.rowsExpected === null ? (
        <progress aria-label={t('page.rowsDone', { done })} />
      ) : (
        <progress
          max={Math.max(job.rowsExpected, 1)}
          value={Math.min(job.rowsDone, job.rowsExpected)}
          aria-label={t('page.progress', { done, expected: formatNumber(job.rowsExpected, locale) })}
        />
      )}
      <br />
      {job.rowsExpected === null
        ? t('page.rowsDone', { done })
        : t('page.progress', { done, expected: formatNumber(job.rowsExpected, locale) })}
      {left === null ? null : (
        <>
          <br />
          {left < 60 ? t('page.timeLeftSeconds', { seconds: left }) : t('page.timeLeft', { minutes: Math.ceil(left / 60) })}
        </>
      )}
    </>
  )
}

function JobFile({ job }: { job: Job }) {
  const { t, i18n } = useTranslation('exports')
  const locale = i18n.language as Language
  if (job.status === 'expired') return <>{t('page.expired')}</>
  if (job.status === 'queued') return <>{t('page.waiting')}</>
  if (job.status !== 'done' || job.fileBytes === null) return null
  return (
    <>
      <a href={`/exports/${job.id}/download`} download={job.fileName ?? true}>
        {t('page.download', { format: job.format.toUpperCase(), size: fileSize(job.fileBytes, locale) })}
      </a>
      {job.expiresAt ? (
        <>
          <br />
          {t('page.expiresOn', { date: formatDate(job.expiresAt, locale) })}
        </>
      ) : null}
    </>
  )
}

/** A file's size in kB or MB, as people read it. */
function fileSize(bytes: number, locale: Language): string {
  if (bytes < 1_000_000) return `${formatNumber(Math.max(1, Math.round(bytes / 1_000)), locale)} kB`
  return `${formatNumber(Math.round(bytes / 100_000) / 10, locale)} MB`
}
