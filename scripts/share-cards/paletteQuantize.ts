// Opaque RGBA pixels → at most 256 colours (16 for the share cards) and one index per pixel: the
// half of the palette PNG (scripts/share-cards/palettePng.ts) that needs no Node API.

export interface Pixels {
  width: number
  height: number
  rgba: ArrayLike<number>
}

export interface IndexedPixels {
  width: number
  height: number
  /** 0xRRGGBB, in order of first appearance. */
  palette: number[]
  indices: Uint8Array
}

const MAX_EXACT_COLOURS = 0xffff
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/**
 * The image in at most `maxColours` colours (at most 256; 16 fits a 4-bit PNG, half the bytes of
 * 8-bit). A card is a few flat colours plus the anti-aliased edges between them (~1,500 colours
 * at 800×640): every colour that fills an area is kept exactly, then the colours that would
 * otherwise be worst matched (pixel count × squared distance to the nearest kept colour), which
 * are the middle steps of the text's anti-aliasing; every pixel then takes the nearest kept
 * colour. Deterministic: ties go to the colour seen first.
 */
export function quantizePalette({ width, height, rgba }: Pixels, maxColours = 256): IndexedPixels {
  const count = width * height
  // Past 65,535 colours (a photograph, never a card) channels are rounded until they fit.
  for (let step = 1; ; step *= 2) {
    // Unrounded, a pixel's key is its four bytes read as one 32-bit word (little-endian:
    // 0xAABBGGRR; the alpha byte is dropped from the table's key, the pixels are opaque) when they
    // sit in an aligned typed array: 10,000 cards are drawn per build.
    const wordKeys = step === 1 && littleEndian && isAlignedBytes(rgba)
    const keys = wordKeys ? new Uint32Array(rgba.buffer, rgba.byteOffset, count) : roundedKeys(rgba, count, step)
    const table = new ColourTable()
    const counted = countKeys(keys, table)
    if (!counted) continue
    const colours = wordKeys ? counted.keys.map((k) => ((k & 0xff) << 16) | (k & 0xff00) | ((k >>> 16) & 0xff)) : counted.keys
    const { kept, nearestKept } = choosePalette(colours, counted.counts, Math.min(256, maxColours))
    const indices = mapKeys(keys, table, nearestKept)
    return { width, height, palette: kept.map((i) => colours[i]), indices }
  }
}

/** Each pixel's colour as 0xRRGGBB with every channel rounded to a multiple of `step`. */
function roundedKeys(rgba: ArrayLike<number>, count: number, step: number): Uint32Array {
  const q = new Uint8Array(256)
  for (let v = 0; v < 256; v++) q[v] = Math.min(255, Math.round(v / step) * step)
  const keys = new Uint32Array(count)
  for (let p = 0; p < count; p++) keys[p] = (q[rgba[p * 4]] << 16) | (q[rgba[p * 4 + 1]] << 8) | q[rgba[p * 4 + 2]]
  return keys
}

/**
 * Colour key (24 bits) → its position in the image's colours, as an open-addressing hash table: a
 * card has ~1,500 colours, so the table stays in the processor's cache where a flat 16M-entry
 * table would miss it on nearly every look-up (measured: about a third of a card's CPU time).
 */
class ColourTable {
  private slots = new Int32Array(4096).fill(-1)
  private positions = new Uint16Array(4096)
  private size = 0

  /** The key's position, or -1. */
  get(key: number): number {
    const mask = this.slots.length - 1
    for (let h = Math.imul(key, 0x9e3779b1) >>> 20 & mask; ; h = (h + 1) & mask) {
      const slot = this.slots[h]
      if (slot === key) return this.positions[h]
      if (slot === -1) return -1
    }
  }

  set(key: number, position: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow()
    const mask = this.slots.length - 1
    let h = Math.imul(key, 0x9e3779b1) >>> 20 & mask
    while (this.slots[h] !== -1) h = (h + 1) & mask
    this.slots[h] = key
    this.positions[h] = position
    this.size++
  }

