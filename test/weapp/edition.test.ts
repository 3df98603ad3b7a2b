// The mini-program following the library's published edition (src/platform/edition.weapp.ts,
// src/data/loader.weapp.ts), offline: one build made with CONTENT_BASE_URL pointing at a static
// host on 127.0.0.1 (support/follower-build.ts: its packaged library lacks one saved page), run
// in miniprogram-simulate with wx.request, wx.downloadFile and the file system served by that
// host and a temporary folder (support/edition-host.ts). Storage and files carry over from one
// launch to the next as on a phone; "hours later" is the stored time of the last check moved back.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Article, ArticleDataset } from '../../src/core/article'
import { ACTIVE_EDITION_KEY, EDITION_CHECK_INTERVAL_MS, EDITION_CHECKED_KEY, editionFileName } from '../../src/core/edition'
import { LIST_PAGE_SIZE } from '../../src/core/filters'
import { publishEdition, type PublishedEdition } from '../support/edition-publisher'
import { repoRoot, weappDir } from './support/dist'
import { editionWx, startEditionHost, type EditionHost, type EditionPhone } from './support/edition-host'
import { buildFollower, reusedFollowerBuild, type FollowerBuild } from './support/follower-build'
import { launchSimulated, openArticlePage, type SimulatedPage, type SimulatedProgram } from './support/simulate'

jest.setTimeout(120_000)

const HOME = '/pages/index/index'
/** A library of 10,000 articles built from the growth fixture (read only). */
/** src/data of a 10,000-article library (bench:growth's, after `npm run data`), when given. */
const BASE_10K_DATA = process.env.BASE_10K_DATA ?? ''
const SEARCH = '/pages/search/index'

let host: EditionHost
let build: FollowerBuild
/** The library packaged in the build (one saved page short), and the full one. */
let packaged: PublishedEdition
let full: PublishedEdition
let packagedArticles: Article[]
let fullArticles: Article[]
/** An article of the saved page the build does not package. */
let newArticle: Article
const scratch: string[] = []

const readArticles = (dataDir: string) => (JSON.parse(fs.readFileSync(path.join(dataDir, 'articles.json'), 'utf8')) as ArticleDataset).articles

beforeAll(async () => {
  const reused = reusedFollowerBuild()
  if (reused) {
    build = reused
    host = await startEditionHost(Number(new URL(reused.baseUrl).port))
  } else {
    host = await startEditionHost()
    build = buildFollower(host.baseUrl)
  }
  console.log(`follower build: ${build.buildLog.join(', ')} (the machine is shared: times are inflated)`)
  packaged = publishEdition(path.join(build.copy, 'src', 'data'))
  full = publishEdition(path.join(repoRoot, 'src', 'data'))
  packagedArticles = readArticles(path.join(build.copy, 'src', 'data'))
  fullArticles = readArticles(path.join(repoRoot, 'src', 'data'))
  const packagedIds = new Set(packagedArticles.map((a) => a.id))
  const added = fullArticles.filter((a) => !packagedIds.has(a.id))
  newArticle = added.find((a) => a.fullText) ?? added[0]
  if (!newArticle) throw new Error(`leaving out ${build.leftOut} removed no article`)
}, 20 * 60_000)

afterAll(async () => {
  await host?.stop()
  if (!process.env.FOLLOWER_COPY) build?.remove()
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true })
})

/** A phone: its storage and its files, kept across launches. */
interface Phone {
  storage: Record<string, unknown>
  userDir: string
}

function newPhone(): Phone {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-news-phone-'))
  scratch.push(userDir)
  return { storage: {}, userDir }
}

/** Moves the last check back past the interval: the next launch asks the host again. */
function hoursLater(phone: Phone): void {
  if (typeof phone.storage[EDITION_CHECKED_KEY] === 'number') phone.storage[EDITION_CHECKED_KEY] = (phone.storage[EDITION_CHECKED_KEY] as number) - EDITION_CHECK_INTERVAL_MS - 1000
}

/** Reports the app may make here: drawing share images (simulate has no canvas) and the ones a test expects. */
const noCanvas = /^\[health-news\] recovered: drawing (a|the) share image .*failed/

interface Launched {
  program: SimulatedProgram
  net: EditionPhone
}

