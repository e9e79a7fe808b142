import { printablePdf } from '~/questionnaire/distribution/poster.server'
import type { ReportModel, ReportTable } from './report-model'

/*
 * The analysis report as a PDF (pdfkit, with the Vietnamese-capable fonts of printablePdf): the
 * report model drawn in order — summary, gap table, importance × performance chart (pdfkit
 * lines and circles, no image), drivers, peers, actions, methodology note. Text stays text, so
 * the document can be searched and read aloud.
 */

const MARGIN = 40
const FONT_SIZE = 8

export async function reportPdf(model: ReportModel): Promise<Buffer> {
  const { doc, finish } = printablePdf({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: model.title, Subject: model.subtitle } })
  const width = doc.page.width - 2 * MARGIN
  doc.font('bold').fontSize(16).text(model.title, { width })
  doc.font('regular').fontSize(11).fillColor('#333').text(model.subtitle, { width })
  doc.moveDown(0.5)
  doc.fillColor('#000').fontSize(10).text(model.summary, { width })
  doc.moveDown(0.8)

  drawTable(doc, model.gapTable, [3.2, 1, 1.6, 1, 1.8, 1, 1, 1])
  drawChart(doc, model.chart)
  drawTable(doc, model.driverTable, [2, 3.5, 2, 1, 1.4])
  if (model.peerTable) {
    drawTable(doc, model.peerTable, [3, 1, 1.6, 1, 1.2])
    if (model.peerNote) paragraph(doc, model.peerNote)
  }
  drawTable(doc, model.actionTable, [2.2, 3, 1.6, 1, 1, 1.2, 1.8, 1.8])

  heading(doc, model.methodologyTitle)
  for (const line of model.methodology) paragraph(doc, line)
  return finish()
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage()
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (!text) return
  ensureRoom(doc, 40)
  doc.x = MARGIN
  doc.font('bold').fontSize(12).fillColor('#000').text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN })
  doc.moveDown(0.3)
}

function paragraph(doc: PDFKit.PDFDocument, text: string) {
  const width = doc.page.width - 2 * MARGIN
  doc.font('regular').fontSize(9).fillColor('#000')
  ensureRoom(doc, doc.heightOfString(text, { width }) + 4)
  doc.text(text, MARGIN, doc.y, { width })
  doc.moveDown(0.3)
}

/** A table with a header row repeated on each new page; column widths in proportions. */
function drawTable(doc: PDFKit.PDFDocument, table: ReportTable, proportions: readonly number[]) {
  heading(doc, table.caption)
  const width = doc.page.width - 2 * MARGIN
  const total = proportions.reduce((sum, part) => sum + part, 0)
  const widths = proportions.map((part) => (part / total) * width)
  const padding = 3
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(FONT_SIZE)
    return Math.max(...cells.map((cell, at) => doc.heightOfString(cell || ' ', { width: widths[at]! - 2 * padding }))) + 2 * padding
  }
  const drawRow = (cells: readonly string[], font: string, shade: boolean) => {
    const height = rowHeight(cells, font)
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage()
      if (font !== 'bold') drawRow(table.columns, 'bold', true)
    }
    const top = doc.y
    if (shade) doc.rect(MARGIN, top, width, height).fill('#eeeeee')
    let x = MARGIN
    doc.font(font).fontSize(FONT_SIZE).fillColor('#000')
    cells.forEach((cell, at) => {
      doc.text(cell, x + padding, top + padding, { width: widths[at]! - 2 * padding, align: table.numeric[at] ? 'right' : 'left' })
      x += widths[at]!
    })
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(0.3).strokeColor('#999').stroke()
    doc.x = MARGIN
    doc.y = top + height
  }
  if (table.rows.length === 0) return
  drawRow(table.columns, 'bold', true)
  for (const row of table.rows) drawRow(row, 'regular', false)
  doc.moveDown(0.8)
}

/** Importance (x) against performance (y): the "fix first" corner is bottom right, shaded. */
function drawChart(doc: PDFKit.PDFDocument, chart: ReportModel['chart']) {
  if (chart.points.length === 0) return
  const plotWidth = 420
  const plotHeight = 230
  ensureRoom(doc, plotHeight + 80)
  heading(doc, chart.title)
  const left = MARGIN + 50
  const top = doc.y + 5
  const maxX = Math.max(...chart.points.map((point) => point.importance), chart.importanceCut ?? 0) * 1.1 || 1
  const minY = Math.max(0, Math.floor(Math.min(...chart.points.map((point) => point.performance), chart.performanceCut ?? 100) / 10) * 10 - 10)
  const x = (value: number) => left + (Math.max(0, value) / maxX) * plotWidth
  const y = (value: number) => top + plotHeight - ((value - minY) / (100 - minY)) * plotHeight
  if (chart.importanceCut !== null && chart.performanceCut !== null) {
    doc.rect(x(chart.importanceCut), y(chart.performanceCut), left + plotWidth - x(chart.importanceCut), top + plotHeight - y(chart.performanceCut)).fill('#fde2e2')
    doc.font('bold').fontSize(FONT_SIZE).fillColor('#a40000').text(chart.fixFirstLabel, x(chart.importanceCut) + 4, top + plotHeight - 12)
    doc.moveTo(x(chart.importanceCut), top).lineTo(x(chart.importanceCut), top + plotHeight).dash(3, { space: 3 }).strokeColor('#666').stroke().undash()
    doc.moveTo(left, y(chart.performanceCut)).lineTo(left + plotWidth, y(chart.performanceCut)).dash(3, { space: 3 }).strokeColor('#666').stroke().undash()
  }
  doc.rect(left, top, plotWidth, plotHeight).lineWidth(0.8).strokeColor('#000').stroke()
  doc.font('regular').fontSize(7).fillColor('#000')
  for (let tick = minY; tick <= 100; tick += 10) doc.text(String(tick), left - 22, y(tick) - 3, { width: 18, align: 'right' })
  doc.text('0', left - 3, top + plotHeight + 3)
  doc.text(maxX.toFixed(2), left + plotWidth - 20, top + plotHeight + 3, { width: 30 })
  chart.points.forEach((point, at) => {
    doc.circle(x(point.importance), y(point.performance), 3).fill(point.fixFirst ? '#c00000' : '#555555')
    doc.fillColor('#000').fontSize(6.5).text(String(at + 1), x(point.importance) + 4, y(point.performance) - 4, { lineBreak: false })
  })
  doc.fontSize(FONT_SIZE).fillColor('#000').text(chart.xLabel, left, top + plotHeight + 14, { width: plotWidth, align: 'center' })
  doc.save().rotate(-90, { origin: [MARGIN + 8, top + plotHeight / 2] }).text(chart.yLabel, MARGIN + 8 - plotHeight / 2, top + plotHeight / 2 - 4, { width: plotHeight, align: 'center' }).restore()
  // The key: each numbered point's criterion, beside the plot.
  const keyLeft = left + plotWidth + 16
  const keyWidth = doc.page.width - MARGIN - keyLeft
  let keyY = top
  doc.fontSize(7)
  chart.points.forEach((point, at) => {
    const line = `${at + 1}. ${point.label}`
    doc.fillColor(point.fixFirst ? '#a40000' : '#000').text(line, keyLeft, keyY, { width: keyWidth })
    keyY += doc.heightOfString(line, { width: keyWidth }) + 1
  })
  doc.fillColor('#000')
  doc.x = MARGIN
  doc.y = Math.max(top + plotHeight + 30, keyY) + 10
}
