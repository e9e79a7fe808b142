import { getTranslation } from '~/i18n/i18next.server'
import type { Definition } from '~/questionnaire/definition'
import { type Batch, getBatchTotals } from './batches.server'

/**
 * What both screens of a batch (keying and reconciliation) load for their heading and running
 * totals: the page title (`titleKey` with the service point's code), the language, the batch, its
 * questionnaire and its totals.
 */
export async function loadBatchPage(
  request: Request,
  batch: Batch,
  definition: Definition,
  titleKey: 'keying.metaTitle' | 'reconcile.metaTitle',
) {
  const [totals, { t, locale }] = await Promise.all([getBatchTotals(batch.id), getTranslation(request, 'paper')])
  return { title: t(titleKey, { code: batch.servicePoint.code }), locale, batch, definition, totals }
}
