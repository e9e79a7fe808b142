import { describe, expect, test } from 'vitest'
import { posterPdf } from './poster.server'
import { qrPng, qrSvg } from './qr.server'
import { surveyUrl } from './survey-link'

const url = surveyUrl('https://sipas.example.gov.vn', 'HN-TTHCC-01')

describe('distribution', () => {
  test('a service point links to its phone survey by code', () => {
    expect(url).toBe('https://sipas.example.gov.vn/s/HN-TTHCC-01')
    expect(surveyUrl('http://localhost:3000', 'A B')).toBe('http://localhost:3000/s/A%20B')
  })

  test('the QR code comes as an SVG document and as a PNG image', async () => {
    expect(await qrSvg(url)).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/)
    const png = await qrPng(url)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
  })

  test('the A4 poster is a PDF whose link points at the survey', async () => {
    const pdf = await posterPdf({ url, code: 'HN-TTHCC-01', name: 'Trung tâm Phục vụ hành chính công', nameEn: 'Public service centre' })
    const text = pdf.toString('latin1')
    expect(text.startsWith('%PDF-')).toBe(true)
    expect(text).toContain(`/URI (${url})`)
    // A4 in points.
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
    // Embedding the font takes a few seconds on a busy 2-core machine.
  }, 30_000)
})