function launch(phone: Phone, dir = build.weappDir, options: { quotaBytes?: number; networkType?: string } = {}): Launched {
  const net = editionWx(phone.userDir, options)
  const program = launchSimulated({ dir, storage: phone.storage, wx: net.wx })
  return { program, net }
}

/** Closes the program, keeps its storage on the phone, and returns its reports for developers. */
function close(phone: Phone, { program }: Launched): string[] {
  program.stack().forEach((page) => page.unload())
  program.close()
  phone.storage = Object.fromEntries(program.wx.storage)
  expect(program.errors).toEqual([])
  return program.warnings.filter((w) => !noCanvas.test(w))
}

/** Waits until the launch's check of the host has concluded (its time is saved). */
async function checkConcluded(phone: Phone, { program }: Launched): Promise<void> {
  const before = phone.storage[EDITION_CHECKED_KEY]
  await program.waitFor(() => {
    const now = program.wx.storage.get(EDITION_CHECKED_KEY)
    return typeof now === 'number' && now !== before
  }, 60_000)
}

const activeVersion = (program: SimulatedProgram) => (program.wx.storage.get(ACTIVE_EDITION_KEY) as { version?: string } | undefined)?.version

const countOf = (page: SimulatedPage) => Number(/共 (\d+) 篇/.exec(page.text())?.[1] ?? NaN)

/** Home scrolled to its end: every title it lists. */
async function homeTitles(program: SimulatedProgram, expectedCount: number): Promise<string> {
  const home = await program.open(HOME)
  await home.waitFor((p) => countOf(p) === expectedCount)
  for (let round = 0; round < Math.ceil(expectedCount / LIST_PAGE_SIZE) + 2 && !home.texts().includes('没有更多了'); round++) {
    home.instance.onReachBottom()
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await home.waitFor((p) => p.texts().includes('没有更多了'))
  const text = home.root.textContent ?? ''
  home.unload()
  return text
}

async function searchFinds(program: SimulatedProgram, article: Article): Promise<void> {
  const search = await program.open(SEARCH)
  await search.waitFor((p) => p.texts().includes('大家都在搜'))
  await search.input(article.title)
  await search.waitFor((p) => /找到 \d+ 篇/.test(p.text()) && (p.root.textContent ?? '').includes(article.title))
  search.unload()
}

/** What a reader of `edition` sees: its count and the new article listed, opened and found, or not there. */
async function readerSees(program: SimulatedProgram, articles: Article[]): Promise<void> {
  const listed = await homeTitles(program, articles.length)
  const hasNew = articles.some((a) => a.id === newArticle.id)
  expect(listed.includes(newArticle.title)).toBe(hasNew)
  if (hasNew) {
    const detail = await openArticlePage(program, newArticle)
    if (newArticle.body) expect(detail.text()).toContain(newArticle.body[0].text)
    detail.unload()
    await searchFinds(program, newArticle)
  } else {
    const detail = await program.open(`/pages/detail/index?id=${newArticle.id}`)
    await detail.waitFor((p) => p.text().includes('没有找到'))
    detail.unload()
  }
}

/** A phone that followed the full edition: the last good edition of the failure tests. */
async function phoneOnFullEdition(): Promise<Phone> {
  const phone = newPhone()
  host.serve(full.files)
  const first = launch(phone)
  await checkConcluded(phone, first)
  expect(activeVersion(first.program)).toBe(full.manifest.version)
  close(phone, first)
  hoursLater(phone)
  return phone
}

const heldOf = (edition: PublishedEdition) => [...new Set(edition.manifest.files.map((f) => editionFileName(f.sha256)))].sort()

test('a second edition with one more saved page shows after a relaunch: listed on home, opened, found by search; old files go', async () => {
  const phone = newPhone()
  // First launch: the host holds the packaged library as its edition; the reader sees it.
  host.serve(packaged.files)
  const first = launch(phone)
  await readerSees(first.program, packagedArticles)
  await checkConcluded(phone, first)
  expect(activeVersion(first.program)).toBe(packaged.manifest.version)
  expect(first.net.heldFiles()).toEqual(heldOf(packaged))
  expect(close(phone, first).filter((w) => /edition|content host/.test(w))).toEqual([])

  // The operator publishes a new edition with one more saved page. The next launch still reads
  // the edition it started with, downloads only the files whose content changed, and switches.
  host.serve(full.files)
  hoursLater(phone)
  const requestsBefore = host.requests.length
  const second = launch(phone)
  await readerSees(second.program, packagedArticles)
  await checkConcluded(phone, second)
  expect(activeVersion(second.program)).toBe(full.manifest.version)
  const packagedHashes = new Set(packaged.manifest.files.map((f) => f.sha256))
  const changed = full.manifest.files.filter((f) => !packagedHashes.has(f.sha256)).map((f) => f.path)
  expect(host.requests.slice(requestsBefore).filter((p) => p !== 'edition.json').sort()).toEqual(changed.sort())
  // The edition in use this session keeps its files until the next launch.
  expect(second.net.heldFiles()).toEqual([...new Set([...heldOf(packaged), ...heldOf(full)])].sort())
  close(phone, second)

  // After a relaunch the same build shows the new edition everywhere, and the old files are gone.
  hoursLater(phone)
  const third = launch(phone)
  await readerSees(third.program, fullArticles)
  await checkConcluded(phone, third)
  expect(third.net.heldFiles()).toEqual(heldOf(full))
  close(phone, third)
})

test('on show, hours after the last check, the host is asked again without a relaunch', async () => {
  const phone = newPhone()
  host.serve(packaged.files)
  const running = launch(phone)
  await checkConcluded(phone, running)
  expect(activeVersion(running.program)).toBe(packaged.manifest.version)
  host.serve(full.files)
  // Shown again at once: too soon to ask.
  const requestsBefore = host.requests.length
  ;(global as any).getApp().onShow({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} })
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(host.requests.length).toBe(requestsBefore)
  // Shown again hours later: it asks, and the new edition becomes the one of the next launch.
  const longAgo = Date.now() - EDITION_CHECK_INTERVAL_MS - 1000
  running.program.wx.storage.set(EDITION_CHECKED_KEY, longAgo)
  ;(global as any).getApp().onShow({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} })
  await running.program.waitFor(() => activeVersion(running.program) === full.manifest.version && (running.program.wx.storage.get(EDITION_CHECKED_KEY) as number) > longAgo, 60_000)
  expect(host.requests.slice(requestsBefore)[0]).toBe('edition.json')
  close(phone, running)
})

