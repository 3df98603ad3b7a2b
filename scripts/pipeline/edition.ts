// The library as a published edition: the files the app reads (catalog, list, article and
// related shards, the search index: src/data/catalog.json and src/data/shards/, from `npm run data`),
// copied into the site's data folder under a version named by their content, with a manifest
// beside them:
//
//   <dist>/data/edition.json                 the current edition (never cached long)
//   <dist>/data/<version>/<name>.json        every data file, immutable
//   <dist>/data/catalog.js                   H5 only: the current edition's catalog as a script
//                                            (src/data/h5Edition.ts), at an address that names no
//                                            version (never cached long, like edition.json)
//   <dist>/data/<version>/catalog.js         the same bytes under the edition's immutable folder
//                                            (what the service worker precaches, scripts/site/serviceWorker.ts)
//
// edition.json is what a follower (the mini-program with CONTENT_BASE_URL, or any other reader)
// fetches first: `path` is relative to the folder holding edition.json, `name` is what
// loadDataFile(name) takes, and bytes and sha256 let it download only what changed and verify it.
// The H5 app's own scripts name none of this: the page loads data/catalog.js before them, and
// that script carries its edition's version and data folder. So the same scripts and the same
// pages serve every edition (a page that did not change keeps its bytes when only the library
// did), and a new edition is a new page load.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { H5_EDITION_GLOBAL, H5_EDITION_SCRIPT, type H5Edition } from '../../src/data/h5Edition'
import { DATA_FILE_NAME, EDITION_FORMAT, MANIFEST_NAME, type EditionFile, type EditionManifest } from '../../src/core/edition'

export { EDITION_FORMAT, type EditionFile, type EditionManifest }
export const EDITION_MANIFEST = MANIFEST_NAME

/** The names a follower accepts (src/core/edition.ts, from the shard kinds of src/core/catalog.ts). */
const DATA_NAME = DATA_FILE_NAME
const repoRoot = path.resolve(__dirname, '..', '..')
export const SOURCE_DATA_DIR = path.join(repoRoot, 'src', 'data')

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

/** The edition's data files, name → exact bytes: catalog.json and every file of shards/. */
export function readDataFiles(dataDir: string = SOURCE_DATA_DIR): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  files.set('catalog', fs.readFileSync(path.join(dataDir, 'catalog.json')))
  for (const file of fs.readdirSync(path.join(dataDir, 'shards')).sort()) {
    if (!file.endsWith('.json')) continue
    const name = file.slice(0, -'.json'.length)
    if (!DATA_NAME.test(name)) throw new Error(`edition: unexpected data file ${file} in ${path.join(dataDir, 'shards')}`)
    files.set(name, fs.readFileSync(path.join(dataDir, 'shards', file)))
  }
  if (!files.has('search-index')) throw new Error(`edition: ${path.join(dataDir, 'shards', 'search-index.json')} is missing; run npm run data`)
  return files
}

/** The data files of a layout (scripts/pipeline/data-layout.ts buildLayoutFiles: catalog.json, shards/<name>.json), name → bytes. */
export function dataFilesOfLayout(layout: ReadonlyMap<string, string>): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const [file, text] of layout) {
    const name = file === 'catalog.json' ? 'catalog' : file.replace(/^shards\//, '').replace(/\.json$/, '')
    if (!DATA_NAME.test(name)) throw new Error(`edition: unexpected layout file ${file}`)
    files.set(name, Buffer.from(text))
  }
  return files
}

/** The manifest of these files: sorted by name, the version a hash of names and contents. */
export function editionManifest(files: ReadonlyMap<string, Buffer>): EditionManifest {
  const names = [...files.keys()].sort()
  const digests = names.map((name) => ({ name, bytes: (files.get(name) as Buffer).length, sha256: sha256(files.get(name) as Buffer) }))
  const version = sha256(digests.map((d) => `${d.name}\0${d.sha256}`).join('\n')).slice(0, 12)
  const catalog = JSON.parse((files.get('catalog') as Buffer).toString('utf8')) as { articleCount?: unknown }
  if (typeof catalog.articleCount !== 'number') throw new Error('edition: catalog.json has no articleCount')
  return {
    format: EDITION_FORMAT,
    version,
    articleCount: catalog.articleCount,
    files: digests.map((d) => ({ name: d.name, path: `${version}/${d.name}.json`, bytes: d.bytes, sha256: d.sha256 })),
  }
}