  private grow(): void {
    const { slots, positions } = this
    this.slots = new Int32Array(slots.length * 2).fill(-1)
    this.positions = new Uint16Array(slots.length * 2)
    this.size = 0
    for (let h = 0; h < slots.length; h++) if (slots[h] !== -1) this.set(slots[h], positions[h])
  }
}

/**
 * The image's colour keys in order of first appearance and how many pixels have each, entered in
 * `table` (key → position); null past MAX_EXACT_COLOURS.
 */
function countKeys(keys: Uint32Array, table: ColourTable): { keys: number[]; counts: number[] } | null {
  const found: number[] = []
  const counts: number[] = []
  // Runs of one colour are most of a card: the table is read once a run.
  let lastKey = -1
  let slot = 0
  let run = 0
  for (let p = 0; p < keys.length; p++) {
    const raw = keys[p]
    if (raw === lastKey) {
      run++
      continue
    }
    if (run) counts[slot] += run
    lastKey = raw
    run = 1
    const key = raw & 0xffffff
    slot = table.get(key)
    if (slot < 0) {
      if (found.length === MAX_EXACT_COLOURS) return null
      slot = found.length
      found.push(key)
      counts.push(0)
      table.set(key, slot)
    }
  }
  if (run) counts[slot] += run
  return { keys: found, counts }
}

/** Each pixel's index in the kept palette, through `table` (key → colour) and `nearestKept`. */
function mapKeys(keys: Uint32Array, table: ColourTable, nearestKept: Uint8Array): Uint8Array {
  const indices = new Uint8Array(keys.length)
  let lastKey = -1
  let lastIndex = 0
  for (let p = 0; p < keys.length; p++) {
    const raw = keys[p]
    if (raw !== lastKey) {
      lastKey = raw
      lastIndex = nearestKept[table.get(raw & 0xffffff)]
    }
    indices[p] = lastIndex
  }
  return indices
}

function isAlignedBytes(data: ArrayLike<number>): data is Uint8Array | Uint8ClampedArray {
  return (data instanceof Uint8Array || data instanceof Uint8ClampedArray) && data.byteOffset % 4 === 0
}

/** Pixels of a flat colour area: kept exactly when the palette shrinks (backgrounds, chips, notices). */
const FLAT_AREA_PIXELS = 2000

/** Which colours to keep (positions in `colours`) and, for every colour, the kept one nearest to it. */
function choosePalette(colours: number[], counts: number[], maxColours: number): { kept: number[]; nearestKept: Uint8Array } {
  const distance = (a: number, b: number) => {
    // Weighted like the eye (green most, blue least), so the kept steps follow lightness.
    const dr = ((a >> 16) & 255) - ((b >> 16) & 255)
    const dg = ((a >> 8) & 255) - ((b >> 8) & 255)
    const db = (a & 255) - (b & 255)
    return 3 * dr * dr + 4 * dg * dg + 2 * db * db
  }
  const kept: number[] = []
  // Distance of each colour to its nearest kept colour, and which one that is.
  const nearest = new Float64Array(colours.length).fill(Infinity)
  const nearestKept = new Uint8Array(colours.length)
  const keep = (i: number) => {
    const k = kept.length
    kept.push(i)
    for (let j = 0; j < colours.length; j++) {
      const d = distance(colours[j], colours[i])
      if (d < nearest[j]) {
        nearest[j] = d
        nearestKept[j] = k
      }
    }
  }
  if (colours.length <= maxColours) {
    colours.forEach((_, i) => keep(i))
    return { kept, nearestKept }
  }
  const flats = Array.from(colours.keys())
    .filter((i) => counts[i] >= FLAT_AREA_PIXELS)
    .sort((a, b) => counts[b] - counts[a] || a - b)
  for (const i of flats.slice(0, maxColours)) keep(i)
  while (kept.length < maxColours) {
    let best = -1
    let bestScore = 0
    for (let j = 0; j < colours.length; j++) {
      const score = counts[j] * nearest[j]
      if (score > bestScore) {
        bestScore = score
        best = j
      }
    }
    if (best < 0) break
    keep(best)
  }
  return { kept, nearestKept }
}
