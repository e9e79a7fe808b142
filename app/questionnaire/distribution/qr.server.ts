import QRCode from 'qrcode'

// Level M survives a scuffed or partly covered poster and keeps the code coarse enough for
// cheap phone cameras at arm's length.
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const

/** Print size: 1,200 px is 10 cm at 300 dpi. */
const QR_PNG_WIDTH = 1200

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' })
}

export function qrPng(url: string, width = QR_PNG_WIDTH): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width })
}
