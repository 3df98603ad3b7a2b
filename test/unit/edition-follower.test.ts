// The mini-program's edition checks (src/core/edition.ts): a manifest from the host is accepted
// only in the published shape, a catalog must fit its manifest, the plan downloads only what is
// not held, and the pure-JS SHA-256 agrees with Node's.
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { catalogMismatch, editionFileName, hashOfEditionFileName, MAX_FILE_BYTES, planDownload, readEditionManifest, sha256Hex, type EditionManifest } from '../../src/core/edition'
import { publishEdition } from '../support/edition-publisher'

const dataDir = path.resolve(__dirname, '../../src/data')
const nodeSha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

/** The manifest of the packaged library, as a host would publish it. */
function packagedManifest(): EditionManifest {
  const published = publishEdition(dataDir)
  const check = readEditionManifest(published.manifest)
  if (!check.ok) throw new Error(check.reason)
  return check.manifest
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

describe('readEditionManifest', () => {
  const good = packagedManifest()

  test('accepts the published shape of the packaged library and lists every data file', () => {
    const check = readEditionManifest(clone(good))
    expect(check).toEqual({ ok: true, manifest: good })
    expect(good.files.map((f) => f.name).sort()).toEqual(['articles-000', 'catalog', 'list-000', 'related-000', 'search-index'])
  })

  const hostile: Array<[string, (m: any) => unknown]> = [
    ['not an object', () => 'edition'],
    ['an array', () => [1]],
    ['another format', (m) => ({ ...m, format: 2 })],
    ['a version with capitals', (m) => ({ ...m, version: m.version.toUpperCase() })],
    ['a version that is a path', (m) => ({ ...m, version: '../../../etc' })],
    ['a negative article count', (m) => ({ ...m, articleCount: -1 })],
    ['a fractional article count', (m) => ({ ...m, articleCount: 1.5 })],
    ['no files', (m) => ({ ...m, files: [] })],
    ['a path outside the edition folder', (m) => ({ ...m, files: m.files.map((f: any) => (f.name === 'list-000' ? { ...f, path: `${m.version}/../list-000.json` } : f)) })],
    ['a path to another host', (m) => ({ ...m, files: m.files.map((f: any) => (f.name === 'catalog' ? { ...f, path: 'https://evil.example/catalog.json' } : f)) })],
    ['an absolute path', (m) => ({ ...m, files: m.files.map((f: any) => (f.name === 'catalog' ? { ...f, path: `/${m.version}/catalog.json` } : f)) })],
    ['a path of another version', (m) => ({ ...m, files: m.files.map((f: any) => (f.name === 'catalog' ? { ...f, path: `000000000000/catalog.json` } : f)) })],
    ['a name loadDataFile does not take', (m) => ({ ...m, files: [...m.files, { ...m.files[0], name: 'app', path: `${m.version}/app.json` }] })],
    ['a name with a path in it', (m) => ({ ...m, files: [...m.files, { ...m.files[0], name: '../articles-001', path: `${m.version}/../articles-001.json` }] })],
    ['a name listed twice', (m) => ({ ...m, files: [...m.files, m.files[0]] })],
    ['a zero size', (m) => ({ ...m, files: m.files.map((f: any, i: number) => (i === 0 ? { ...f, bytes: 0 } : f)) })],
    ['a size past the bound', (m) => ({ ...m, files: m.files.map((f: any, i: number) => (i === 0 ? { ...f, bytes: MAX_FILE_BYTES + 1 } : f)) })],
    ['a size as a string', (m) => ({ ...m, files: m.files.map((f: any, i: number) => (i === 0 ? { ...f, bytes: String(f.bytes) } : f)) })],
    ['a short hash', (m) => ({ ...m, files: m.files.map((f: any, i: number) => (i === 0 ? { ...f, sha256: f.sha256.slice(1) } : f)) })],
    ['a hash with capitals', (m) => ({ ...m, files: m.files.map((f: any, i: number) => (i === 0 ? { ...f, sha256: f.sha256.toUpperCase() } : f)) })],
    ['no catalog', (m) => ({ ...m, files: m.files.filter((f: any) => f.name !== 'catalog') })],
    ['no search index', (m) => ({ ...m, files: m.files.filter((f: any) => f.name !== 'search-index') })],
    ['a gap in the article shards', (m) => ({ ...m, files: m.files.map((f: any) => (f.name === 'articles-000' ? { ...f, name: 'articles-001', path: `${m.version}/articles-001.json` } : f)) })],
    ['a gap in the related shards', (m) => ({ ...m, files: m.files.map((f: any) => (f.name === 'related-000' ? { ...f, name: 'related-001', path: `${m.version}/related-001.json` } : f)) })],
    ['a shard of an unknown kind', (m) => ({ ...m, files: m.files.map((f: any) => (f.name === 'related-000' ? { ...f, name: 'relatex-000', path: `${m.version}/relatex-000.json` } : f)) })],
    ['far too many files', (m) => ({ ...m, files: Array.from({ length: 2001 }, (_, n) => ({ ...m.files[0], name: `articles-${String(n % 1000).padStart(3, '0')}` })) })],
  ]
  test.each(hostile)('rejects %s, saying why', (_label, make) => {
    const check = readEditionManifest(make(clone(good)))
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.reason.length).toBeGreaterThan(5)
  })

  test('keeps only the fields it knows (an extra field of the host goes nowhere)', () => {
    const withExtra = { ...clone(good), files: good.files.map((f) => ({ ...f, url: 'https://evil.example/x' })) }
    const check = readEditionManifest(withExtra)
    expect(check.ok && check.manifest.files.every((f) => !('url' in f))).toBe(true)
  })
})