/** edition.json's exact text: one file per line (readable, and every reader downloads it). */
export function serializeManifest(manifest: EditionManifest): string {
  const files = manifest.files.map((f) => JSON.stringify(f)).join(',\n')
  return `{"format":${manifest.format},"version":${JSON.stringify(manifest.version)},"articleCount":${manifest.articleCount},"files":[\n${files}\n]}\n`
}

/** The site's data folder address for an edition, e.g. "/health/data/3f2a9c1b7d4e/". */
export function editionDataUrl(basePath: string, version: string): string {
  return `${basePath}/data/${version}/`
}

/**
 * data/<version>/catalog.js: sets the edition global before the app's scripts run. JSON is
 * valid JavaScript here once U+2028/2029 are escaped (older engines end a string at them).
 */
export function editionScript(catalog: Buffer, dataUrl: string, version: string): string {
  const edition: H5Edition = { version, dataUrl, catalog: JSON.parse(catalog.toString('utf8')) }
  const json = JSON.stringify(edition).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
  return `self[${JSON.stringify(H5_EDITION_GLOBAL)}]=${json};\n`
}

/** The current edition of a built site, or null when it has none (or an unreadable one). */
export function readEdition(dist: string): EditionManifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'data', EDITION_MANIFEST), 'utf8')) as EditionManifest
    return manifest.format === EDITION_FORMAT && Array.isArray(manifest.files) ? manifest : null
  } catch {
    return null
  }
}

export interface WrittenEdition {
  manifest: EditionManifest
  /** Bytes of every data file of the edition (the manifest's sizes summed). */
  bytes: number
}

/**
 * Writes the edition into `<dist>/data/`: the version folder with every data file and the H5
 * catalog script, then edition.json last (a reader never sees a manifest naming missing files).
 * Other version folders are removed from the build: a host keeps serving the ones it has.
 */
export function writeEdition(dist: string, options: { basePath: string; dataDir?: string }): WrittenEdition {
  const files = readDataFiles(options.dataDir)
  const manifest = editionManifest(files)
  const dataDir = path.join(dist, 'data')
  const folder = path.join(dataDir, manifest.version)
  fs.mkdirSync(dataDir, { recursive: true })
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== manifest.version) fs.rmSync(path.join(dataDir, entry.name), { recursive: true, force: true })
  }
  fs.rmSync(folder, { recursive: true, force: true })
  fs.mkdirSync(folder)
  for (const file of manifest.files) fs.writeFileSync(path.join(dataDir, file.path), files.get(file.name) as Buffer)
  const script = editionScript(files.get('catalog') as Buffer, editionDataUrl(options.basePath, manifest.version), manifest.version)
  fs.writeFileSync(path.join(folder, H5_EDITION_SCRIPT), script)
  // The stable address and the manifest last: both name the folder written above.
  writeIfChanged(path.join(dataDir, H5_EDITION_SCRIPT), script)
  fs.writeFileSync(path.join(dataDir, EDITION_MANIFEST), serializeManifest(manifest))
  return { manifest, bytes: manifest.files.reduce((sum, f) => sum + f.bytes, 0) }
}

/**
 * Removes the .br/.gz copies an earlier prerender left in a build (scripts/site/precompress.ts
 * writes them again at the end): once the edition changes, the shell names another catalog
 * script, and a server preferring a stale app.html.br would start pages on an edition that is gone.
 */
export function dropCompressedCopies(dist: string): number {
  let dropped = 0
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (/\.(br|gz)$/.test(entry.name) && fs.existsSync(file.slice(0, -3))) {
        fs.rmSync(file)
        dropped++
      }
    }
  }
  if (fs.existsSync(dist)) walk(dist)
  return dropped
}

