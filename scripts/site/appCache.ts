// The H5 app (what `taro build --type h5` writes) cached by a hash of everything it is built
// from, so a build whose app inputs did not change (a new saved page, once the library's data is
// out of the app) skips Taro entirely and restores the app's files from the cache.
//
// The key covers src/ except the library (src/data's generated files: the H5 app reads its
// edition at run time, from data/<version>/, and its scripts hold no article: test/e2e/
// edition.test.ts checks that), config/, types/, package.json, package-lock.json, patches/, babel.config.js,
// tsconfig.json, the Node version and the environment the build reads (H5_BASE_URL,
// WECHAT_JSSDK_SIGNATURE_URL, FEEDBACK_URL, NODE_ENV).
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Inputs of the app build, under the repository root. */
export const APP_INPUTS = ['src', 'config', 'types', 'patches', 'package.json', 'package-lock.json', 'babel.config.js', 'tsconfig.json']
/** The library as `npm run data` writes it: the site's edition, not the app's input. */
const LIBRARY_FILES = new Set(['src/data/articles.json', 'src/data/catalog.json', 'src/data/packages.json', 'src/data/search-index.json'])
const LIBRARY_FOLDER = 'src/data/shards/'

function isLibraryFile(file: string): boolean {
  return LIBRARY_FILES.has(file) || file.startsWith(LIBRARY_FOLDER)
}
const APP_ENV = ['H5_BASE_URL', 'WECHAT_JSSDK_SIGNATURE_URL', 'FEEDBACK_URL', 'CONTENT_BASE_URL', 'NODE_ENV']
/** The shell and its bare copy are the prerender's to write once a site exists. */
const SHELL_FILES = new Set(['index.html', 'app.html'])

function filesUnder(root: string, rel: string): string[] {
  const full = path.join(root, rel)
  if (!fs.existsSync(full)) return []
  if (!fs.statSync(full).isDirectory()) return [rel]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => filesUnder(root, path.join(rel, entry.name)))
}

/** The hash of the app's inputs: equal hashes, equal app builds. */
export function appInputsKey(repoRoot: string): string {
  const hash = createHash('sha256')
  for (const input of APP_INPUTS) {
    for (const file of filesUnder(repoRoot, input)) {
      const name = file.split(path.sep).join('/')
      if (isLibraryFile(name)) continue
      hash.update(name).update('\0').update(fs.readFileSync(path.join(repoRoot, file))).update('\0')
    }
  }
  for (const name of APP_ENV) hash.update(`${name}=${process.env[name] ?? ''}\0`)
  hash.update(process.version)
  return hash.digest('hex').slice(0, 16)
}

export interface AppCache {
  dir: string
  key: string
}

function appDir(cache: AppCache): string {
  return path.join(cache.dir, 'h5-app', cache.key)
}

/** The app's files, relative to the site root, as the cache holds them (undefined: not cached). */
export function cachedAppFiles(cache: AppCache): string[] | undefined {
  const list = path.join(appDir(cache), 'files.json')
  return fs.existsSync(list) ? (JSON.parse(fs.readFileSync(list, 'utf8')) as string[]) : undefined
}

/** Keeps the app `dist` holds right after `taro build` under this key (and only the last two keys). */
export function storeApp(cache: AppCache, dist: string): void {
  const target = appDir(cache)
  fs.rmSync(target, { recursive: true, force: true })
  const files = filesUnder(dist, '.').map((file) => path.normalize(file))
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(target, 'site', file)), { recursive: true })
    fs.copyFileSync(path.join(dist, file), path.join(target, 'site', file))
  }
  fs.writeFileSync(path.join(target, 'files.json'), JSON.stringify(files))
  const root = path.join(cache.dir, 'h5-app')
  const keys = fs.readdirSync(root).map((key) => ({ key, at: fs.statSync(path.join(root, key)).mtimeMs })).sort((a, b) => b.at - a.at)
  for (const old of keys.slice(2)) fs.rmSync(path.join(root, old.key), { recursive: true, force: true })
}

/**
 * Puts the cached app into `dist`, writing only files whose bytes differ, and removes the files
 * of the app `dist` held before (`previous`) that this one lacks. The shell (index.html) is left
 * to the prerender when `dist` already holds a site of this very app. Returns how many it wrote.
 */
export function restoreApp(cache: AppCache, dist: string, previous: { key: string; files: readonly string[] } | undefined): number {
  const files = cachedAppFiles(cache) as string[]
  const hasSite = previous?.key === cache.key && fs.existsSync(path.join(dist, 'app.html'))
  let written = 0
  for (const file of files) {
    if (hasSite && SHELL_FILES.has(file)) continue
    const from = path.join(appDir(cache), 'site', file)
    const to = path.join(dist, file)
    const bytes = fs.readFileSync(from)
    if (fs.existsSync(to) && fs.readFileSync(to).equals(bytes)) continue
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.writeFileSync(to, bytes)
    written++
  }
  const kept = new Set(files)
  for (const file of previous?.files ?? []) if (!kept.has(file) && !SHELL_FILES.has(file)) fs.rmSync(path.join(dist, file), { force: true })
  return written
}

function stateFile(cache: AppCache, dist: string): string {
  return path.join(cache.dir, 'sites', `${createHash('sha256').update(path.resolve(dist)).digest('hex').slice(0, 16)}.json`)
}

/** Which app `dist` holds (as restoreApp or a build left it), or undefined when unknown. */
export function siteApp(cache: AppCache, dist: string): { key: string; files: string[] } | undefined {
  const file = stateFile(cache, dist)
  if (!fs.existsSync(file) || !fs.existsSync(path.join(dist, 'index.html'))) return undefined
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; files: string[] }
}

export function recordSiteApp(cache: AppCache, dist: string): void {
  const file = stateFile(cache, dist)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify({ key: cache.key, files: cachedAppFiles(cache) ?? [] }))
}