describe('catalogMismatch', () => {
  const manifest = packagedManifest()
  const catalog = JSON.parse(fs.readFileSync(path.join(dataDir, 'catalog.json'), 'utf8'))

  test('the packaged catalog fits its manifest', () => {
    expect(catalogMismatch(manifest, catalog)).toBeNull()
  })

  test('a catalog that implies a shard the manifest lacks, or counts other articles, does not', () => {
    expect(catalogMismatch(manifest, { ...catalog, articleShardCount: 2 })).toMatch(/article shards/)
    expect(catalogMismatch(manifest, { ...catalog, listShardCount: 0 })).toMatch(/list/)
    expect(catalogMismatch(manifest, { ...catalog, relatedShardCount: 2 })).toMatch(/2 related shards, the manifest lists 1/)
    expect(catalogMismatch(manifest, { ...catalog, relatedShardCount: undefined })).toMatch(/counts/)
    // A catalog of the previous format (related lists inside the article shards) is refused.
    expect(catalogMismatch(manifest, { ...catalog, version: 2 })).toMatch(/version 3/)
    expect(catalogMismatch(manifest, { ...catalog, articleCount: catalog.articleCount + 1 })).toMatch(/counts/)
    expect(catalogMismatch(manifest, { ...catalog, head: null })).toMatch(/head/)
    expect(catalogMismatch(manifest, '<html>')).toMatch(/catalog/)
  })
})

describe('planDownload', () => {
  const manifest = packagedManifest()

  test('with nothing held: every file once, the catalog first, the bytes added up', () => {
    const plan = planDownload(manifest, new Set())
    expect(plan.files[0].name).toBe('catalog')
    expect(plan.files.map((f) => f.name).sort()).toEqual(manifest.files.map((f) => f.name).sort())
    expect(plan.bytes).toBe(manifest.files.reduce((sum, f) => sum + f.bytes, 0))
  })

  test('only the files whose hash is not held; nothing when all are', () => {
    const listFile = manifest.files.find((f) => f.name === 'list-000')!
    const held = new Set(manifest.files.filter((f) => f !== listFile).map((f) => f.sha256))
    expect(planDownload(manifest, held)).toEqual({ files: [listFile], bytes: listFile.bytes })
    expect(planDownload(manifest, new Set(manifest.files.map((f) => f.sha256)))).toEqual({ files: [], bytes: 0 })
  })

  test('two names with the same content are downloaded once', () => {
    const twin = { ...manifest, files: [...manifest.files, { ...manifest.files[1], name: 'list-001', path: `${manifest.version}/list-001.json` }] }
    expect(planDownload(twin, new Set()).files).toHaveLength(manifest.files.length)
  })
})

test('stored file names carry the hash and nothing else', () => {
  const hash = nodeSha(Buffer.from('x'))
  expect(hashOfEditionFileName(editionFileName(hash))).toBe(hash)
  expect(hashOfEditionFileName(`${hash}.json.part`)).toBeNull()
  expect(hashOfEditionFileName('catalog.json')).toBeNull()
})

describe('sha256Hex', () => {
  test('agrees with Node on the standard vectors and every length around the padding edges', () => {
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    const bytes = randomBytes(300)
    for (let n = 0; n <= 300; n++) expect(sha256Hex(bytes.subarray(0, n))).toBe(nodeSha(bytes.subarray(0, n)))
  })

  test('takes an ArrayBuffer as WeChat file reads give it, and Chinese text as its UTF-8 bytes', () => {
    const text = Buffer.from(fs.readFileSync(path.join(dataDir, 'catalog.json')))
    const buffer = text.buffer.slice(text.byteOffset, text.byteOffset + text.byteLength)
    expect(sha256Hex(buffer)).toBe(nodeSha(text))
  })

  test('agrees with Node on a multi-MB input (time printed)', () => {
    const big = randomBytes(8 * 1024 * 1024 + 13)
    const started = process.hrtime.bigint()
    const ours = sha256Hex(big)
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    expect(ours).toBe(nodeSha(big))
    console.log(`sha256Hex: 8 MB in ${ms.toFixed(0)} ms (${(8 / (ms / 1000)).toFixed(1)} MB/s in Node; the machine may be busy)`)
  })
})
