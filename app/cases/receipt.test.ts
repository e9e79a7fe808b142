import { describe, expect, test } from 'vitest'
import { normaliseReceipt } from './receipt'

describe('a receipt typed back', () => {
  test.each([
    ['K7Q2-M9XD-3FHA', 'K7Q2-M9XD-3FHA'],
    [' k7q2 m9xd 3fha ', 'K7Q2-M9XD-3FHA'],
    ['k7q2m9xd3fha', 'K7Q2-M9XD-3FHA'],
    ['KOQ2-M9XD-3FHL', 'K0Q2-M9XD-3FH1'],
  ])('%j reads as %s', (typed, receipt) => {
    expect(normaliseReceipt(typed)).toBe(receipt)
  })

  test.each(['', 'K7Q2-M9XD', 'K7Q2-M9XD-3FHA-1234', 'K7Q2-M9XD-3FHU', 'K7Q2-M9XD-3FH!'])('%j is not a receipt', (typed) => {
    expect(normaliseReceipt(typed)).toBeNull()
  })
})