/** What the host serves, and the developer report that says why the edition was not taken. */
const brokenEditions: Array<[string, () => Map<string, Buffer>, RegExp]> = [
  [
    'a tampered file (same size, other bytes)',
    () => {
      const files = new Map(packaged.files)
      const listPath = packaged.manifest.files.find((f) => f.name === 'list-000')!.path
      const tampered = Buffer.from(files.get(listPath)!)
      tampered[tampered.length - 3] = tampered[tampered.length - 3] === 0x31 ? 0x32 : 0x31
      files.set(listPath, tampered)
      return files
    },
    /following edition \w+ failed.*list-000.*SHA-256 differs/,
  ],
  [
    'a truncated file',
    () => {
      const files = new Map(packaged.files)
      const shardPath = packaged.manifest.files.find((f) => f.name === 'articles-000')!.path
      files.set(shardPath, files.get(shardPath)!.subarray(0, 1000))
      return files
    },
    /following edition \w+ failed.*articles-000.*1000 bytes instead of/,
  ],
  [
    'a manifest with a path outside the data folder',
    () => {
      const files = new Map(packaged.files)
      const manifest = JSON.parse(files.get('edition.json')!.toString('utf8'))
      const entry = manifest.files.find((f: { name: string }) => f.name === 'articles-000')
      entry.path = `${manifest.version}/../private/articles-000.json`
      files.set('private/articles-000.json', files.get(`${manifest.version}/articles-000.json`)!)
      files.set('edition.json', Buffer.from(JSON.stringify(manifest)))
      return files
    },
    /the content host published a manifest that is not valid.*articles-000's path/,
  ],
  ['a download cut off halfway', () => packaged.files, /following edition \w+ failed.*search-index.*closed before the whole file/],
  ['a manifest that is not JSON', () => new Map([['edition.json', Buffer.from('<html>502 Bad Gateway</html>')]]), /asking the content host for its edition failed.*JSON/],
]

