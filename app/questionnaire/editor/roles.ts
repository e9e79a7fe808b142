import type { Role } from '~/generated/prisma/enums'

/** Who edits and publishes questionnaires: the Ministry's administrators (issue 4). */
export const QUESTIONNAIRE_EDITOR_ROLES: readonly Role[] = ['ministry_admin']
