// An edition of the library published on a static host: `<base>edition.json` names every data
// file the app needs (the names loadDataFile takes), where it is under the base, its size and
// its SHA-256. The mini-program follows editions from such a host (src/platform/edition.weapp.ts)
// and reads the one it holds (src/data/loader.weapp.ts). Everything that arrives from the host
// is untrusted: the manifest is checked here field by field before any file is asked for, and
// every file is checked against it before it is used. Plain TypeScript: runs in Node and tests.

import { CATALOG_VERSION, SHARD_KINDS, type ShardKind } from './catalog'

export const EDITION_FORMAT = 1

export interface EditionFile {
  /** `catalog`, `search-index` or `<kind>-NNN` of a shard kind (SHARD_KINDS): what loadDataFile takes. */
  name: string
  /** Relative to the host's base: always `<version>/<name>.json`. */
  path: string
  bytes: number
  /** 64 lowercase hex characters. */
  sha256: string
}

export interface EditionManifest {
  format: 1
  /** 12 lowercase hex characters. */
  version: string
  articleCount: number
  files: EditionFile[]
}

/** The manifest's own name under the host's base. */
export const MANIFEST_NAME = 'edition.json'
/** Storage key of the manifest of the edition the mini-program reads from its next launch on. */
export const ACTIVE_EDITION_KEY = 'health-news/edition'
/** Storage key of when the host was last asked (ms since the epoch). */
export const EDITION_CHECKED_KEY = 'health-news/edition-checked'
/** Folder under the mini-program's user data path holding the files, each named `<sha256>.json`. */
export const EDITION_FOLDER = 'edition'
/** The host is asked at most this often: a new article is not urgent, and readers pay for data. */
export const EDITION_CHECK_INTERVAL_MS = 3 * 60 * 60 * 1000
/** Downloads above this many bytes wait for Wi-Fi. */
export const CELLULAR_DOWNLOAD_LIMIT = 1024 * 1024

/**
 * Bounds far above a real edition (10,000 articles: about 100 files, 15 MB; the largest file,
 * the search index, under 1 MB) and far below what would hurt a phone: a manifest past them is
 * hostile or broken. WeChat lets a mini-program keep 200 MB of files.
 */
export const MAX_EDITION_FILES = 2000
export const MAX_FILE_BYTES = 8 * 1024 * 1024
export const MAX_EDITION_BYTES = 64 * 1024 * 1024
const MAX_ARTICLE_COUNT = 1_000_000

const VERSION_PATTERN = /^[0-9a-f]{12}$/
const SHA256_PATTERN = /^[0-9a-f]{64}$/
/** A data file name: catalog, search-index, or a shard of one of SHARD_KINDS (their one list). */
export const DATA_FILE_NAME = new RegExp(`^(catalog|search-index|(${SHARD_KINDS.join('|')})-(\\d{3}))$`)

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max

export type ManifestCheck = { ok: true; manifest: EditionManifest } | { ok: false; reason: string }

/**
 * `value` as an edition manifest, or why not. Strict: unknown format, a version or hash of the
 * wrong shape, a name loadDataFile would not take, a path other than `<version>/<name>.json`
 * (so nothing outside the edition's folder, no `..`, no other host), a size out of bounds, a
 * name twice, no catalog or search index, or list/article shards not numbered 000 upwards.
 */