test.each(brokenEditions)('%s: the reader keeps the last good edition, no page error', async (label, make, report) => {
  const phone = await phoneOnFullEdition()
  host.serve(make())
  if (label === 'a download cut off halfway') host.cutOff([packaged.manifest.files.find((f) => f.name === 'search-index')!.path])
  const attempt = launch(phone)
  await readerSees(attempt.program, fullArticles)
  await checkConcluded(phone, attempt)
  expect(activeVersion(attempt.program)).toBe(full.manifest.version)
  // The last good edition is whole; no partial download stays.
  const held = attempt.net.heldFiles()
  expect(held.filter((f) => !f.endsWith('.json'))).toEqual([])
  for (const file of heldOf(full)) expect(held).toContain(file)
  const reports = close(phone, attempt)
  expect(reports).toContainEqual(expect.stringMatching(report))

  // The next launch still reads it; with the host repaired, whatever the broken one left goes.
  host.serve(full.files)
  hoursLater(phone)
  const next = launch(phone)
  await readerSees(next.program, fullArticles)
  await checkConcluded(phone, next)
  expect(next.net.heldFiles()).toEqual(heldOf(full))
  close(phone, next)
})

test('the host gone: the reader keeps the last good edition; gone from the start: the packaged library works as today', async () => {
  const phone = await phoneOnFullEdition()
  // The files taken off the host: every request answers 404.
  host.serve(new Map())
  const emptied = launch(phone)
  await readerSees(emptied.program, fullArticles)
  await checkConcluded(phone, emptied)
  expect(activeVersion(emptied.program)).toBe(full.manifest.version)
  expect(close(phone, emptied).some((w) => /recovered: asking the content host .*HTTP 404/.test(w))).toBe(true)

  // The host itself gone: connections refused.
  await host.stop()
  try {
    hoursLater(phone)
    const refused = launch(phone)
    await readerSees(refused.program, fullArticles)
    await checkConcluded(phone, refused)
    expect(activeVersion(refused.program)).toBe(full.manifest.version)
    expect(close(phone, refused).some((w) => /recovered: asking the content host .*ECONNREFUSED/.test(w))).toBe(true)

    const fresh = newPhone()
    const packagedOnly = launch(fresh)
    await readerSees(packagedOnly.program, packagedArticles)
    await checkConcluded(fresh, packagedOnly)
    expect(packagedOnly.program.wx.storage.has(ACTIVE_EDITION_KEY)).toBe(false)
    expect(packagedOnly.net.heldFiles()).toEqual([])
    close(fresh, packagedOnly)
  } finally {
    host = await startEditionHost(host.port)
  }
})

test('a held file missing at launch: the packaged library for the whole session, the file fetched again, the edition back at the next launch', async () => {
  const phone = await phoneOnFullEdition()
  const listFile = full.manifest.files.find((f) => f.name === 'list-000')!
  fs.rmSync(path.join(phone.userDir, 'edition', editionFileName(listFile.sha256)))
  const requestsBefore = host.requests.length
  const missing = launch(phone)
  await readerSees(missing.program, packagedArticles)
  await checkConcluded(phone, missing)
  expect(host.requests.slice(requestsBefore)).toEqual(['edition.json', listFile.path])
  expect(close(phone, missing).some((w) => /recovered: the downloaded edition .* cannot be read; the packaged library is used this session/.test(w))).toBe(true)

  hoursLater(phone)
  const repaired = launch(phone)
  await readerSees(repaired.program, fullArticles)
  await checkConcluded(phone, repaired)
  expect(close(phone, repaired)).toEqual([])
})

test('a held file damaged after it was verified: that file fails (加载失败) without mixing editions, and is fetched again', async () => {
  const phone = await phoneOnFullEdition()
  const shard = full.manifest.files.find((f) => f.name === 'articles-000')!
  const held = path.join(phone.userDir, 'edition', editionFileName(shard.sha256))
  fs.writeFileSync(held, Buffer.alloc(shard.bytes, 0x20).fill('{', 0, 1))
  const damaged = launch(phone)
  // The list is whole (its own files are sound); the article's shard is not.
  await homeTitles(damaged.program, fullArticles.length)
  const detail = await damaged.program.open(`/pages/detail/index?id=${newArticle.id}`)
  await detail.waitFor((p) => p.text().includes('加载失败'))
  await checkConcluded(phone, damaged)
  expect(close(phone, damaged).some((w) => /recovered: the downloaded articles-000 of edition .* is damaged/.test(w))).toBe(true)

  // Removed when found damaged, fetched again by the next check: the edition is whole again.
  hoursLater(phone)
  const next = launch(phone)
  await checkConcluded(phone, next)
  close(phone, next)
  hoursLater(phone)
  const whole = launch(phone)
  await readerSees(whole.program, fullArticles)
  close(phone, whole)
})

