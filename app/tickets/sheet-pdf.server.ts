import { printablePdf } from '~/questionnaire/distribution/poster.server'
import { qrPng } from '~/questionnaire/distribution/qr.server'

/**
 * A printed sheet of rating tickets as an A4 PDF: ten cut-out tickets a page, each with its QR
 * code, its address written out (also a link), the service point and a one-line instruction in
 * Vietnamese and English. Nothing about citizens: the tickets are handed out blank.
 */

export type TicketSheetInput = {
  servicePoint: { code: string; name: string; nameEn: string }
  /** DD/MM/YYYY, the tickets' last day. */
  validUntil: string
  urls: string[]
}

const MARGIN = 28
const COLUMNS = 2
const ROWS = 5
const PADDING = 10
const QR_SIZE = 112

export async function ticketSheetPdf(input: TicketSheetInput): Promise<Buffer> {
  const qrs = await Promise.all(input.urls.map((url) => qrPng(url, 400)))
  const { doc, finish } = printablePdf({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: `SIPAS – Phiếu đánh giá / Rating tickets – ${input.servicePoint.code}` },
  })

  input.urls.forEach((url, index) => {
    const slot = index % (COLUMNS * ROWS)
    if (slot === 0) doc.addPage()
    const width = (doc.page.width - 2 * MARGIN) / COLUMNS
    const height = (doc.page.height - 2 * MARGIN) / ROWS
    const x = MARGIN + (slot % COLUMNS) * width
    const y = MARGIN + Math.floor(slot / COLUMNS) * height
    // Cut lines.
    doc.save().dash(3, { space: 3 }).lineWidth(0.5).strokeColor('#888').rect(x, y, width, height).stroke().restore()

    doc.image(qrs[index]!, x + PADDING, y + PADDING, { width: QR_SIZE, height: QR_SIZE })
    doc.link(x + PADDING, y + PADDING, QR_SIZE, QR_SIZE, url)
    const textX = x + PADDING * 2 + QR_SIZE
    const textWidth = width - QR_SIZE - PADDING * 3
    doc.fillColor('#000').font('bold').fontSize(9).text('Phiếu đánh giá sự hài lòng', textX, y + PADDING, { width: textWidth })
    doc.font('regular').fontSize(7).fillColor('#444').text('Satisfaction rating ticket', { width: textWidth })
    doc.moveDown(0.3).fillColor('#000').font('bold').fontSize(7.5).text(input.servicePoint.name, { width: textWidth })
    doc.moveDown(0.3).font('regular').fontSize(7.5)
    doc.text('Quét mã QR để đánh giá thủ tục Ông/Bà vừa nhận kết quả. Mã chỉ dùng một lần.', { width: textWidth })
    doc.fillColor('#444').fontSize(6.5)
    doc.text('Scan the QR code to rate the procedure whose result you just received. Single use.', { width: textWidth })
    doc.moveDown(0.3).fillColor('#000').fontSize(6.5).text(`Hạn dùng / Valid until: ${input.validUntil}`, { width: textWidth })
    doc.font('regular').fontSize(5.5).fillColor('#000')
    doc.text(url, x + PADDING, y + PADDING * 1.5 + QR_SIZE, { width: width - 2 * PADDING, link: url, lineBreak: true })
  })
  return finish()
}
