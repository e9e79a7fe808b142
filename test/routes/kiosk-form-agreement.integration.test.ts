import { describe, expect, test } from 'vitest'
import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { answerConfig } from '~/kiosk/kiosk-api.server'
import { DefinitionSchema } from '~/questionnaire/definition'
import { kioskFormItems } from '~/questionnaire/kiosk-form'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { getPublishedVersion } from '~/questionnaire/versions.server'
import { loader as previewLoader } from '~/routes/admin.questionnaires.versions.$versionId.preview'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createEnrolledKiosk } from '../factories/kiosks'
import { createSurveyPoint } from '../factories/submissions'

/*
 * What the editor's kiosk preview shows, what a kiosk is configured to ask and what the
 * published version says the kiosk form is: one list (docs/decisions/019-kiosk.md).
 */

type Args = Parameters<typeof previewLoader>[0]

describe('the kiosk form', () => {
  test('the published version, the kiosk configuration and the editor preview agree', async () => {
    const definition = DefinitionSchema.parse({
      ...sipas2023,
      kioskForm: { items: ['perc.online_used', 'perc.online_easy', 'svc.results.general', 'comment.suggestions'] },
    })
    const point = await createSurveyPoint({ definition })
    const published = await getPublishedVersion(point.versionId)
    const expected = kioskFormItems(published!.definition)
    expect(expected).toEqual([
      sipas2023.screening.item,
      'perc.online_used',
      'perc.online_easy',
      'svc.results.general',
      'comment.suggestions',
    ])

    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    const config = await (
      await answerConfig(new Request('http://localhost/api/kiosk/config', { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }))
    ).json()
    expect(config.form).toEqual(expected)

    const admin = await createUser({ role: 'ministry_admin' })
    const request = requestWith(
      await sessionCookieFor(admin.id),
      `/admin/questionnaires/versions/${point.versionId}/preview?device=kiosk`,
    )
    const preview = await previewLoader({ request, params: { versionId: point.versionId }, context: {} } as unknown as Args)
    expect(preview.items).toEqual(expected)
  })
})