function writeIfChanged(file: string, text: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === text) return
  } catch {
    // Not there yet.
  }
  fs.writeFileSync(file, text)
}

/**
 * The current edition's catalog script as the site's pages load it (absolute path under the
 * base path): one address for every edition, so no page names a version.
 */
export function editionScriptUrl(basePath: string): string {
  return `${basePath}/data/${H5_EDITION_SCRIPT}`
}

/** The same script in the edition's own folder (immutable; what the service worker precaches). */
export function versionedEditionScriptPath(version: string): string {
  return `data/${version}/${H5_EDITION_SCRIPT}`
}

/** What every page of the site loads before the app's own scripts, in order. */
export function siteEditionScripts(dist: string, basePath: string): string[] {
  if (!readEdition(dist)) throw new Error(`edition: ${path.join(dist, 'data', EDITION_MANIFEST)} is missing; run scripts/pipeline/write-edition.ts after taro build`)
  return [editionScriptUrl(basePath)]
}

type Element = DefaultTreeAdapterMap['element']
type Node = DefaultTreeAdapterMap['node']

function* elementsOf(node: Node): Generator<Element> {
  if ('tagName' in node) yield node
  if ('childNodes' in node) for (const child of node.childNodes) yield* elementsOf(child as Node)
}

/** The catalog script at its stable address, or at an edition's folder (what earlier builds named). */
const EDITION_SCRIPT_SRC = new RegExp(`/data/(?:[0-9a-f]{12}/)?${H5_EDITION_SCRIPT.replace('.', '\\.')}$`)

/**
 * Taro's shell with the edition's catalog script as its first external script (deferred, like
 * the app's, so it runs first of them); one an earlier run inserted is replaced. Spliced at the
 * offsets parse5 reports; the address is the build's own (no text of the articles).
 */
export function shellWithEditionScripts(shell: string, sources: readonly string[]): string {
  const document = parse(shell, { sourceCodeLocationInfo: true })
  const scripts = [...elementsOf(document as unknown as Node)].filter((e) => e.tagName === 'script' && e.attrs.some((a) => a.name === 'src'))
  const srcOf = (e: Element) => e.attrs.find((a) => a.name === 'src')?.value ?? ''
  const old = scripts.filter((e) => EDITION_SCRIPT_SRC.test(srcOf(e)))
  const first = scripts.find((e) => !old.includes(e))
  if (!first?.sourceCodeLocation) throw new Error("edition: the shell loads no app script; has Taro's index.html changed?")
  for (const src of sources) if (!/^[\w/.-]+$/.test(src)) throw new Error(`edition: unexpected script address ${src}`)
  const inserted = sources.map((src) => `<script defer="defer" src="${src}"></script>`).join('')
  const edits = [
    ...old.map((e) => ({ start: e.sourceCodeLocation?.startOffset as number, end: e.sourceCodeLocation?.endOffset as number, text: '' })),
    { start: first.sourceCodeLocation.startOffset, end: first.sourceCodeLocation.startOffset, text: inserted },
  ].sort((a, b) => b.start - a.start)
  let out = shell
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  return out
}

export interface EditionChanges {
  /** Files of the new edition whose content the previous one did not have under that name. */
  changed: EditionFile[]
  /** Names the previous edition had and the new one does not. */
  removed: string[]
  changedBytes: number
  /** What a follower downloads: the changed files plus edition.json itself. */
  downloadBytes: number
}

/** What a reader holding `previous` downloads to follow `next` (by name and SHA-256). */
export function editionChanges(previous: EditionManifest | null, next: EditionManifest): EditionChanges {
  const held = new Map((previous?.files ?? []).map((f) => [f.name, f.sha256]))
  const changed = next.files.filter((f) => held.get(f.name) !== f.sha256)
  const names = new Set(next.files.map((f) => f.name))
  const removed = (previous?.files ?? []).map((f) => f.name).filter((name) => !names.has(name))
  const changedBytes = changed.reduce((sum, f) => sum + f.bytes, 0)
  return { changed, removed, changedBytes, downloadBytes: changedBytes + Buffer.byteLength(serializeManifest(next)) }
}
