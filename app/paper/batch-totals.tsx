import { useTranslation } from 'react-i18next'
import { formatNumber } from '~/i18n/format'
import type { Language } from '~/i18n/config'
import type { BatchTotals } from './sheet-status'

/**
 * A batch's running totals against its sheet count. Settled sheets are split into valid ones
 * (counted or waiting to be) and void ones, which count towards the batch but not the results.
 */
export function BatchTotalsList({
  totals,
  batch: { sheetCount, doubleEntry },
  locale,
}: {
  totals: BatchTotals
  batch: { sheetCount: number; doubleEntry: boolean }
  locale: Language
}) {
  const { t } = useTranslation('paper')
  const n = (value: number) => formatNumber(value, locale)
  return (
    <dl className="paper-totals">
      <div>
        <dt>{doubleEntry ? t('totals.firstPass') : t('totals.keyed')}</dt>
        <dd>{t('totals.ofExpected', { n: n(totals.keyed), expected: n(sheetCount) })}</dd>
      </div>
      {doubleEntry ? (
        <div>
          <dt>{t('totals.secondPass')}</dt>
          <dd>{t('totals.ofExpected', { n: n(totals.keyedSecond), expected: n(sheetCount) })}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('totals.settled')}</dt>
        <dd>
          {t('totals.validVoid', {
            valid: n(totals.counted + totals.waiting),
            void: n(totals.void),
            expected: n(sheetCount),
          })}
        </dd>
      </div>
      <div>
        <dt>{t('totals.counted')}</dt>
        <dd>{n(totals.counted)}</dd>
      </div>
      {doubleEntry ? (
        <div>
          <dt>{t('totals.disputes')}</dt>
          <dd>{n(totals.mismatches)}</dd>
        </div>
      ) : null}
      {totals.waiting > 0 ? (
        <div>
          <dt>{t('totals.waiting')}</dt>
          <dd>{n(totals.waiting)}</dd>
        </div>
      ) : null}
    </dl>
  )
}
