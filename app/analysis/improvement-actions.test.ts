import { describe, expect, test } from 'vitest'
import { ImprovementActionSchema, actionOutcome, targetPeriodsFor } from './improvement-actions'

describe('whether a target was met', () => {
  test('a figure at or above the target is met; below it, not met', () => {
    expect(actionOutcome(85, { value: 85, low: 82, high: 88 }, true).status).toBe('met')
    expect(actionOutcome(85, { value: 84.996, low: 82, high: 88 }, true).status).toBe('met')
    expect(actionOutcome(85, { value: 84.99, low: 82, high: 88 }, true).status).toBe('notMet')
  })

  test('no figure (no answers, or too few to publish) is not yet measured', () => {
    expect(actionOutcome(85, null, true)).toEqual({ status: 'notMeasured', beyondNoise: false, provisional: false })
  })

  test('the verdict is beyond noise only when the whole interval is on its side of the target', () => {
    expect(actionOutcome(85, { value: 90, low: 86, high: 94 }, true).beyondNoise).toBe(true)
    expect(actionOutcome(85, { value: 87, low: 83, high: 91 }, true).beyondNoise).toBe(false)
    expect(actionOutcome(85, { value: 80, low: 76, high: 84 }, true).beyondNoise).toBe(true)
    expect(actionOutcome(85, { value: 83, low: 79, high: 87 }, true).beyondNoise).toBe(false)
    expect(actionOutcome(85, { value: 90, low: null, high: null }, true).beyondNoise).toBe(false)
  })

  test('a target period still running gives a provisional outcome', () => {
    expect(actionOutcome(85, { value: 90, low: 86, high: 94 }, false)).toEqual({ status: 'met', beyondNoise: true, provisional: true })
  })
})

describe('the action form', () => {
  const valid = {
    basePeriod: '2025',
    targetPeriod: '2026',
    criterionCode: 'access',
    action: 'Mở thêm quầy tiếp nhận buổi sáng',
    owner: 'Văn phòng UBND tỉnh',
    dueOn: '2026-06-30',
    targetValue: '85,5',
  }

  test('reads a target written with a decimal comma', () => {
    expect(ImprovementActionSchema.parse(valid).targetValue).toBe(85.5)
  })

  test.each([
    [{ targetValue: '101' }, 'targetValue', 'actions.errors.targetValue'],
    [{ targetValue: 'abc' }, 'targetValue', 'actions.errors.targetValue'],
    [{ targetValue: '' }, 'targetValue', 'actions.errors.targetValue'],
    [{ dueOn: '2026-02-30' }, 'dueOn', 'actions.errors.dueOn'],
    [{ action: '   ' }, 'action', 'actions.errors.actionRequired'],
    [{ owner: '' }, 'owner', 'actions.errors.ownerRequired'],
    [{ targetPeriod: '2025' }, 'targetPeriod', 'actions.errors.targetPeriod'],
    [{ targetPeriod: '2030' }, 'targetPeriod', 'actions.errors.targetPeriod'],
  ])('refuses %o with a message on its field', (change, field, key) => {
    const result = ImprovementActionSchema.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    expect(result.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(key)
  })

  test('offers the next three years as target periods', () => {
    expect(targetPeriodsFor('2025')).toEqual(['2026', '2027', '2028'])
  })
})
