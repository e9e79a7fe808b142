import { existsSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { qrPng } from './qr.server'

/**
 * The A4 poster for a service point: its name, a short invitation in Vietnamese and English,
 * the QR code and the link written out for people who type it. The link is also a PDF link
 * annotation, so the poster is clickable when shared as a file.
 */

// NOTE: PDF's built-in fonts have no Vietnamese diacritics. DejaVu Sans has them and ships
// with Debian (fonts-dejavu-core, also a dependency of chromium); the server needs it installed.
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu']
const REGULAR = 'DejaVuSans.ttf'
const BOLD = 'DejaVuSans-Bold.ttf'

export type PosterInput = {
  url: string
  code: string
  name: string
  nameEn: string
}

export async function posterPdf(input: PosterInput): Promise<Buffer> {
  const qr = await qrPng(input.url, 900)
  const { doc, finish } = printablePdf({
    size: 'A4',
    margin: 56,
    info: { Title: `SIPAS – ${input.name}`, Subject: input.url },
  })

  const width = doc.page.width - 112
  doc.font('bold').fontSize(26).text('Ý kiến của bạn giúp chúng tôi phục vụ tốt hơn', { align: 'center', width })
  doc.moveDown(0.3)
  doc.font('regular').fontSize(15).fillColor('#444').text('Your opinion helps us serve you better', { align: 'center', width })
  doc.moveDown(1)
  doc.fillColor('#000').font('bold').fontSize(18).text(input.name, { align: 'center', width })
  doc.font('regular').fontSize(13).fillColor('#444').text(input.nameEn, { align: 'center', width })

  const qrSize = 300
  const qrTop = doc.y + 24
  doc.image(qr, (doc.page.width - qrSize) / 2, qrTop, { width: qrSize, height: qrSize })
  doc.y = qrTop + qrSize + 24

  doc.fillColor('#000').font('regular').fontSize(14)
  doc.text(
    'Quét mã QR bằng điện thoại để trả lời phiếu khảo sát sự hài lòng sau khi nhận kết quả giải quyết thủ tục hành chính. Khảo sát ẩn danh, mất khoảng 10 phút.',
    { align: 'center', width },
  )
  doc.moveDown(0.5)
  doc.fillColor('#444').fontSize(12)
  doc.text(
    'Scan the QR code with your phone to tell us how satisfied you are, once you have received the result of your procedure. The survey is anonymous and takes about 10 minutes.',
    { align: 'center', width },
  )
  doc.moveDown(1.2)
  doc.fillColor('#000').font('bold').fontSize(14).text(input.url, { align: 'center', width, link: input.url, underline: true })
  doc.moveDown(0.3)
  doc.font('regular').fontSize(12).text(`Mã điểm phục vụ / Service point code: ${input.code}`, { align: 'center', width })
  return finish()
}

/**
 * A PDF document with the Vietnamese-capable fonts registered as 'regular' and 'bold', and
 * `finish()`, which ends it and gives its bytes. Posters and ticket sheets are drawn on one.
 */
export function printablePdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; finish: () => Promise<Buffer> } {
  const fonts = requireFonts()
  const doc = new PDFDocument(options)
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  return {
    doc,
    finish() {
      doc.end()
      return done
    },
  }
}

function requireFonts() {
  const dir = FONT_DIRS.find((candidate) => existsSync(`${candidate}/${REGULAR}`) && existsSync(`${candidate}/${BOLD}`))
  if (!dir) throw new Error(`Poster fonts missing: install DejaVu Sans (${FONT_DIRS.join(', ')})`)
  return { regular: `${dir}/${REGULAR}`, bold: `${dir}/${BOLD}` }
}
