// The library as a published edition (scripts/pipeline/edition.ts): the manifest a follower reads,
// the files it names, and how few of them change when one article is added.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import { buildDataset, datasetWithout, readSourcePages } from '../../scripts/pipeline/build-data'
import { buildLayoutFiles } from '../../scripts/pipeline/data-layout'
import { growthPages } from '../../scripts/bench/growth-fixture'
import { dataFilesOfLayout, editionChanges, editionManifest, readEdition, shellWithEditionScripts, siteEditionScripts, writeEdition } from '../../scripts/pipeline/edition'
import type { ArticleDataset } from '../../src/core/article'
import { articleShardName, listShardName, regionKey, relatedShardName, relatedShardOf, shardOf, type Catalog, type ListEntry, type RelatedShard } from '../../src/core/catalog'
import { relatedArticles } from '../../src/core/related'
import type { SearchIndexData } from '../../src/core/search/types'
import { H5_EDITION_GLOBAL } from '../../src/data/h5Edition'
import datasetJson from '../../src/data/articles.json'
import { syntheticLibrary } from '../support/synthetic-library'

const dataDir = path.join(__dirname, '..', '..', 'src', 'data')
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const dists: string[] = []
function freshDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'edition-'))
  dists.push(dir)
  return dir
}
afterAll(() => dists.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('data/edition.json', () => {
  it('lists every data file the app loads, with the exact bytes and SHA-256 of the file at its path', () => {
    const dist = freshDist()
    const { manifest } = writeEdition(dist, { basePath: '' })
    const expectedNames = ['catalog', ...readdirSync(path.join(dataDir, 'shards')).map((f) => f.replace(/\.json$/, ''))].sort()
    expect(manifest.files.map((f) => f.name)).toEqual(expectedNames)
    expect(expectedNames).toEqual(expect.arrayContaining(['catalog', 'search-index', 'list-000', 'articles-000']))
    const onDisk = JSON.parse(readFileSync(path.join(dist, 'data', 'edition.json'), 'utf8'))
    expect(onDisk).toEqual(manifest)
    expect(Object.keys(onDisk)).toEqual(['format', 'version', 'articleCount', 'files'])
    expect(onDisk.format).toBe(1)
    expect(onDisk.version).toMatch(/^[0-9a-f]{12}$/)
    expect(onDisk.articleCount).toBe((datasetJson as unknown as ArticleDataset).articles.length)
    for (const file of onDisk.files) {
      expect(Object.keys(file)).toEqual(['name', 'path', 'bytes', 'sha256'])
      // The path rule: <version>/<name>.json, relative to the folder holding edition.json.
      expect(file.path).toBe(`${onDisk.version}/${file.name}.json`)
      const bytes = readFileSync(path.join(dist, 'data', file.path))
      expect(file.bytes).toBe(bytes.length)
      expect(file.sha256).toBe(sha256(bytes))
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/)
      // The bytes are the pipeline's own.
      const source = file.name === 'catalog' ? path.join(dataDir, 'catalog.json') : path.join(dataDir, 'shards', `${file.name}.json`)
      expect(bytes.equals(readFileSync(source))).toBe(true)
    }
  })

  it('is deterministic: the same library gives the same bytes and version, another library another version', () => {
    const a = freshDist()
    const b = freshDist()
    writeEdition(a, { basePath: '' })
    writeEdition(b, { basePath: '/health' })
    expect(readFileSync(path.join(a, 'data', 'edition.json'), 'utf8')).toBe(readFileSync(path.join(b, 'data', 'edition.json'), 'utf8'))

    const changedData = freshDist()
    cpSync(dataDir, changedData, { recursive: true, filter: (src) => !src.endsWith('.ts') })
    const catalog = JSON.parse(readFileSync(path.join(changedData, 'catalog.json'), 'utf8')) as Catalog
    writeFileSync(path.join(changedData, 'catalog.json'), JSON.stringify({ ...catalog, head: catalog.head.slice(1) }))
    const other = freshDist()
    const { manifest } = writeEdition(other, { basePath: '', dataDir: changedData })
    const first = readEdition(a)
    expect(manifest.version).not.toBe(first?.version)
    const changes = editionChanges(first, manifest)
    expect(changes.changed.map((f) => f.name)).toEqual(['catalog'])
  })

  it('replaces an older edition folder in the build and hands H5 pages the catalog before the app scripts', () => {
    const dist = freshDist()
    mkdirSync(path.join(dist, 'data', '0123456789ab'), { recursive: true })
    const { manifest } = writeEdition(dist, { basePath: '/health' })
    expect(readdirSync(path.join(dist, 'data')).sort()).toEqual([manifest.version, 'catalog.js', 'edition.json'].sort())

    const [script] = siteEditionScripts(dist, '/health')
    expect(script).toBe('/health/data/catalog.js')
    // The same bytes in the edition's immutable folder (what the service worker precaches).
    const stable = readFileSync(path.join(dist, 'data', 'catalog.js'), 'utf8')
    expect(readFileSync(path.join(dist, 'data', manifest.version, 'catalog.js'), 'utf8')).toBe(stable)
    const sandbox: Record<string, unknown> = {}
    sandbox.self = sandbox
    vm.runInNewContext(stable, sandbox)
    const edition = sandbox[H5_EDITION_GLOBAL] as { version: string; dataUrl: string; catalog: unknown }
    expect(edition.version).toBe(manifest.version)
    expect(edition.dataUrl).toBe(`/health/data/${manifest.version}/`)
    expect(edition.catalog).toEqual(JSON.parse(readFileSync(path.join(dataDir, 'catalog.json'), 'utf8')))

    const shell = '<!doctype html><html><head><script>inline()</script><script defer="defer" src="/js/app.12345678.js"></script></head><body><div id="app"></div></body></html>'
    const once = shellWithEditionScripts(shell, [script])
    expect(once).toContain(`<script defer="defer" src="${script}"></script><script defer="defer" src="/js/app.12345678.js">`)
    // A second run (prerendering an already prerendered shell) replaces the script, never doubles it,
    // and so does a run over a shell of an earlier build that named an edition's folder.
    expect(shellWithEditionScripts(once, [script])).toBe(once)
    const older = shellWithEditionScripts(shell, ['/health/data/ba9876543210/catalog.js'])
    const again = shellWithEditionScripts(older, [script])
    expect(again.match(/catalog\.js/g)).toHaveLength(1)
    expect(again).toBe(once)
  })

  it('names the catalog at one address for every edition, whose script carries the edition it belongs to', () => {
    const dist = freshDist()
    const first = writeEdition(dist, { basePath: '' }).manifest
    const [firstAddress] = siteEditionScripts(dist, '')
    // Another library (one list entry fewer on home): another version, the same address.
    const changedData = freshDist()
    cpSync(dataDir, changedData, { recursive: true })
    const catalog = JSON.parse(readFileSync(path.join(changedData, 'catalog.json'), 'utf8')) as Catalog
    writeFileSync(path.join(changedData, 'catalog.json'), JSON.stringify({ ...catalog, head: catalog.head.slice(1) }))
    const second = writeEdition(dist, { basePath: '', dataDir: changedData }).manifest
    expect(second.version).not.toBe(first.version)
    expect(siteEditionScripts(dist, '')).toEqual([firstAddress])
    expect(firstAddress).toBe('/data/catalog.js')
    expect(firstAddress).not.toContain(second.version)
    const sandbox: Record<string, unknown> = {}
    sandbox.self = sandbox
    vm.runInNewContext(readFileSync(path.join(dist, 'data', 'catalog.js'), 'utf8'), sandbox)
    const edition = sandbox[H5_EDITION_GLOBAL] as { version: string; dataUrl: string }
    expect([edition.version, edition.dataUrl]).toEqual([second.version, `/data/${second.version}/`])
    // The older edition's folder left the build; the new one holds the same script.
    expect(readdirSync(path.join(dist, 'data')).sort()).toEqual([second.version, 'catalog.js', 'edition.json'].sort())
  })
})

