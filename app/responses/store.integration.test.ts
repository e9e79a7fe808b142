import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createSurveyPoint, storedRow } from '../../test/factories/submissions'
import { insertResponses, type StoredResponse } from './store.server'

/*
 * What insertResponses writes beside the response: a rating ticket's nonce (unique, so one
 * response per ticket) and the case a dissatisfied comment opens, in the same statement.
 */

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
let point: Point
beforeAll(async () => {
  point = await createSurveyPoint()
})

const row = (overrides: Partial<StoredResponse> = {}) => storedRow(point, { channel: 'phone', ...overrides })

describe('rating tickets', () => {
  test('a ticket stores one response; a second response with it is refused and writes nothing', async () => {
    const ticketId = `t-${randomUUID()}`
    const first = row({ ticketId })
    expect(await insertResponses([first])).toEqual([{ id: first.id, inserted: true }])
    await expect(insertResponses([row({ ticketId })])).rejects.toThrow(/ticketId/)
    expect(await prisma.response.count({ where: { ticketId } })).toBe(1)
  })

  test('a replay of the ticketed response itself is recognised by its id, not refused', async () => {
    const first = row({ ticketId: `t-${randomUUID()}` })
    await insertResponses([first])
    expect(await insertResponses([{ ...first, receiptId: 'another' }])).toEqual([
      { id: first.id, inserted: false, stored: { bodyHash: first.bodyHash, receiptId: first.receiptId } },
    ])
  })
})

describe('cases', () => {
  test('a response that opens a case stores the case with the response’s units and day', async () => {
    const caseId = `case-${randomUUID()}`
    const opening = row({ comment: { itemCode: 'comment', text: 'Chờ quá lâu' }, case: { id: caseId, dueOn: '2026-01-29' } })
    const plain = row()
    await insertResponses([opening, plain])
    const stored = await prisma.feedbackCase.findUniqueOrThrow({ where: { id: caseId } })
    expect(stored).toMatchObject({
      responseId: opening.id,
      agencyId: point.agency.id,
      provinceId: point.province.id,
      servicePointId: point.servicePoint.id,
      status: 'new',
    })
    expect(stored.openedOn.toISOString().slice(0, 10)).toBe('2026-01-15')
    expect(stored.dueOn.toISOString().slice(0, 10)).toBe('2026-01-29')
    expect(await prisma.feedbackCase.count({ where: { responseId: plain.id } })).toBe(0)
  })

  test('a replay opens no second case', async () => {
    const opening = row({ case: { id: `case-${randomUUID()}`, dueOn: '2026-01-29' } })
    await insertResponses([opening])
    await insertResponses([{ ...opening, case: { id: `case-${randomUUID()}`, dueOn: '2026-01-29' } }])
    expect(await prisma.feedbackCase.count({ where: { responseId: opening.id } })).toBe(1)
  })
})
