// The packaged layout's rules: packing into weapp subpackages, and the pipeline stopping, with
// the limit, the size and the article count, before the output would break a WeChat limit.
import { BUDGETS, DATA_PACKAGE_TARGET_BYTES, MAIN_CODE_RESERVE_BYTES, checkWechatLimits, packDataFiles } from '../../scripts/pipeline/data-layout'
import { articleShardOf } from '../../src/core/catalog'
import { takeChars } from '../../src/core/text'

const MB = 1024 * 1024

describe('packDataFiles', () => {
  it('fills subpackages in order, none over the target', () => {
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `articles-${String(i).padStart(3, '0')}`, bytes: 100 * 1024 }))
    const { packages } = packDataFiles(files)
    expect(packages.map((p) => p.root)).toEqual(['data-1', 'data-2', 'data-3'])
    expect(packages.flatMap((p) => p.files)).toEqual(files.map((f) => f.name))
    for (const p of packages) expect(p.files.length * 100 * 1024).toBeLessThanOrEqual(DATA_PACKAGE_TARGET_BYTES)
  })
})

describe('checkWechatLimits', () => {
  const small = { name: 'articles-000', bytes: 100 * 1024 }
  it('lets a package within every limit through', () => {
    expect(() => checkWechatLimits({ articleCount: 42, catalogBytes: 16 * 1024, files: [small] })).not.toThrow()
  })

  it('names the whole-package limit, the size and the article count', () => {
    const files = Array.from({ length: 200 }, (_, i) => ({ name: `articles-${i}`, bytes: 0.1 * MB }))
    expect(() => checkWechatLimits({ articleCount: 30000, catalogBytes: 16 * 1024, files })).toThrow(
      /whole weapp package would be about 20\.\d\d MB with 30000 articles, over WeChat's 20\.00 MB limit/,
    )
  })

  it('names the main-package budget when the catalog outgrows it', () => {
    const catalogBytes = BUDGETS.weappMainBytes - MAIN_CODE_RESERVE_BYTES + 1
    expect(() => checkWechatLimits({ articleCount: 5000, catalogBytes, files: [small] })).toThrow(/main package would be about .* with 5000 articles.*1\.00 MB main-package budget/)
  })

  it('names a data file too big for one subpackage', () => {
    expect(() => checkWechatLimits({ articleCount: 7, catalogBytes: 1024, files: [{ name: 'search-index', bytes: 1.9 * MB }] })).toThrow(
      /search-index is 1\.90 MB with 7 articles: it cannot fit one weapp subpackage \(WeChat's limit is 2\.00 MB/,
    )
  })
})

describe('catalog helpers', () => {
  it('spreads ids over the shards and always gives the same shard', () => {
    const counts = new Array(8).fill(0)
    for (let i = 0; i < 8000; i++) counts[articleShardOf(i.toString(36).padStart(10, '0'), 8)]++
    for (const n of counts) expect(n).toBeGreaterThan(700)
    expect(articleShardOf('o5k27nmqww', 8)).toBe(articleShardOf('o5k27nmqww', 8))
  })

  it('cuts excerpts at whole characters, never half an emoji', () => {
    expect(takeChars('😀😀😀', 2)).toBe('😀😀')
    expect(takeChars('短', 60)).toBe('短')
  })
})