export function readEditionManifest(value: unknown): ManifestCheck {
  const fail = (reason: string): ManifestCheck => ({ ok: false, reason })
  if (!isRecord(value)) return fail('the manifest is not an object')
  if (value.format !== EDITION_FORMAT) return fail(`unknown format ${JSON.stringify(value.format)}`)
  const { version, articleCount, files } = value
  if (typeof version !== 'string' || !VERSION_PATTERN.test(version)) return fail('the version is not 12 lowercase hex characters')
  if (!isCount(articleCount, MAX_ARTICLE_COUNT)) return fail('articleCount is not a whole number in range')
  if (!Array.isArray(files) || files.length === 0) return fail('files is not a non-empty list')
  if (files.length > MAX_EDITION_FILES) return fail(`more than ${MAX_EDITION_FILES} files`)
  const seen: Record<string, true | undefined> = Object.create(null)
  const numbered = emptyShardCounts<number[]>(() => [])
  const checked: EditionFile[] = []
  let total = 0
  for (const file of files) {
    if (!isRecord(file)) return fail('a file entry is not an object')
    const { name, path, bytes, sha256 } = file
    const match = typeof name === 'string' ? DATA_FILE_NAME.exec(name) : null
    if (typeof name !== 'string' || !match) return fail(`a file name is not a data file name: ${JSON.stringify(name).slice(0, 40)}`)
    if (seen[name]) return fail(`${name} is listed twice`)
    seen[name] = true
    if (path !== `${version}/${name}.json`) return fail(`${name}'s path is not ${version}/${name}.json`)
    if (!isCount(bytes, MAX_FILE_BYTES) || bytes === 0) return fail(`${name}'s size is not between 1 and ${MAX_FILE_BYTES} bytes`)
    if (typeof sha256 !== 'string' || !SHA256_PATTERN.test(sha256)) return fail(`${name}'s sha256 is not 64 lowercase hex characters`)
    total += bytes
    if (match[2]) numbered[match[2] as ShardKind].push(Number(match[3]))
    checked.push({ name, path, bytes, sha256 })
  }
  if (total > MAX_EDITION_BYTES) return fail(`the files add up to more than ${MAX_EDITION_BYTES} bytes`)
  if (!seen.catalog) return fail('no catalog')
  if (!seen['search-index']) return fail('no search-index')
  for (const kind of SHARD_KINDS) {
    const numbers = numbered[kind].sort((a, b) => a - b)
    if (numbers.some((n, at) => n !== at)) return fail(`the ${kind} shards are not numbered 000 upwards without a gap`)
  }
  if (numbered.articles.length === 0 && articleCount > 0) return fail('articles but no article shard')
  return { ok: true, manifest: { format: EDITION_FORMAT, version, articleCount, files: checked } }
}

function emptyShardCounts<T>(initial: () => T): Record<ShardKind, T> {
  const counts = {} as Record<ShardKind, T>
  for (const kind of SHARD_KINDS) counts[kind] = initial()
  return counts
}

/** How many shards of each kind a manifest lists. */
function shardCounts(manifest: EditionManifest): Record<ShardKind, number> {
  const counts = emptyShardCounts(() => 0)
  for (const file of manifest.files) {
    const kind = DATA_FILE_NAME.exec(file.name)?.[2] as ShardKind | undefined
    if (kind) counts[kind]++
  }
  return counts
}

/** The catalog field counting the shards of each kind. */
const CATALOG_SHARD_COUNT: Record<ShardKind, 'listShardCount' | 'articleShardCount' | 'relatedShardCount'> = {
  list: 'listShardCount',
  articles: 'articleShardCount',
  related: 'relatedShardCount',
}

/**
 * Whether a catalog (parsed from the edition's catalog file) fits its manifest: the shards it
 * implies are exactly the ones listed, and it counts the same articles. Null when it does,
 * else why not. Only the fields the app relies on before any other file is read are checked.
 */
export function catalogMismatch(manifest: EditionManifest, catalog: unknown): string | null {
  if (!isRecord(catalog) || catalog.version !== CATALOG_VERSION) return `the catalog is not a version ${CATALOG_VERSION} catalog`
  const { articleCount, head, provinces, disclaimers } = catalog
  if (!isCount(articleCount, MAX_ARTICLE_COUNT) || SHARD_KINDS.some((kind) => !isCount(catalog[CATALOG_SHARD_COUNT[kind]], MAX_EDITION_FILES))) {
    return 'the catalog counts are not whole numbers in range'
  }
  if (!Array.isArray(head) || !Array.isArray(provinces) || !isRecord(disclaimers)) return 'the catalog lacks its head, provinces or disclaimers'
  if (articleCount !== manifest.articleCount) return `the catalog counts ${articleCount} articles, the manifest ${manifest.articleCount}`
  const listed = shardCounts(manifest)
  for (const kind of SHARD_KINDS) {
    const implied = catalog[CATALOG_SHARD_COUNT[kind]] as number
    if (listed[kind] !== implied) return `the catalog implies ${implied} ${kind === 'articles' ? 'article' : kind} shards, the manifest lists ${listed[kind]}`
  }
  return null
}