describe('stable shard membership', () => {
  const emptyIndex: SearchIndexData = { version: 2, titlePinyin: {}, words: {}, hotSearchTerms: [], traditional: {}, sounds: {} }
  const disclaimers = (datasetJson as unknown as ArticleDataset).disclaimers

  /** Shard file → the ids it holds. */
  function membership(layout: Map<string, string>): Map<string, string[]> {
    const members = new Map<string, string[]>()
    for (const [file, text] of layout) {
      if (/^shards\/(list|articles)-\d{3}\.json$/.test(file)) members.set(file, (JSON.parse(text) as ListEntry[]).map((e) => e.id).sort())
      if (/^shards\/related-\d{3}\.json$/.test(file)) members.set(file, Object.keys(JSON.parse(text) as RelatedShard).sort())
    }
    return members
  }

  it('related shards are keyed by region: as the library grows, only the regions of a split bucket move', () => {
    const library = syntheticLibrary(2001)
    const related = relatedArticles(library.articles, [])
    const articles = library.articles.map((a) => ({ ...a, related: related.get(a.id) ?? [] }))
    const layoutOf = (count: number) => buildLayoutFiles({ ...library, disclaimers, articles: articles.slice(0, count) }, emptyIndex)
    const shardOfId = (layout: Map<string, string>) => {
      const where = new Map<string, string>()
      for (const [file, ids] of membership(layout)) if (file.startsWith('shards/related-')) for (const id of ids) where.set(id, file)
      return where
    }
    let moves = 0
    let splits = 0
    // 1044 → 1045 and 1657 → 1658 add a related shard (the bytes pass a multiple of the target); 1500, 2000 do not.
    for (const count of [1044, 1500, 1657, 2000]) {
      const before = layoutOf(count)
      const after = layoutOf(count + 1)
      const countBefore = (JSON.parse(before.get('catalog.json') as string) as Catalog).relatedShardCount
      const countAfter = (JSON.parse(after.get('catalog.json') as string) as Catalog).relatedShardCount
      expect(countBefore).toBeGreaterThan(10)
      const was = shardOfId(before)
      const now = shardOfId(after)
      // Every article's list is where its region says, in both.
      for (const article of articles.slice(0, count + 1)) expect(now.get(article.id)).toBe(`shards/${relatedShardName(relatedShardOf(article.region, countAfter))}.json`)
      const movedIds = [...was].filter(([id, file]) => now.get(id) !== file).map(([id]) => id)
      if (countAfter === countBefore) {
        expect(movedIds).toEqual([])
      } else {
        // One bucket split: whatever moved left that one bucket for the new one, whole regions at a time.
        splits++
        expect(new Set(movedIds.map((id) => was.get(id))).size).toBeLessThanOrEqual(1)
        expect(new Set(movedIds.map((id) => now.get(id)))).toEqual(new Set(movedIds.length ? [`shards/${relatedShardName(countAfter - 1)}.json`] : []))
        const regionsMoved = new Set(movedIds.map((id) => regionKey(articles.find((a) => a.id === id)!.region)))
        for (const article of articles.slice(0, count)) {
          if (regionsMoved.has(regionKey(article.region))) expect(movedIds).toContain(article.id)
        }
      }
      moves += movedIds.length
    }
    console.log(`related shards over 4 growth steps: ${splits} bucket splits, ${moves} lists moved`)
    expect(splits).toBe(2)
  })

  it('one added article (the real pipeline, related lists scored again) changes few related shards', () => {
    const { dataset, links } = buildDataset(growthPages(readSourcePages(), 2000))
    const after = buildLayoutFiles(dataset, emptyIndex)
    const catalog = JSON.parse(after.get('catalog.json') as string) as Catalog
    const full = dataset.articles.filter((a) => a.fullText)
    const counts: number[] = []
    for (let k = 0; k < 6; k++) {
      const added = full[Math.floor(((k + 0.5) * full.length) / 6)]
      const before = buildLayoutFiles(datasetWithout(dataset, links, added.id), emptyIndex)
      const changed = [...after.keys()].filter((file) => file.startsWith('shards/related-') && before.get(file) !== after.get(file))
      // The added article's own list, and those of its city that now name it, are in its region's shard.
      expect(changed).toContain(`shards/${relatedShardName(relatedShardOf(added.region, catalog.relatedShardCount))}.json`)
      // And no article shard changes but the added article's own one (related lists are not stored there).
      const articleShards = [...after.keys()].filter((file) => file.startsWith('shards/articles-') && before.get(file) !== after.get(file))
      expect(articleShards).toEqual([`shards/${articleShardName(shardOf(added.id, catalog.articleShardCount))}.json`])
      counts.push(changed.length)
    }
    console.log(`one added article at ${dataset.articles.length}: related shards changed ${counts.join(', ')} of ${catalog.relatedShardCount}`)
    // Keyed by id instead, each of the ~10 lists that change would be a shard of its own.
    expect(Math.max(...counts)).toBeLessThanOrEqual(7)
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeLessThanOrEqual(5)
  })

  it('adding one article to 2,000 changes the members of a few shards, and the edition a few files', () => {
    const library = syntheticLibrary(2001)
    const added = library.articles[1000]
    const after: ArticleDataset = { ...library, disclaimers }
    const before: ArticleDataset = { ...library, disclaimers, articles: library.articles.filter((a) => a.id !== added.id) }
    const layoutBefore = buildLayoutFiles(before, emptyIndex)
    const layoutAfter = buildLayoutFiles(after, emptyIndex)
    const shardsBefore = membership(layoutBefore)
    const shardsAfter = membership(layoutAfter)
    const catalog = JSON.parse(layoutAfter.get('catalog.json') as string) as Catalog
    expect(catalog.listShardCount).toBeGreaterThan(8)
    expect(catalog.articleShardCount).toBeGreaterThan(8)

    const moved = [...shardsAfter].filter(([file, ids]) => JSON.stringify(shardsBefore.get(file)) !== JSON.stringify(ids)).map(([file]) => file)
    // The article's own list and article shards, and at most one bucket split of each kind (two files).
    expect(moved.filter((f) => f.startsWith('shards/list-')).length).toBeLessThanOrEqual(3)
    expect(moved.filter((f) => f.startsWith('shards/articles-')).length).toBeLessThanOrEqual(3)
    expect(moved).toContain(`shards/${listShardName(shardOf(added.id, catalog.listShardCount))}.json`)
    expect(moved).toContain(`shards/${articleShardName(shardOf(added.id, catalog.articleShardCount))}.json`)

    const changes = editionChanges(editionManifest(dataFilesOfLayout(layoutBefore)), editionManifest(dataFilesOfLayout(layoutAfter)))
    const total = layoutAfter.size
    console.log(`one added article at ${library.articles.length}: ${changes.changed.length} of ${total} files changed (${changes.changed.map((f) => f.name).join(', ')}), ${changes.changedBytes} bytes`)
    expect(changes.changed.length).toBeLessThanOrEqual(7)
    expect(changes.changed.map((f) => f.name)).toContain('catalog')
  })

  it('a new shard splits exactly one bucket: every other id stays where it was', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => (i * 7919).toString(36).padStart(10, '0'))
    for (const count of [1, 2, 3, 7, 8, 9, 40, 63, 64]) {
      let level = 1
      while (level * 2 <= count) level *= 2
      const moves = new Set<string>()
      let movedIds = 0
      for (const id of ids) {
        const was = shardOf(id, count)
        const now = shardOf(id, count + 1)
        if (was !== now) {
          moves.add(`${was}→${now}`)
          movedIds++
        }
      }
      // Only the split bucket gives ids, only to the new one; about half of its ids move.
      expect([...moves]).toEqual([`${count - level}→${count}`])
      expect(movedIds).toBeGreaterThan(ids.length / (4 * level))
    }
  })
})
