// QR code of an article's H5 link for the poster, via qrcode-generator (maintained, ES5, no deps).
import qrcode from 'qrcode-generator'

/** Square module matrix: `modules[row][col]` is true for a dark module. */
export interface QrMatrix {
  size: number
  modules: boolean[][]
}

/**
 * Encodes `text` (a URL) at error-correction level M: enough redundancy for a phone camera
 * reading a poster photo, while keeping modules large. Non-ASCII characters are percent-encoded
 * first because the library's default byte mode keeps only the low byte of each character.
 */
export function qrMatrix(text: string): QrMatrix {
  const ascii = /^[\x20-\x7e]*$/.test(text) ? text : encodeURI(text)
  const qr = qrcode(0, 'M')
  qr.addData(ascii, 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const modules: boolean[][] = []
  for (let row = 0; row < size; row++) {
    const line: boolean[] = []
    for (let col = 0; col < size; col++) line.push(qr.isDark(row, col))
    modules.push(line)
  }
  return { size, modules }
}
