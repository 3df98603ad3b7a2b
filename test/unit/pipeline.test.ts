import { execFileSync } from 'child_process'
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { buildDataset, readSourcePages, serializeDataset } from '../../scripts/pipeline/build-data'
import { ID_LENGTH, articleId, assignIds, isArticleId, normaliseTitle } from '../../src/core/ids'

const ROOT = join(__dirname, '../..')
const [page000, page001] = readSourcePages()

describe('article ids', () => {
  it('are fixed-length lowercase base36, URL-safe', () => {
    for (const title of ['医保卡统筹和个人区别', 'a', '', '🙂'.repeat(50)]) {
      const id = articleId(title)
      expect(id).toMatch(new RegExp(`^[0-9a-z]{${ID_LENGTH}}$`))
      expect(isArticleId(id)).toBe(true)
      expect(encodeURIComponent(id)).toBe(id)
    }
  })

  it('depend only on the NFKC-normalised, trimmed title', () => {
    expect(articleId(' 2025浙江舟山医保可以异地报销吗 ')).toBe(articleId('2025浙江舟山医保可以异地报销吗'))
    expect(articleId('２０２５浙江舟山医保可以异地报销吗')).toBe(articleId('2025浙江舟山医保可以异地报销吗'))
    expect(articleId('2025浙江舟山医保可以异地报销吗')).not.toBe(articleId('2025浙江舟山医保可以异地报销么'))
    expect(normaliseTitle(' Ａ ')).toBe('A')
  })

  it('stay the same across releases (shared links keep working)', () => {
    expect(articleId('医保卡个人账户余额每年都清零吗')).toBe('8ad1tv7728')
    expect(articleId('2025浙江舟山医保可以异地报销吗')).toBe('6t46aggg5o')
  })

  it('stop the pipeline on a collision', () => {
    expect(() => assignIds(['甲', '乙'], () => 'sameid0000')).toThrow(/id collision: "甲" and "乙"/)
    expect(assignIds(['甲', ' 甲 '], () => 'sameid0000').size).toBe(1)
  })
})

describe('buildDataset', () => {
  it('merges a title seen twice into one record', () => {
    const once = buildDataset([page001]).dataset
    const twice = buildDataset([page001, { ...page001, fileName: 'copy.txt' }])
    expect(twice.duplicates).toBe(once.articles.length)
    expect(serializeDataset(twice.dataset)).toBe(serializeDataset(once))
  })

  it('lets the full article win over an excerpt of the same title, whichever page comes first', () => {
    // A page of the same format that lists 001's main article as one of its 相关推荐 entries.
    const lines = page000.text.split('\n')
    const entryAt = lines.indexOf('医保个人账户能自己充钱吗')
    lines[entryAt] = '医保卡个人账户余额每年都清零吗'
    const listing = { fileName: 'listing.txt', text: lines.join('\n') }
    for (const pages of [[listing, page001], [page001, listing]]) {
      const { dataset } = buildDataset(pages)
      const matches = dataset.articles.filter((a) => a.title === '医保卡个人账户余额每年都清零吗')
      expect(matches).toHaveLength(1)
      expect(matches[0].fullText).toBe(true)
      expect(matches[0].body).not.toBeNull()
    }
  })

  it('rejects an empty page list', () => {
    expect(() => buildDataset([])).toThrow(/no source pages/)
  })

  it('refuses to ship without the source notice the app must show', () => {
    // Page 000 carries only the 提示 disclaimer; 本信息整理自… comes from page 001.
    expect(() => buildDataset([page000])).toThrow(/no source page carries the disclaimer "本信息整理自互联网公开渠道…"/)
  })
})

describe('scripts/pipeline/build-data.ts', () => {
  const run = (pagesDir: string, outFile: string) =>
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/pipeline/build-data.ts', pagesDir, outFile], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    })

  it('reads every page in a folder, reports per page and writes the dataset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'))
    for (const page of [page000, page001]) writeFileSync(join(dir, page.fileName), page.text)
    writeFileSync(join(dir, 'notes.md'), 'not a page')
    const out = join(dir, 'articles.json')
    const stdout = run(dir, out)
    expect(stdout).toContain(`${page000.fileName}: read 21 articles (1 full, 20 excerpts)`)
    expect(stdout).toContain('total: 2 pages, 42 articles (2 full, 40 excerpts), 0 duplicate titles merged')
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'src/data/articles.json'), 'utf8'))
  }, 30000)

  it('exits non-zero with the parser message on a malformed page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'))
    writeFileSync(join(dir, page000.fileName), page000.text)
    copyFileSync(join(ROOT, 'test/fixtures/pages/missing-date-line.txt'), join(dir, 'missing-date-line.txt'))
    let failure: { status: number; stderr: string } | undefined
    try {
      run(dir, join(dir, 'articles.json'))
    } catch (error) {
      failure = error as { status: number; stderr: string }
    }
    expect(failure?.status).toBe(1)
    expect(failure?.stderr).toMatch(/build-data failed: missing-date-line\.txt:30: expected a date line/)
  }, 30000)
})
