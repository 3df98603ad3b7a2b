// Brotli and gzip copies beside every text file of the H5 build (x.js → x.js.br, x.js.gz), made
// once at build time at the highest levels, so a server or CDN only has to pick one
// (scripts/serve.mjs does; README says what a static host needs).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const TEXT = /\.(?:html|js|mjs|css|json|svg|txt|xml|map|webmanifest)$/i
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 256

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(file) : [file]
  })
}

export function precompressDir(dir: string): { files: number; raw: number; br: number; gz: number } {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 }
  for (const file of walk(dir)) {
    if (!TEXT.test(file) || file.endsWith('.LICENSE.txt')) continue
    const body = fs.readFileSync(file)
    if (body.length < MIN_BYTES) continue
    const br = zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    })
    const gz = zlib.gzipSync(body, { level: 9 })
    fs.writeFileSync(`${file}.br`, br)
    fs.writeFileSync(`${file}.gz`, gz)
    totals.files++
    totals.raw += body.length
    totals.br += br.length
    totals.gz += gz.length
  }
  return totals
}
