import { expect, test } from 'vitest'
import { z } from 'zod'
import { paperResponseId } from './response-id.server'

test('a sheet’s response id is a UUID v4, the same for the same sheet and different for another', () => {
  const id = paperResponseId('batch-1', 7)
  expect(z.uuidv4().safeParse(id).success).toBe(true)
  expect(paperResponseId('batch-1', 7)).toBe(id)
  expect(paperResponseId('batch-1', 8)).not.toBe(id)
  expect(paperResponseId('batch-2', 7)).not.toBe(id)
})