export interface DownloadPlan {
  /** Files whose content is not held yet, each content once (two names may share bytes). */
  files: EditionFile[]
  bytes: number
}

/** What to download for `manifest` when the files with hashes `held` are already here. */
export function planDownload(manifest: EditionManifest, held: ReadonlySet<string>): DownloadPlan {
  const files: EditionFile[] = []
  const planned = new Set<string>()
  let bytes = 0
  for (const file of manifest.files) {
    if (held.has(file.sha256) || planned.has(file.sha256)) continue
    planned.add(file.sha256)
    files.push(file)
    bytes += file.bytes
  }
  // The catalog first: it is checked against the manifest before the rest is worth fetching.
  files.sort((a, b) => (a.name === 'catalog' ? -1 : b.name === 'catalog' ? 1 : 0))
  return { files, bytes }
}

/** The stored file name of a file's content. */
export function editionFileName(sha256: string): string {
  return `${sha256}.json`
}

/** The hash a stored file name stands for, or null for anything else in the folder. */
export function hashOfEditionFileName(fileName: string): string | null {
  const match = /^([0-9a-f]{64})\.json$/.exec(fileName)
  return match ? match[1] : null
}

// SHA-256 (FIPS 180-4) over bytes. The mini-program's JS engine has no crypto.subtle and no
// Node crypto; this runs there and in tests, which compare it with Node's.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

/** The SHA-256 of `data` as 64 lowercase hex characters. */
export function sha256Hex(data: ArrayBuffer | Uint8Array): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  const length = bytes.length
  // Padding: 0x80, zeros, then the bit length as 64 bits big-endian, to a multiple of 64 bytes.
  const blocks = Math.ceil((length + 9) / 64)
  const tail = new Uint8Array((blocks - Math.floor(length / 64)) * 64)
  const tailStart = Math.floor(length / 64) * 64
  tail.set(bytes.subarray(tailStart))
  tail[length - tailStart] = 0x80
  const bitsHigh = Math.floor(length / 0x20000000)
  const bitsLow = (length * 8) >>> 0
  const end = tail.length
  tail[end - 8] = bitsHigh >>> 24
  tail[end - 7] = bitsHigh >>> 16
  tail[end - 6] = bitsHigh >>> 8
  tail[end - 5] = bitsHigh
  tail[end - 4] = bitsLow >>> 24
  tail[end - 3] = bitsLow >>> 16
  tail[end - 2] = bitsLow >>> 8
  tail[end - 1] = bitsLow

  let h0 = 0x6a09e667
  let h1 = 0xbb67ae85
  let h2 = 0x3c6ef372
  let h3 = 0xa54ff53a
  let h4 = 0x510e527f
  let h5 = 0x9b05688c
  let h6 = 0x1f83d9ab
  let h7 = 0x5be0cd19
  const w = new Int32Array(64)
  for (let block = 0; block < blocks; block++) {
    const offset = block * 64
    const source = offset < tailStart ? bytes : tail
    const at = offset < tailStart ? offset : offset - tailStart
    for (let i = 0; i < 16; i++) {
      const p = at + i * 4
      w[i] = (source[p] << 24) | (source[p + 1] << 16) | (source[p + 2] << 8) | source[p + 3]
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]
      const y = w[i - 2]
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    let f = h5
    let g = h6
    let h = h7
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const ch = (e & f) ^ (~e & g)
      const t1 = (h + S1 + ch + K[i] + w[i]) | 0
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const maj = (a & b) ^ (a & c) ^ (b & c)
      const t2 = (S0 + maj) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
    h5 = (h5 + f) | 0
    h6 = (h6 + g) | 0
    h7 = (h7 + h) | 0
  }
  let hex = ''
  for (const word of [h0, h1, h2, h3, h4, h5, h6, h7]) hex += ('00000000' + (word >>> 0).toString(16)).slice(-8)
  return hex
}
