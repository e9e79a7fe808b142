import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Writable } from 'node:stream'
import { createElement, type ReactElement } from 'react'
import type { renderToPipeableStream as RenderToPipeableStream } from 'react-dom/server'
import { describe, expect, test } from 'vitest'

// react-dom 18.3.1's Node stream writer sent its whole 2,048-byte buffer, zero bytes included,
// when a multi-byte character did not fit in what was left of it; patches/react-dom+18.3.1.patch
// fixes both builds server.node.js picks from (docs/decisions/016-react-dom-stream-patch.md).
const VIEW_SIZE = 2048
const require = createRequire(import.meta.url)
const reactDomDir = dirname(require.resolve('react-dom/package.json'))
const builds = ['react-dom-server.node.development.js', 'react-dom-server.node.production.min.js']

function render(renderToPipeableStream: typeof RenderToPipeableStream, element: ReactElement) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk))
        done()
      },
    })
    sink.on('finish', () => resolve(Buffer.concat(chunks)))
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onError: reject })
  })
}

describe.each(builds)('%s', (build) => {
  const { renderToPipeableStream } = require(join(reactDomDir, 'cjs', build)) as {
    renderToPipeableStream: typeof RenderToPipeableStream
  }

  test('a Vietnamese character across the 2,048-byte buffer boundary is written once, with no zero bytes', async () => {
    // Each text stays under a third of the buffer, so the writer copies it into the buffer
    // instead of sending it on its own; the padding puts 'ố' (3 bytes) one byte before the end.
    const filler = ['a'.repeat(600), 'b'.repeat(600), 'c'.repeat(600)]
    const opening = `<div>${filler.map((text) => `<p>${text}</p>`).join('')}<p>`
    const padding = 'd'.repeat(VIEW_SIZE - 1 - Buffer.byteLength(opening))
    const text = `${padding}ố Hồ Chí Minh, thành phố Đà Nẵng`
    const expected = `${opening}${text}</p></div>`
    expect(Buffer.byteLength(`${opening}${padding}`)).toBe(VIEW_SIZE - 1)

    const element = createElement('div', null, ...[...filler, text].map((t, i) => createElement('p', { key: i }, t)))
    const bytes = await render(renderToPipeableStream, element)

    expect(bytes.includes(0)).toBe(false)
    expect(bytes.equals(Buffer.from(expected))).toBe(true)
  })
})
