import { describe, expect, test } from 'vitest'
import { fieldErrorsOf } from '~/forms/field-errors'
import { PlanFormSchema } from './plan-form'

describe('the plan form', () => {
  test('reads a plan, the margin and confidence as typed or by default', () => {
    expect(PlanFormSchema.parse({ servicePointId: 'sp', populationN: '2000', marginOfError: '', confidence: '' })).toEqual({
      servicePointId: 'sp',
      populationN: 2000,
      marginOfError: 0.05,
      confidence: 0.95,
    })
    expect(PlanFormSchema.parse({ servicePointId: 'sp', populationN: '150', marginOfError: '0,1', confidence: '0.9' })).toMatchObject({ marginOfError: 0.1, confidence: 0.9 })
  })

  test('refuses each bad field with its own message', () => {
    const parsed = PlanFormSchema.safeParse({ servicePointId: 'sp', populationN: '-3', marginOfError: '0', confidence: '0.8' })
    expect(parsed.success).toBe(false)
    expect(fieldErrorsOf(parsed.error!)).toEqual({
      populationN: { key: 'plan.errors.populationN' },
      marginOfError: { key: 'plan.errors.marginOfError' },
      confidence: { key: 'plan.errors.confidence' },
    })
  })
})
