// Compares two built H5 sites file by file, for changes to how the prerender works (not what it
// shows): every file must be byte-identical, except that
//   - a .png may be compressed differently if its header, palette and pixels are the same;
//   - a .br / .gz copy may differ if it decompresses to the same bytes as the other's.
// Prints the counts and every difference; exits 1 on any.
//
//   npx tsx scripts/site/compare-sites.ts <reference dist/h5 copy> [dist/h5]
//
// Determinism: prerender twice (`npm run prerender`), keeping a copy between, and compare them.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

function walk(dir: string, under = ''): string[] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(under, entry.name)
    return entry.isDirectory() ? walk(dir, file) : [file]
  })
}

/** A PNG's IHDR, PLTE and decompressed IDAT: what it shows, whatever its compression. */
function pngImage(file: Buffer): Buffer {
  const parts: Buffer[] = []
  const idat: Buffer[] = []
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at)
    const type = file.toString('ascii', at + 4, at + 8)
    const data = file.subarray(at + 8, at + 8 + length)
    if (type === 'IDAT') idat.push(data)
    else if (type !== 'IEND') parts.push(Buffer.from(type), data)
    at += 12 + length
  }
  return Buffer.concat([...parts, zlib.inflateSync(Buffer.concat(idat))])
}

function decoded(file: string, body: Buffer): Buffer {
  if (file.endsWith('.br')) return zlib.brotliDecompressSync(body)
  if (file.endsWith('.gz')) return zlib.gunzipSync(body)
  return pngImage(body)
}

function main(): void {
  const [referenceArg, currentArg] = process.argv.slice(2)
  if (!referenceArg) throw new Error('Usage: npx tsx scripts/site/compare-sites.ts <reference dist/h5 copy> [dist/h5]')
  const reference = path.resolve(referenceArg)
  const current = path.resolve(currentArg || path.join(__dirname, '..', '..', 'dist', 'h5'))
  const referenceFiles = new Set(walk(reference))
  const currentFiles = new Set(walk(current))
  const problems: string[] = []
  let identical = 0
  let sameDecoded = 0
  for (const file of referenceFiles) if (!currentFiles.has(file)) problems.push(`missing: ${file}`)
  for (const file of currentFiles) if (!referenceFiles.has(file)) problems.push(`extra: ${file}`)
  for (const file of referenceFiles) {
    if (!currentFiles.has(file)) continue
    const a = fs.readFileSync(path.join(reference, file))
    const b = fs.readFileSync(path.join(current, file))
    if (a.equals(b)) {
      identical++
      continue
    }
    if (/\.(?:png|br|gz)$/.test(file)) {
      let same = false
      try {
        same = decoded(file, a).equals(decoded(file, b))
      } catch (error) {
        problems.push(`${file}: does not decode (${error instanceof Error ? error.message : error})`)
        continue
      }
      if (same) {
        sameDecoded++
        continue
      }
    }
    problems.push(`differs: ${file}`)
  }
  console.log(`${identical} files byte-identical, ${sameDecoded} the same once decoded (.png pixels, .br/.gz contents), ${problems.length} differences`)
  for (const problem of problems.slice(0, 50)) console.log(`  ${problem}`)
  if (problems.length > 50) console.log(`  … and ${problems.length - 50} more`)
  if (problems.length) process.exit(1)
}

main()
