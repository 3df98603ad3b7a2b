// `npm run data` (first step): assets/articles/*.txt → src/data/articles.json.
// Parses every saved page, merges repeated titles, derives id / region / topics / related, and
// writes the dataset the app packages (pack-data.ts derives the shipped files from it). Deterministic: same pages in, same bytes out.
import { readdirSync, readFileSync, writeFileSync } from 'fs'
import { join, relative, resolve } from 'path'
import type { Article, ArticleDataset } from '../../src/core/article'
import { assignIds, normaliseTitle } from '../../src/core/ids'
import { dedupeByTitle } from '../../src/core/parse/dedupe'
import { parsePage, type ParsedPage } from '../../src/core/parse/page'
import { provincesInGazetteerOrder, regionFromTitle } from '../../src/core/regions'
import { relatedArticles, type SourcePageLinks } from '../../src/core/related'
import { topicsFor } from '../../src/core/topics'
import { newestFirstOrder } from '../../src/core/catalog'

export const ROOT = resolve(__dirname, '..', '..')
export const PAGES_DIR = join(ROOT, 'assets/articles')
export const DATASET_FILE = join(ROOT, 'src/data/articles.json')

export interface SourcePage {
  fileName: string
  text: string
}

export interface PageReport {
  fileName: string
  full: number
  excerpts: number
}

export interface BuildResult {
  dataset: ArticleDataset
  pages: PageReport[]
  /** Records dropped because their title was already present. */
  duplicates: number
  /** Each page's own 相关推荐 links, as the related lists were scored from them. */
  links: SourcePageLinks[]
}

/** The pure pipeline: page texts in (in the order given), dataset out. Throws on a malformed page. */
export function buildDataset(sources: readonly SourcePage[]): BuildResult {
  if (sources.length === 0) throw new Error('no source pages: expected at least one *.txt page')
  const parsed: ParsedPage[] = sources.map((s) => parsePage(s.text, s.fileName))
  const { articles: records, pageTitles } = dedupeByTitle(parsed)

  const idOf = assignIds(records.map((r) => r.title))
  const id = (key: string) => idOf.get(key) as string

  const articles: Article[] = records.map((record) => ({
    id: id(normaliseTitle(record.title)),
    title: record.title,
    summary: record.summary,
    body: record.body,
    fullText: record.fullText,
    date: record.date,
    source: record.source,
    region: regionFromTitle(record.title),
    topics: topicsFor(record.title, record.summary),
    related: [],
  }))
  // Newest first before relating: the topic index then offers the newest articles first.
  articles.sort(newestFirstOrder)
  const links = pageTitles.map((p) => ({ mainId: id(p.main), entryIds: p.entries.map(id) }))
  const related = relatedArticles(articles, links)
  for (const article of articles) article.related = related.get(article.id) ?? []

  return {
    dataset: {
      articles,
      disclaimers: {
        // Pages carry the 提示 disclaimer in shorter and longer versions: keep the fullest.
        medical: longest(parsed.map((p) => p.medicalDisclaimer), '提示:本内容不能代替面诊…'),
        sourceNotice: longest(parsed.map((p) => p.sourceNotice), '本信息整理自互联网公开渠道…'),
      },
      provinces: provincesInGazetteerOrder(articles.map((a) => a.region)),
    },
    pages: parsed.map((p) => ({ fileName: p.fileName, full: 1, excerpts: p.entries.length })),
    duplicates: parsed.reduce((n, p) => n + 1 + p.entries.length, 0) - articles.length,
    links,
  }
}

/**
 * The library as it was before article `id` was added: without it, and every related list
 * scored again over the rest (scores weigh title terms by how rare they are in the whole
 * library, so an added article can reorder lists that never name it), as this pipeline would
 * have made it. `links` are the pages' own links (BuildResult.links).
 */
export function datasetWithout(dataset: ArticleDataset, links: readonly SourcePageLinks[], id: string): ArticleDataset {
  const kept = dataset.articles.filter((a) => a.id !== id)
  const pageLinks = links.filter((p) => p.mainId !== id).map((p) => ({ mainId: p.mainId, entryIds: p.entryIds.filter((e) => e !== id) }))
  const related = relatedArticles(kept, pageLinks)
  const articles: Article[] = kept.map((a) => ({ ...a, related: related.get(a.id) ?? [] }))
  return { ...dataset, articles, provinces: provincesInGazetteerOrder(articles.map((a) => a.region)) }
}

function longest(texts: ReadonlyArray<string | null>, what: string): string {
  const found = texts.filter((t): t is string => !!t)
  if (found.length === 0) throw new Error(`no source page carries the disclaimer "${what}"`)
  return found.reduce((best, t) => (t.length > best.length ? t : best))
}

/** Pretty JSON with a trailing newline: diff-friendly and byte-identical on every run. */
export function serializeDataset(dataset: ArticleDataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`
}

/** Every *.txt in assets/articles, sorted by file name so the output never depends on the disk. */
export function readSourcePages(dir: string = PAGES_DIR): SourcePage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }))
}

/** `tsx scripts/pipeline/build-data.ts [pagesDir] [outFile]`: defaults are the repo's own; tests pass others. */
export function main(pagesDir: string = PAGES_DIR, outFile: string = DATASET_FILE): void {
  const { dataset, pages, duplicates } = buildDataset(readSourcePages(pagesDir))
  for (const page of pages) {
    console.log(`${page.fileName}: read ${page.full + page.excerpts} articles (${page.full} full, ${page.excerpts} excerpts)`)
  }
  const full = dataset.articles.filter((a) => a.fullText).length
  console.log(
    `total: ${pages.length} pages, ${dataset.articles.length} articles (${full} full, ` +
      `${dataset.articles.length - full} excerpts), ${duplicates} duplicate titles merged`,
  )
  writeFileSync(outFile, serializeDataset(dataset))
  console.log(`wrote ${relative(process.cwd(), outFile)}`)
}

if (require.main === module) {
  try {
    main(...process.argv.slice(2).map((arg) => resolve(arg)))
  } catch (error) {
    console.error(`build-data failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
