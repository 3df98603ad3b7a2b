// weapp: follows the newest edition of the library published under CONTENT_BASE_URL (build
// setting, empty = off: then this does nothing at all, not even a storage read). On launch and on
// show, at most every EDITION_CHECK_INTERVAL_MS, it asks the host for edition.json, downloads the
// files whose content it does not hold yet (over 1 MB only on Wi-Fi), checks each one's size and
// SHA-256 before keeping it under the user data folder as <sha256>.json, and makes the edition
// active (one storage key) only when every file of it is here and verified. The loader
// (src/data/loader.weapp.ts) picks the active edition at the next launch. Any failure (network,
// full disk, a hostile manifest, a tampered or truncated file) leaves the active edition as it
// was and is reported for developers (core/report.ts); readers see nothing.
import Taro from '@tarojs/taro'
import {
  ACTIVE_EDITION_KEY,
  catalogMismatch,
  CELLULAR_DOWNLOAD_LIMIT,
  EDITION_CHECK_INTERVAL_MS,
  EDITION_CHECKED_KEY,
  EDITION_FOLDER,
  editionFileName,
  hashOfEditionFileName,
  MANIFEST_NAME,
  planDownload,
  readEditionManifest,
  sha256Hex,
  type EditionFile,
  type EditionManifest,
} from '../core/edition'
import { reportRecovered } from '../core/report'

/** The host's base URL, ending in '/' (config/index.ts); '' when the build follows no host. */
declare const CONTENT_BASE_URL: string

/** The edition active when this session started: the loader may be reading it, so it is kept. */
let launchEdition: EditionManifest | null | undefined
let checking = false

const folder = () => `${Taro.env.USER_DATA_PATH}/${EDITION_FOLDER}`
const errorText = (error: unknown) => (error && typeof (error as { errMsg?: unknown }).errMsg === 'string' ? (error as { errMsg: string }).errMsg : String(error))

function storedEdition(): EditionManifest | null {
  const value: unknown = Taro.getStorageSync(ACTIVE_EDITION_KEY)
  if (!value) return null
  const check = readEditionManifest(value)
  return check.ok ? check.manifest : null
}

/** Hashes of the complete files held in the folder. */
function heldHashes(): Set<string> {
  const held = new Set<string>()
  try {
    for (const name of Taro.getFileSystemManager().readdirSync(folder())) {
      const hash = hashOfEditionFileName(name)
      if (hash) held.add(hash)
    }
  } catch {
    // No folder yet: nothing held.
  }
  return held
}

/** Deletes every file in the folder that no edition in `keep` names (old editions, partial downloads). */
function removeUnused(keep: Array<EditionManifest | null | undefined>): void {
  const needed = new Set<string>()
  for (const edition of keep) if (edition) for (const file of edition.files) needed.add(editionFileName(file.sha256))
  const fs = Taro.getFileSystemManager()
  let names: string[]
  try {
    names = fs.readdirSync(folder())
  } catch {
    return
  }
  for (const name of names) {
    if (needed.has(name)) continue
    try {
      fs.unlinkSync(`${folder()}/${name}`)
    } catch (error) {
      reportRecovered(`deleting the unused edition file ${name} failed; it stays until the next check`, error)
    }
  }
}

function ensureFolder(): void {
  const fs = Taro.getFileSystemManager()
  try {
    fs.accessSync(folder())
  } catch {
    fs.mkdirSync(folder(), true)
  }
}

