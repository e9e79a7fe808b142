import { expect, test } from 'vitest'
import { FreezeSchema, GroupsSchema, SipasPointsFormSchema } from './admin-forms'

test('freezing an inner peer group needs a province; a national one drops it', () => {
  expect(FreezeSchema.safeParse({ year: '2025', index: 'SIPAS', group: 'communes', province: '' }).error?.issues[0]).toMatchObject({
    path: ['province'],
    message: 'admin.errors.provinceRequired',
  })
  expect(FreezeSchema.parse({ year: '2025', index: 'SIPAS', group: 'provinces', province: 'p34-31' })).toEqual({
    year: 2025,
    index: 'SIPAS',
    group: 'provinces',
    province: null,
  })
})

test('an empty freeze form reports each field with an i18n key', () => {
  const messages = FreezeSchema.safeParse({}).error?.issues.map((issue) => [issue.path.join('.'), issue.message])
  expect(messages).toEqual([
    ['year', 'admin.errors.year'],
    ['index', 'admin.errors.index'],
    ['group', 'admin.errors.group'],
  ])
})

test('bands are parsed from their text form', () => {
  expect(GroupsSchema.parse({ year: '2024', index: 'PAR_INDEX', bands: 'A:90, B:80' }).bands).toEqual([
    { group: 'A', min: 90 },
    { group: 'B', min: 80 },
  ])
  expect(GroupsSchema.safeParse({ year: '2024', index: 'PAR_INDEX', bands: 'A 90' }).error?.issues[0]?.message).toBe('admin.errors.bands')
})

test('criterion points accept a decimal comma and must be above 0 and at most 100', () => {
  expect(SipasPointsFormSchema.parse({ year: '2025', points: '2,5' }).points).toBe(2.5)
  for (const points of ['', '0', 'abc', '101']) {
    expect(SipasPointsFormSchema.safeParse({ year: '2025', points }).error?.issues[0]?.message, points).toBe('admin.errors.points')
  }
})
