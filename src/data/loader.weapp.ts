// weapp: the library comes from one of two editions, chosen once at launch for the whole session:
// - the edition the app downloaded and verified from CONTENT_BASE_URL (src/platform/
//   edition.weapp.ts makes it active in storage; its files are <sha256>.json under the user data
//   folder), when the build follows a host and every file of it is still there at its size, and
//   its catalog still has its hash;
// - else the packaged one: catalog.json in the main package and the other files in subpackages
//   (src/data/packages.json, written by `npm run data`; config/index.ts emits each file as
//   <root>/<name>.js, src/app.config.ts declares the roots). WeChat's 分包异步化 loads them:
//   require.async downloads the subpackage on first use (base library 2.11.2+).
//   __non_webpack_require__ is WeChat's own require, which webpack leaves alone; its paths are
//   relative to the file holding this code, which config/index.ts keeps in the root common.js.
// Never a mix: a list shard of one edition under another's catalog would show wrong articles.
import Taro from '@tarojs/taro'
import { ACTIVE_EDITION_KEY, catalogMismatch, EDITION_FOLDER, editionFileName, readEditionManifest, sha256Hex, type EditionManifest } from '../core/edition'
import { reportRecovered } from '../core/report'
import packagedCatalog from './catalog.json'
import packagesJson from './packages.json'

declare const __non_webpack_require__: { async(path: string): Promise<unknown> }
/** The content host's base URL (config/index.ts); '' when the build follows no host. */
declare const CONTENT_BASE_URL: string

interface PackagesFile {
  packages: Array<{ root: string; files: string[] }>
}

const rootOf: Record<string, string | undefined> = Object.create(null)
for (const pkg of (packagesJson as PackagesFile).packages) for (const file of pkg.files) rootOf[file] = pkg.root

interface HeldEdition {
  version: string
  catalog: unknown
  /** File path of each data file name. */
  paths: Record<string, string | undefined>
}

/** The downloaded edition to read this session, or null for the packaged one. */
function heldEdition(): HeldEdition | null {
  if (!CONTENT_BASE_URL) return null
  let manifest: EditionManifest | undefined
  try {
    const stored: unknown = Taro.getStorageSync(ACTIVE_EDITION_KEY)
    if (!stored) return null
    const check = readEditionManifest(stored)
    if (!check.ok) throw new Error(`the stored manifest is not valid: ${check.reason}`)
    manifest = check.manifest
    const fs = Taro.getFileSystemManager()
    const folder = `${Taro.env.USER_DATA_PATH}/${EDITION_FOLDER}`
    const paths: HeldEdition['paths'] = Object.create(null)
    for (const file of manifest.files) {
      const path = `${folder}/${editionFileName(file.sha256)}`
      const size = fs.statSync(path).size
      if (size !== file.bytes) throw new Error(`${file.name} has ${size} bytes instead of ${file.bytes}`)
      paths[file.name] = path
    }
    // The catalog is read now and whole: small, and everything else depends on it.
    const catalogPath = paths.catalog as string
    if (sha256Hex(fs.readFileSync(catalogPath) as ArrayBuffer) !== manifest.files.find((f) => f.name === 'catalog')?.sha256) {
      throw new Error('the catalog differs from its SHA-256')
    }
    const catalog: unknown = JSON.parse(fs.readFileSync(catalogPath, 'utf8') as string)
    const mismatch = catalogMismatch(manifest, catalog)
    if (mismatch) throw new Error(mismatch)
    return { version: manifest.version, catalog, paths }
  } catch (error) {
    reportRecovered(`the downloaded edition ${manifest?.version ?? ''} cannot be read; the packaged library is used this session`, error)
    return null
  }
}

const held = heldEdition()

/** The catalog of this session's edition (src/core/catalog.ts checks nothing more: it was checked here or packaged). */
export function loadCatalog(): unknown {
  return held ? held.catalog : packagedCatalog
}

function readHeldFile(name: string, path: string): Promise<unknown> {
  const fs = Taro.getFileSystemManager()
  return new Promise((resolve, reject) => {
    fs.readFile({
      filePath: path,
      encoding: 'utf8',
      success: (result) => {
        try {
          resolve(JSON.parse(result.data as string))
        } catch (error) {
          // Damaged since it was verified. The session cannot change editions under its catalog:
          // this file fails (the page offers 重试); deleted, it is fetched again and until then
          // the next launch reads the packaged library.
          try {
            fs.unlinkSync(path)
          } catch {
            // Already gone.
          }
          reportRecovered(`the downloaded ${name} of edition ${held?.version} is damaged; removed so that it is fetched again`, error)
          reject(error)
        }
      },
      fail: reject,
    })
  })
}

export function loadDataFile(name: string): Promise<unknown> {
  if (held) {
    const path = held.paths[name]
    return path ? readHeldFile(name, path) : Promise.reject(new Error(`unknown data file ${name}`))
  }
  const root = rootOf[name]
  if (!root) return Promise.reject(new Error(`unknown data file ${name}`))
  return __non_webpack_require__.async(`./${root}/${name}.js`)
}

/** The mini-program has no prerendered page holding an article: every article comes from its shard. */
export function embeddedArticleText(id: string): string | undefined {
  void id
  return undefined
}