/** Downloads one file to a temporary name, checks it, and only then gives it its hash name. */
async function fetchFile(file: EditionFile): Promise<void> {
  const fs = Taro.getFileSystemManager()
  const partial = `${folder()}/${file.sha256}.part`
  try {
    const response = await Taro.downloadFile({ url: `${CONTENT_BASE_URL}${file.path}`, filePath: partial })
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`)
    const data = fs.readFileSync(partial) as ArrayBuffer
    if (data.byteLength !== file.bytes) throw new Error(`${data.byteLength} bytes instead of ${file.bytes}`)
    if (sha256Hex(data) !== file.sha256) throw new Error('its SHA-256 differs from the manifest')
    fs.renameSync(partial, `${folder()}/${editionFileName(file.sha256)}`)
  } catch (error) {
    try {
      fs.unlinkSync(partial)
    } catch {
      // Never written (the download failed before any byte): nothing to remove.
    }
    throw new Error(`${file.name} (${file.path}): ${errorText(error)}`)
  }
}

function readHeldCatalog(manifest: EditionManifest): unknown {
  const catalog = manifest.files.find((f) => f.name === 'catalog') as EditionFile
  return JSON.parse(Taro.getFileSystemManager().readFileSync(`${folder()}/${editionFileName(catalog.sha256)}`, 'utf8') as string)
}

async function fetchManifest(): Promise<unknown> {
  // Never a cached manifest: the query makes each ask a new URL for every cache on the way.
  const response = await Taro.request({
    url: `${CONTENT_BASE_URL}${MANIFEST_NAME}?t=${Date.now()}`,
    method: 'GET',
    dataType: 'text',
    responseType: 'text',
    header: { 'Cache-Control': 'no-cache' },
  })
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`)
  return typeof response.data === 'string' ? JSON.parse(response.data) : response.data
}

function networkType(): Promise<string> {
  return Taro.getNetworkType().then(
    (result) => result.networkType,
    () => 'unknown',
  )
}

/** One check of the host. Resolves with whether the check concluded (else it waits for Wi-Fi). */
async function checkHost(): Promise<boolean> {
  let raw: unknown
  try {
    raw = await fetchManifest()
  } catch (error) {
    reportRecovered('asking the content host for its edition failed; keeping the library held', error)
    return true
  }
  const check = readEditionManifest(raw)
  if (!check.ok) {
    reportRecovered('the content host published a manifest that is not valid; keeping the library held', check.reason)
    return true
  }
  const manifest = check.manifest
  const plan = planDownload(manifest, heldHashes())
  if (plan.bytes > CELLULAR_DOWNLOAD_LIMIT && (await networkType()) !== 'wifi') return false
  try {
    if (plan.files.length > 0) ensureFolder()
    const catalogFirst = plan.files[0]?.name === 'catalog'
    if (catalogFirst) await fetchFile(plan.files[0])
    // The catalog must imply exactly the files listed before the rest is worth downloading.
    const mismatch = catalogMismatch(manifest, readHeldCatalog(manifest))
    if (mismatch) throw new Error(mismatch)
    for (const file of catalogFirst ? plan.files.slice(1) : plan.files) await fetchFile(file)
    // Every file of the edition is here and verified (this time or when it was fetched).
    const fs = Taro.getFileSystemManager()
    for (const file of manifest.files) {
      const size = fs.statSync(`${folder()}/${editionFileName(file.sha256)}`).size
      if (size !== file.bytes) throw new Error(`the held ${file.name} has ${size} bytes instead of ${file.bytes}`)
    }
  } catch (error) {
    reportRecovered(`following edition ${manifest.version} failed; keeping the library held`, error)
    return true
  }
  const active = storedEdition()
  if (!active || active.version !== manifest.version || plan.files.length > 0) {
    try {
      Taro.setStorageSync(ACTIVE_EDITION_KEY, manifest)
    } catch (error) {
      reportRecovered(`saving edition ${manifest.version} as active failed; keeping the library held`, error)
      return true
    }
  }
  removeUnused([manifest, launchEdition])
  return true
}

/**
 * Checks the host for a newer edition unless it was asked within the last few hours. Call on
 * launch and on show; never throws, never shows anything.
 */
export function followEdition(): void {
  if (!CONTENT_BASE_URL || checking) return
  try {
    if (launchEdition === undefined) {
      launchEdition = storedEdition()
      // Files of editions older than the one this session reads are of no more use.
      removeUnused([launchEdition])
    }
    const checked = Number(Taro.getStorageSync(EDITION_CHECKED_KEY)) || 0
    const now = Date.now()
    if (checked <= now && now - checked < EDITION_CHECK_INTERVAL_MS) return
  } catch (error) {
    reportRecovered('reading the edition state failed; not checking the content host now', error)
    return
  }
  checking = true
  checkHost().then(
    (concluded) => {
      checking = false
      if (concluded) {
        try {
          Taro.setStorageSync(EDITION_CHECKED_KEY, Date.now())
        } catch (error) {
          reportRecovered('saving when the content host was asked failed', error)
        }
      }
    },
    (error: unknown) => {
      checking = false
      reportRecovered('checking the content host failed', error)
    },
  )
}
