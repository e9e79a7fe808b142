import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { SelectField } from './select-field'

const options = [
  { value: 'hp', label: 'Hải Phòng' },
  { value: 'hn', label: 'Hà Nội' },
]
const render = (props: Partial<Parameters<typeof SelectField>[0]>) =>
  renderToStaticMarkup(createElement(SelectField, { name: 'province', label: 'Province', options, ...props }))

test('an empty choice is an ordinary first option with the value ""', () => {
  const html = render({ empty: 'National' })
  expect(html).toContain('<option value="" selected="">National</option><option value="hp">')
})

test('a prompt is a first option that starts selected but cannot be chosen', () => {
  const html = render({ prompt: 'Choose a province' })
  expect(html).toContain('<option value="" disabled="" selected="">Choose a province</option><option value="hp">')
  expect(render({ prompt: 'Choose a province', value: 'hn' })).toContain('<option value="hn" selected="">Hà Nội</option>')
})
