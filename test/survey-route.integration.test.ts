import { describe, expect, test } from 'vitest'
import { loader } from '~/routes/s.$code'
import { fieldName } from '~/survey/answer-fields'
import { createSurveyPoint, storedCounts } from './factories/submissions'
import { outcome, type Outcome, postSurveyPage } from './factories/survey-route'

/*
 * The phone survey's route as a browser without JavaScript drives it: plain form posts carrying
 * the signed state from page to page, against a real database, down to the stored response.
 */

const open = (code: string) =>
  outcome(() => loader({ request: new Request(`http://localhost/s/${code}`), params: { code }, context: {} }))

const post = postSurveyPage

type View = { state: string; page: string; issues?: { code: string; itemCode: string }[] }
const view = (result: Outcome) => result.data as View
const field = (code: string) => fieldName(code)

describe('the phone survey without JavaScript', () => {
  test('screening, a section, the review and the submission store one response; a replay gets the same receipt', async () => {
    const point = await createSurveyPoint()
    const code = point.servicePoint.code
    const before = await storedCounts()

    const start = await open(code)
    expect(start.status).toBe(200)
    let page = (start.data as { start: View }).start
    expect(page.page).toBe('screening')

    let result = await post(code, { state: page.state, intent: 'next', [field('screen')]: '1' })
    page = view(result)
    expect(page.page).toBe('section:s1')

    // A missing answer: 400, the page again, its problem named.
    result = await post(code, { state: page.state, intent: 'next', [field('svc.polite')]: '4' })
    expect(result.status).toBe(400)
    expect(view(result).issues?.map((issue) => issue.itemCode)).toEqual(['svc.time', 'svc.general', 'online.used', 'channels'])

    result = await post(code, {
      state: view(result).state,
      intent: 'next',
      [field('svc.polite')]: '4',
      [field('svc.time')]: '-2',
      [field('svc.general')]: '5',
      [field('online.used')]: '2',
      // Shown without JavaScript with its condition in words; answered anyway, it is dropped.
      [field('online.easy')]: '4',
      [field('channels')]: ['1', '3'],
      [field('comment')]: '  Cán bộ rất nhiệt tình  ',
    })
    page = view(result)
    expect(page.page).toBe('review')
    expect((result.data as { answers: Record<string, unknown> }).answers).toEqual({
      screen: 1,
      'svc.polite': 4,
      'svc.time': -2,
      'svc.general': 5,
      'online.used': 2,
      channels: [1, 3],
      comment: 'Cán bộ rất nhiệt tình',
    })

    const submitted = await post(code, { state: page.state, intent: 'submit', website: '' })
    expect(submitted.status).toBe(302)
    expect(submitted.location).toMatch(new RegExp(`^/s/${code}/thanks\\?receipt=[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}&proof=[\\w-]{22}$`))
    const replayed = await post(code, { state: page.state, intent: 'submit', website: '' })
    expect(replayed.location).toBe(submitted.location)

    const after = await storedCounts()
    expect(after.responses - before.responses).toBe(1)
    expect(after.comments - before.comments).toBe(1)
  })

  test('back and language keep the page’s answers without checking them', async () => {
    const point = await createSurveyPoint()
    const code = point.servicePoint.code
    const answers = (result: Outcome) => (result.data as { answers: Record<string, unknown> }).answers
    let result = await post(code, { state: ((await open(code)).data as { start: View }).start.state, [field('screen')]: '1' })
    // An incomplete page: switching language is no attempt to leave it, so no 400.
    result = await post(code, { state: view(result).state, intent: 'language', [field('svc.polite')]: '2' })
    expect(result.status).toBe(200)
    expect(view(result).page).toBe('section:s1')
    result = await post(code, { state: view(result).state, intent: 'back', [field('svc.polite')]: '2' })
    expect(view(result).page).toBe('screening')
    expect(answers(result)).toEqual({ screen: 1, 'svc.polite': 2 })
    // Forward again: the section's answer is still there.
    result = await post(code, { state: view(result).state, intent: 'next', [field('screen')]: '1' })
    expect(view(result).page).toBe('section:s1')
    expect(answers(result)).toEqual({ screen: 1, 'svc.polite': 2 })
  })

  test('someone the survey is not for ends at the screening page', async () => {
    const point = await createSurveyPoint()
    const code = point.servicePoint.code
    const start = ((await open(code)).data as { start: View }).start
    expect((await post(code, { state: start.state, [field('screen')]: '2' })).data).toEqual({ ended: true })
  })

  test('an altered state is refused', async () => {
    const point = await createSurveyPoint()
    const code = point.servicePoint.code
    const { state } = ((await open(code)).data as { start: View }).start
    const [payload, mac] = state.split('.')
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    forged.startedAt = '2020-01-01T00:00:00.000Z'
    const result = await post(code, { state: `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`, [field('screen')]: '1' })
    expect(result.status).toBe(400)
    expect(result.data).toMatchObject({ reason: 'restart' })
  })
})

describe('a survey address with nothing to answer', () => {
  test('an unknown code is 404', async () => {
    expect(await open('NO-SUCH-POINT')).toMatchObject({ status: 404, data: { reason: 'unknownCode', code: 'NO-SUCH-POINT' } })
  })

  test('a campaign that has ended is 410 and says when', async () => {
    const point = await createSurveyPoint({ startsIn: -60, endsIn: -10 })
    const result = await open(point.servicePoint.code)
    expect(result).toMatchObject({ status: 410, data: { reason: 'closed' } })
    expect((result.data as { date?: string }).date).toMatch(/\d{4}$/)
  })

  test('a campaign still to come is 404 and says when it starts', async () => {
    const point = await createSurveyPoint({ startsIn: 10, endsIn: 40 })
    expect(await open(point.servicePoint.code)).toMatchObject({ status: 404, data: { reason: 'notStarted' } })
  })

  test('a lower-case code is sent to its canonical address', async () => {
    const point = await createSurveyPoint()
    const lower = point.servicePoint.code.toLowerCase()
    expect(await open(lower)).toMatchObject({ status: 302, location: `/s/${point.servicePoint.code}` })
  })
})
