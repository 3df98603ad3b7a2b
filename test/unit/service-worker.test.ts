// The H5 service worker (scripts/site/serviceWorker.ts) for a small site: Workbox's bundle is made
// once with stand-ins and each build puts its own values in, so a build that takes the bundle
// from the build cache writes the very bytes of one that makes it; the catalog's stable address
// falls back to the precached copy of the worker's own edition, and a new edition is a new worker.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { writeEdition } from '../../scripts/pipeline/edition'
import { generateServiceWorker } from '../../scripts/site/serviceWorker'
import type { Catalog } from '../../src/core/catalog'

jest.setTimeout(300_000)

const dataDir = path.join(__dirname, '..', '..', 'src', 'data')
const temporary: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-worker-'))
  temporary.push(dir)
  return dir
}
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

function smallSite(): string {
  const dist = tempDir()
  for (const [file, text] of [
    ['app.html', '<!doctype html><title>app</title>'],
    ['404.html', '<!doctype html><title>404</title>'],
    ['js/app.12345678.js', 'console.log(1)'],
    ['css/app.87654321.css', 'body{}'],
  ]) {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true })
    fs.writeFileSync(path.join(dist, file), text)
  }
  return dist
}

test('the same worker with the bundle made now or taken from the cache; a new edition is a new worker', async () => {
  const dist = smallSite()
  const { manifest } = writeEdition(dist, { basePath: '' })
  const cache = tempDir()
  const made = await generateServiceWorker(dist, '', cache)
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8')
  expect(sw).not.toMatch(/__HN_/)
  // The precache holds the edition's own copy of the catalog, by revision; pages load the stable
  // address, answered by the network and, offline, by that copy.
  expect(sw).toContain(`{url:"/data/${manifest.version}/catalog.js",revision:"`)
  expect(sw).toContain(`fallbackURL:"/data/${manifest.version}/catalog.js"`)
  expect(sw).toContain('/^https?:\\/\\/[^/]+\\/data\\/catalog\\.js$/')
  expect(sw).toContain(`health-news-pages-${made.version}`)
  expect(made.count).toBe(5)

  fs.rmSync(path.join(dist, 'sw.js'))
  expect(await generateServiceWorker(dist, '', cache)).toEqual(made)
  expect(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8')).toBe(sw)
  expect(await generateServiceWorker(dist, '', undefined)).toEqual(made)
  expect(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8')).toBe(sw)

  // Another edition of the library: another build version, and the worker names its folder.
  const changedData = tempDir()
  fs.cpSync(dataDir, changedData, { recursive: true })
  const catalog = JSON.parse(fs.readFileSync(path.join(changedData, 'catalog.json'), 'utf8')) as Catalog
  fs.writeFileSync(path.join(changedData, 'catalog.json'), JSON.stringify({ ...catalog, head: catalog.head.slice(1) }))
  const next = writeEdition(dist, { basePath: '', dataDir: changedData }).manifest
  const after = await generateServiceWorker(dist, '', cache)
  const nextSw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8')
  expect(after.version).not.toBe(made.version)
  expect(nextSw).toContain(`fallbackURL:"/data/${next.version}/catalog.js"`)
  expect(nextSw).not.toContain(manifest.version)
})