test('a full disk: the download fails, the reader keeps what they had, nothing half-written stays', async () => {
  const phone = newPhone()
  host.serve(full.files)
  const attempt = launch(phone, build.weappDir, { quotaBytes: 30_000 })
  await readerSees(attempt.program, packagedArticles)
  await checkConcluded(phone, attempt)
  expect(attempt.program.wx.storage.has(ACTIVE_EDITION_KEY)).toBe(false)
  expect(attempt.net.heldFiles().filter((f) => f.endsWith('.part'))).toEqual([])
  expect(close(phone, attempt).some((w) => /storage limit is exceeded/.test(w))).toBe(true)
})

// Needs the 10,000-article library of the growth fixture (BASE_10K_DATA); without it, skipped.
;(BASE_10K_DATA && fs.existsSync(path.join(BASE_10K_DATA, 'catalog.json')) ? test : test.skip)('at 10,000 articles: off Wi-Fi only the manifest is fetched; on Wi-Fi the edition follows (held bytes printed)', async () => {
  const tenThousand = publishEdition(BASE_10K_DATA)
  host.serve(tenThousand.files)
  const phone = newPhone()
  const requestsBefore = host.requests.length
  const cellular = launch(phone, build.weappDir, { networkType: '4g' })
  await cellular.program.waitFor(() => cellular.net.calls.includes('getNetworkType'), 60_000)
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(host.requests.slice(requestsBefore)).toEqual(['edition.json'])
  // Not concluded: the next show asks again, and downloads on Wi-Fi.
  expect(cellular.program.wx.storage.has(EDITION_CHECKED_KEY)).toBe(false)
  close(phone, cellular)

  const started = Date.now()
  const wifi = launch(phone)
  await checkConcluded(phone, wifi)
  const seconds = (Date.now() - started) / 1000
  expect(activeVersion(wifi.program)).toBe(tenThousand.manifest.version)
  const heldBytes = wifi.net.heldFiles().reduce((sum, f) => sum + fs.statSync(path.join(phone.userDir, 'edition', f)).size, 0)
  expect(heldBytes).toBe(tenThousand.manifest.files.reduce((sum, f) => sum + f.bytes, 0))
  const manifestBytes = JSON.stringify(tenThousand.manifest).length
  console.log(
    `edition at ${tenThousand.manifest.articleCount} articles: ${tenThousand.manifest.files.length} files, ${(heldBytes / 1024 / 1024).toFixed(1)} MB held under the user data path ` +
      `(WeChat allows 200 MB), manifest in storage ${(manifestBytes / 1024).toFixed(1)} KB (1 MB a key); downloaded, verified and switched in ${seconds.toFixed(1)} s (shared machine: inflated)`,
  )
  close(phone, wifi)

  hoursLater(phone)
  const relaunched = launch(phone)
  const home = await relaunched.program.open(HOME)
  await home.waitFor((p) => countOf(p) === tenThousand.manifest.articleCount, 60_000)
  await checkConcluded(phone, relaunched)
  close(phone, relaunched)
})

test('without CONTENT_BASE_URL (the default build) no request is made and no file is touched', async () => {
  const phone = newPhone()
  host.serve(full.files)
  // Even with an edition held from some other build, the default build reads its package only.
  const followed = await phoneOnFullEdition()
  phone.storage = { ...followed.storage }
  fs.cpSync(followed.userDir, phone.userDir, { recursive: true })
  const requestsBefore = host.requests.length
  const plain = launch(phone, weappDir())
  const defaultArticles = readArticles(path.join(repoRoot, 'src', 'data'))
  const home = await plain.program.open(HOME)
  await home.waitFor((p) => countOf(p) === defaultArticles.length)
  await openArticlePage(plain.program, defaultArticles[0])
  await new Promise((resolve) => setTimeout(resolve, 500))
  expect(plain.net.calls).toEqual([])
  expect(host.requests.length).toBe(requestsBefore)
  expect(plain.program.wx.storage.get(EDITION_CHECKED_KEY)).toBe(phone.storage[EDITION_CHECKED_KEY])
  close(phone, plain)
})
