// The prebuilt search index: up to date, byte-identical on regeneration, compact, and the only
// place the pinyin library is used.
import { readFileSync } from 'fs'
import { dirname, join, resolve } from 'path'
import { INDEX_PATH, buildSearchIndex, deriveHotSearchTerms, serializeSearchIndex, unitPinyin } from '../../scripts/pipeline/build-search-index'
import { articles } from '../../src/data/dataset'

const ROOT = join(__dirname, '../..')

describe('src/data/search-index.json', () => {
  it('is up to date: a fresh build gives the same bytes (run `npm run data`)', () => {
    expect(readFileSync(INDEX_PATH, 'utf8')).toBe(serializeSearchIndex(buildSearchIndex(articles)))
  })

  it('does not depend on the order of the articles', () => {
    const reversed = articles.slice().reverse()
    expect(serializeSearchIndex(buildSearchIndex(reversed))).toBe(serializeSearchIndex(buildSearchIndex(articles)))
  })

  it('stays small (it ships with the search page)', () => {
    expect(Buffer.byteLength(readFileSync(INDEX_PATH, 'utf8'))).toBeLessThan(32 * 1024)
  })

  it('holds one syllable per title character, aligned with the title', () => {
    const index = buildSearchIndex(articles)
    for (const article of articles) {
      const syllables = index.titlePinyin[article.id].split(' ')
      expect(syllables).toHaveLength(article.title.length)
    }
    expect(index.titlePinyin[articles.find((a) => a.title.startsWith('2025年山西朔州治疗焦虑'))!.id]).toContain('shuo zhou zhi liao jiao lv')
  })
})

describe('the traditional → simplified table', () => {
  const index = buildSearchIndex(articles)
  const text = articles.map((a) => a.title + a.summary + (a.body ? a.body.map((b) => b.text).join('') : '')).join('')

  it('maps the traditional forms of the articles\' characters to them (醫 → 医, 報銷 → 报销)', () => {
    expect(index.traditional['醫']).toBe('医')
    expect(index.traditional['報']).toBe('报')
    expect(index.traditional['銷']).toBe('销')
    expect(index.traditional['異']).toBe('异')
  })

  it('holds only characters the articles use, and never rewrites one they use', () => {
    const keys = Object.keys(index.traditional)
    expect(keys.length).toBeGreaterThan(100)
    for (const key of keys) {
      expect(text).not.toContain(key)
      expect(text).toContain(index.traditional[key])
    }
  })
})

describe('the sounds table', () => {
  const index = buildSearchIndex(articles)

  it('lists the common characters by sound, so 洲 is read like 州', () => {
    expect(index.sounds.zhou).toContain('州')
    expect(index.sounds.zhou).toContain('洲')
    expect(index.sounds.xing).toContain('行')
  })

  it('keeps only sounds some searchable word has (no other sound can spell one)', () => {
    const inUse = new Set(Object.values(index.titlePinyin).concat(Object.values(index.words)).join(' ').split(' '))
    for (const syllable of Object.keys(index.sounds)) expect(inUse.has(syllable)).toBe(true)
  })
})

describe('unitPinyin', () => {
  it('gives toneless syllables with ü as v, and nothing for digits and punctuation', () => {
    expect(unitPinyin('焦虑')).toEqual(['jiao', 'lv'])
    expect(unitPinyin('1-5岁')).toEqual(['', '', '', 'sui'])
  })

  it('reads polyphones in context', () => {
    expect(unitPinyin('银行')).toEqual(['yin', 'hang'])
    expect(unitPinyin('行走')).toEqual(['xing', 'zou'])
  })
})

describe('deriveHotSearchTerms', () => {
  it('ranks the places and questions most articles are about', () => {
    const hot = deriveHotSearchTerms(articles)
    expect(hot).toEqual(expect.arrayContaining(['个人账户', '扬州', '朔州']))
    // Cities are named as people say them, not 山西朔州.
    expect(hot).not.toContain('山西')
  })

  it('only suggests what at least two articles answer', () => {
    const one = articles.filter((a) => a.title.includes('试管'))
    expect(deriveHotSearchTerms(one)).toEqual([])
  })
})

describe('what the app bundles', () => {
  // Follows relative imports (static and lazy import()) from the app's entry into search; none
  // may reach a build-time library.
  function importsFrom(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/(?:from |import\((?:\/\*[^*]*\*\/ )?)'([^']+)'/g)) {
      const spec = match[1]
      if (!spec.startsWith('.')) {
        seen.add(`package:${spec}`)
        continue
      }
      if (spec.endsWith('.json')) continue
      const base = resolve(dirname(file), spec)
      const candidates = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]
      const next = candidates.find((c) => {
        try {
          readFileSync(c)
          return true
        } catch {
          return false
        }
      })
      if (next) importsFrom(next, seen)
    }
    return seen
  }

  it('search in the app pulls in neither the pinyin library nor the gazetteer', () => {
    const reached = importsFrom(join(ROOT, 'src/data/search.ts'))
    const packages = Array.from(reached).filter((entry) => entry.startsWith('package:'))
    expect(packages.sort()).toEqual(['package:fuse.js'])
  })
})
