import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { StatusNotice } from './status-notice'

test('a message is a status notice; no message renders nothing', () => {
  expect(renderToStaticMarkup(createElement(StatusNotice, { message: 'Đã lưu' }))).toBe('<p class="notice" role="status">Đã lưu</p>')
  expect(renderToStaticMarkup(createElement(StatusNotice, { message: null }))).toBe('')
})
