import { z } from 'zod'
import { createSettingStore } from '~/db/setting-store.server'

const DEFAULT_EXPORT_RETENTION_DAYS = 7

/** How long a finished export's file is kept (Setting `export.retentionDays`); its row stays as the record. */
export const exportRetention = createSettingStore({
  key: 'export.retentionDays',
  schema: z.object({ days: z.number().int().min(1).max(365).default(DEFAULT_EXPORT_RETENTION_DAYS) }),
  auditAction: 'export.retention_changed',
})
