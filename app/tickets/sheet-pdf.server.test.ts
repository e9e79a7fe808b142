import { expect, test } from 'vitest'
import { ticketSheetPdf } from './sheet-pdf.server'

test('a sheet of twelve tickets is two A4 pages with a link for each ticket', async () => {
  const urls = Array.from({ length: 12 }, (_, i) => `https://sipas.example.vn/t/k1.ticket-${i}.mac`)
  const pdf = await ticketSheetPdf({ servicePoint: { code: '31TP', name: 'Sở Tư pháp', nameEn: 'Department of Justice' }, validUntil: '21/12/2026', urls })
  const text = pdf.toString('latin1')
  expect(text.startsWith('%PDF-')).toBe(true)
  expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2)
  for (const url of urls) expect(text).toContain(`(${url})`)
})
