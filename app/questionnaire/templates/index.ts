import type { Definition } from '../definition'
import { sipas2017 } from './sipas-2017'
import { sipas2023 } from './sipas-2023'

/** The templates an administrator can start a questionnaire from, by methodology code. */
export const TEMPLATES = {
  'sipas-2017': sipas2017,
  'sipas-2023': sipas2023,
} as const satisfies Record<string, Definition>

export type TemplateCode = keyof typeof TEMPLATES
