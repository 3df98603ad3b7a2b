import { qrMatrix } from '../../src/features/share/qr'

/** The 7×7 finder pattern: dark ring, light ring, dark 3×3 centre. */
function hasFinderAt(modules: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r++) {
    for (let c = 0; c < 7; c++) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3))
      const expected = ring !== 2
      if (modules[top + r][left + c] !== expected) return false
    }
  }
  return true
}

describe('article QR code', () => {
  const url = 'http://127.0.0.1:8080/#/pages/detail/index?id=cjp5g3dra2&from=share'

  it('is a valid square QR symbol with the three finder patterns', () => {
    const { size, modules } = qrMatrix(url)
    expect((size - 17) % 4).toBe(0)
    expect(modules).toHaveLength(size)
    expect(modules.every((row) => row.length === size)).toBe(true)
    expect(hasFinderAt(modules, 0, 0)).toBe(true)
    expect(hasFinderAt(modules, 0, size - 7)).toBe(true)
    expect(hasFinderAt(modules, size - 7, 0)).toBe(true)
    // Timing pattern between the top finders alternates dark/light.
    for (let c = 8; c < size - 8; c++) expect(modules[6][c]).toBe(c % 2 === 0)
  })

  it('is deterministic and grows only when the link does', () => {
    expect(qrMatrix(url)).toEqual(qrMatrix(url))
    expect(qrMatrix(`${url}&x=${'a'.repeat(120)}`).size).toBeGreaterThan(qrMatrix(url).size)
  })

  it('percent-encodes non-ASCII so every byte survives', () => {
    const chinese = 'https://例子.example/#/pages/search/index?q=医保'
    expect(qrMatrix(chinese)).toEqual(qrMatrix(encodeURI(chinese)))
  })
})
