import { expect, test } from 'vitest'
import { pageTitle } from './page-title'

test('the title is the one the loader returned, or the product name when there is no data', () => {
  expect(pageTitle({ data: { title: 'Người dùng' } })).toEqual([{ title: 'Người dùng' }])
  expect(pageTitle({ data: undefined })).toEqual([{ title: 'SIPAS' }])
})
