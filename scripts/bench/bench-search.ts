// Search benchmark: the app's engine against plain Fuse.js, on the real articles and on synthetic
// collections of 1,000, 10,000 and 50,000 articles recombined from them.
//
//   npm run --silent bench:search -- --json   → one JSON object { "results": [...], "meta": {...} }
//   npm run --silent bench:search             → a readable table
//   options: --sizes 1000,10000   --first-screen <file>
//
// Synthetic articles recombine what the real ones contain, so text statistics stay realistic:
// a real article's title, summary and body with its place swapped for another place from the
// data (nationwide ones get a place prefix, as the source's own titles have), the condition of a
// 治疗…的医院 question swapped for another condition from the data, and the year varied. Places
// come only from the articles' own regions (no gazetteer). A recombination that would restate a
// real article (same place, same condition) is skipped, so the gold queries keep their answers; a
// synthetic article counts as a hit for a gold query only when it asks what an expected article
// asks (see `answers`) about a place the query allows.
//
// Queries: the gold queries (test/gold/queries.json), 大家都在搜, and the first half of each gold
// query (what is in the box while typing). Figures: indexMs = parse the prebuilt index + create
// the engine (app, over the list entries the search page loads: title, 120-character excerpt,
// region, topics, no body) or `new Fuse` with default options (fuse-plain, bodies included);
// p50/p95/max wall-clock per search after 5 warm-up queries, over 3 rounds of the query set
// (plain Fuse.js: 1 round above 1,000 articles); heapMB = JS heap + array buffers the
// engine holds after a full GC; hitAt1/hitAt5 on the gold queries among those run. Plain Fuse.js
// takes seconds per query at 50,000 articles, so at 10,000 and 50,000 it runs a fixed, evenly
// spread subset of the queries (its row's "queries" says how many), and an extra app row on that
// same subset gives the like-for-like comparison. The prebuilt index's build time (pinyin, done
// by `npm run data`) is reported apart, in meta.corpora.
//
// The H5 first-screen figure comes from scripts/bench/bench-first-screen.mjs, which writes
// test-results/first-screen.json; when that file exists it is included as "firstScreen".
import { existsSync, readFileSync } from 'fs'
import { cpus } from 'os'
import { join } from 'path'
import { setFlagsFromString } from 'v8'
import { runInNewContext } from 'vm'
import Fuse from 'fuse.js'
import type { Article, Region } from '../../src/core/article'
import { toListEntry } from '../../src/core/catalog'
import { createSearchEngine } from '../../src/core/search/engine'
import { loadGoldQueries, resolveGoldQueries, scoreGold, type ResolvedGoldQuery } from '../../test/gold/gold'
import { buildSearchIndex, serializeSearchIndex } from '../pipeline/build-search-index'
import { percentile } from './harness'

const ROOT = join(__dirname, '..', '..')
const DEFAULT_SIZES = [1000, 10000, 50000]
/** Queries plain Fuse.js runs per collection size (it needs seconds per query at 50,000). */
const PLAIN_QUERY_BUDGET = (articles: number) => (articles <= 1000 ? Infinity : articles <= 10000 ? 40 : 12)
const RESULTS_PER_QUERY = 10
const WARM_UP_QUERIES = 5
/** Rounds over the query set: the app always affords three; plain Fuse.js only up to 1,000 articles. */
const ROUNDS = (engine: BenchRow['engine'], articles: number) => (engine === 'app' || articles <= 1000 ? 3 : 1)

export interface BenchRow {
  engine: 'app' | 'fuse-plain'
  articles: number
  /** Distinct queries run. */
  queries: number
  /** Timed searches: queries × rounds. */
  samples: number
  indexMs: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  heapMB: number
  hitAt1: number
  hitAt5: number
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny seeded PRNG, so every run builds the same collections. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]
}

// ---------------------------------------------------------------------------------------------
// Synthetic collections

/** What a synthetic article was made from: decides whether it answers a gold query. */
interface Origin {
  templateId: string
  /** For 治疗…的医院 questions: the condition it asks about ('' otherwise). */
  condition: string
  place: string
}

const CONDITION_PATTERN = /治疗(.+?)(?:的医院|哪个医院)/
const YEARS = ['2019', '2020', '2021', '2022', '2023', '2024', '2025']

function placeLabel(region: Region): string {
  return region.province + (region.city || '')
}

function replaceAll(text: string, from: string, to: string): string {
  return from && from !== to ? text.split(from).join(to) : text
}

export interface SyntheticCollection {
  articles: Article[]
  origins: Map<string, Origin>
}

/** `size` articles: every real one plus recombinations, in a seeded shuffled order. */
export function syntheticCollection(real: readonly Article[], size: number, seed = 20250319): SyntheticCollection {
  const random = seededRandom(seed + size)
  const places: Region[] = []
  for (const article of real) {
    if (article.region && !places.some((p) => placeLabel(p) === placeLabel(article.region!))) places.push(article.region)
  }
  const conditions: string[] = []
  for (const article of real) {
    const found = CONDITION_PATTERN.exec(article.title)
    if (found && conditions.indexOf(found[1]) < 0) conditions.push(found[1])
  }
  const realTitles = new Set(real.map((a) => a.title))
  const origins = new Map<string, Origin>()
  const made: Article[] = []
  let attempts = 0
  while (made.length < size - real.length && attempts < size * 20) {
    attempts++
    const template = pick(real, random)
    const drawn = pick(places, random)
    // A province-level article (河北省新农合…) stays province-level: 浙江省, not 浙江舟山省.
    const place: Region = template.region && !template.region.city ? { province: drawn.province } : drawn
    const templateCondition = (CONDITION_PATTERN.exec(template.title) || [])[1] || ''
    const condition = templateCondition && random() < 0.6 ? pick(conditions, random) : templateCondition
    const samePlace = template.region !== null && placeLabel(template.region) === placeLabel(place)
    // Same place and same condition would restate the real article: the gold answers must stay unique.
    if (samePlace && condition === templateCondition) continue
    const year = pick(YEARS, random)
    const rewrite = (text: string, isTitle: boolean): string => {
      let out = text
      if (template.region) {
        const { province, city } = template.region
        out = replaceAll(out, placeLabel(template.region), placeLabel(place))
        if (city) out = replaceAll(out, city, place.city || place.province)
        out = replaceAll(out, province, place.province)
      } else if (isTitle) {
        out = (place.city || place.province) + out
      }
      out = replaceAll(out, templateCondition, condition)
      return replaceAll(out, '2025', year)
    }
    const title = rewrite(template.title, true)
    if (realTitles.has(title)) continue
    const id = 's' + made.length.toString(36).padStart(9, '0')
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
    made.push({
      id,
      title,
      summary: rewrite(template.summary, false),
      body: template.body ? template.body.map((block) => ({ ...block, text: rewrite(block.text, false) })) : null,
      fullText: template.fullText,
      date: `${year}-${month}-${day}`,
      source: template.source,
      region: { ...place },
      topics: template.topics.slice(),
      related: [],
    })
    origins.set(id, { templateId: template.id, condition, place: placeLabel(place) })
  }
  const all = real.concat(made)
  // Fisher-Yates with the same seeded generator: real articles land anywhere, so ties between
  // equal scores cannot favour them.
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = all[i]
    all[i] = all[j]
    all[j] = t
  }
  return { articles: all, origins }
}

/**
 * Does this article answer the gold query? A real one: when expected. A synthetic one: when it
 * asks what an expected article asks — the same 治疗…的医院 condition (in any phrasing), the
 * same template question, or a title with all of the query's `titleWords` — about the place the
 * query names, if it names one.
 */
function answers(real: readonly Article[], collection: SyntheticCollection) {
  const { origins } = collection
  const conditionOf = new Map<string, string>()
  for (const article of real) conditionOf.set(article.id, (CONDITION_PATTERN.exec(article.title) || [])[1] || '')
  const titleOf = new Map<string, string>()
  for (const article of collection.articles) if (origins.has(article.id)) titleOf.set(article.id, article.title)
  return (query: ResolvedGoldQuery, id: string): boolean => {
    if (query.expectedIds.indexOf(id) >= 0) return true
    const origin = origins.get(id)
    if (!origin || (query.place && origin.place.indexOf(query.place) < 0)) return false
    const title = titleOf.get(id) || ''
    if (query.titleWords && query.titleWords.every((word) => title.indexOf(word) >= 0)) return true
    if (origin.condition) return query.expectedIds.some((expected) => conditionOf.get(expected) === origin.condition)
    return query.expectedIds.indexOf(origin.templateId) >= 0
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

let gc: (() => void) | null = null

/** A full GC before each heap reading; the flag is set on first use, not when tests import this. */
function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
  }
  gc()
  gc()
}

function heapBytes(): number {
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits))

interface Searcher {
  search(query: string): string[]
}

function measure(
  engine: BenchRow['engine'],
  real: readonly Article[],
  collection: SyntheticCollection,
  gold: ResolvedGoldQuery[],
  queries: string[],
  rounds: number,
  create: () => Searcher,
): BenchRow {
  collectGarbage()
  const before = heapBytes()
  const started = performance.now()
  const searcher = create()
  const indexMs = performance.now() - started
  collectGarbage()
  // A few hundred KB either way is GC noise; an engine cannot hold less than nothing.
  const heapMB = Math.max(0, heapBytes() - before) / (1024 * 1024)

  for (const q of queries.slice(0, WARM_UP_QUERIES)) searcher.search(q)
  const times: number[] = []
  const ranked = new Map<string, string[]>()
  // Several rounds over the same queries give steadier percentiles on a busy machine.
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t0 = performance.now()
      const ids = searcher.search(q)
      times.push(performance.now() - t0)
      ranked.set(q, ids)
    }
  }
  times.sort((a, b) => a - b)
  const goldHere = gold.filter((g) => ranked.has(g.query))
  const score = scoreGold(goldHere, (q) => ranked.get(q) || [], answers(real, collection))
  return {
    engine,
    articles: collection.articles.length,
    queries: queries.length,
    samples: times.length,
    indexMs: round(indexMs, 1),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times[times.length - 1] || 0),
    heapMB: round(heapMB, 1),
    hitAt1: round(score.hitAt1, 3),
    hitAt5: round(score.hitAt5, 3),
  }
}

function bodyText(article: Article): string {
  return article.body ? article.body.map((b) => b.text).join('\n') : ''
}

/** The app's engine over what the search page loads: list entries (120-character excerpt, no body). */
function appSearcher(articles: Article[], serializedIndex: string): Searcher {
  const engine = createSearchEngine(articles.map(toListEntry), JSON.parse(serializedIndex))
  return { search: (q) => engine.search(q, { limit: RESULTS_PER_QUERY }).map((hit) => hit.article.id) }
}

/** Fuse.js with its default options over the same fields. */
function plainSearcher(articles: Article[]): Searcher {
  const docs = articles.map((a) => ({
    id: a.id,
    title: a.title,
    summary: a.summary,
    body: bodyText(a),
    region: a.region ? placeLabel(a.region) : '',
    topics: a.topics,
  }))
  const fuse = new Fuse(docs, { keys: ['title', 'summary', 'body', 'region', 'topics'] })
  return { search: (q) => fuse.search(q, { limit: RESULTS_PER_QUERY }).map((r) => r.item.id) }
}

/** Every gold query, 大家都在搜, and what people have typed half-way through a gold query. */
function benchQueries(gold: ResolvedGoldQuery[], hot: string[]): string[] {
  const queries: string[] = gold.map((g) => g.query)
  for (const term of hot) if (queries.indexOf(term) < 0) queries.push(term)
  for (const g of gold) {
    const half = Array.from(g.query).slice(0, Math.ceil(Array.from(g.query).length / 2)).join('').trim()
    if (half && queries.indexOf(half) < 0) queries.push(half)
  }
  return queries
}

/** An evenly spread subset, gold queries first, so every kind of query stays represented. */
function spread(queries: string[], budget: number): string[] {
  if (queries.length <= budget) return queries
  const step = queries.length / budget
  const subset: string[] = []
  for (let i = 0; i < budget; i++) subset.push(queries[Math.floor(i * step)])
  return subset
}

// ---------------------------------------------------------------------------------------------

interface Args {
  json: boolean
  sizes: number[]
  firstScreen: string
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, sizes: DEFAULT_SIZES, firstScreen: join(ROOT, 'test-results/first-screen.json') }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = true
    else if (argv[i] === '--sizes') {
      const sizes = String(argv[++i] || '').split(',').map(Number)
      if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 100 || n > 200000)) {
        throw new Error('--sizes takes comma-separated whole numbers from 100 to 200000, e.g. --sizes 1000,10000')
      }
      args.sizes = sizes
    } else if (argv[i] === '--first-screen') {
      if (!argv[i + 1]) throw new Error('--first-screen needs a file path')
      args.firstScreen = argv[++i]
    } else throw new Error(`Unknown option "${argv[i]}". Usage: npm run bench:search -- [--json] [--sizes 1000,10000] [--first-screen file]`)
  }
  return args
}

function readFirstScreen(path: string): unknown {
  if (!existsSync(path)) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return { error: `could not read ${path}` }
  }
}

function table(rows: BenchRow[]): string {
  const header = ['engine', 'articles', 'queries', 'samples', 'index ms', 'p50 ms', 'p95 ms', 'max ms', 'heap MB', 'hit@1', 'hit@5']
  const lines = rows.map((r) =>
    [r.engine, r.articles, r.queries, r.samples, r.indexMs, r.p50Ms, r.p95Ms, r.maxMs, r.heapMB, r.hitAt1, r.hitAt5].map(String),
  )
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [format(header), ...lines.map(format)].join('\n')
}

function main(): void {
  let args: Args
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    process.exitCode = 2
    return
  }
  const dataset = JSON.parse(readFileSync(join(ROOT, 'src/data/articles.json'), 'utf8')) as { articles: Article[] }
  const real = dataset.articles
  const gold = resolveGoldQueries(loadGoldQueries(), real)
  const results: BenchRow[] = []
  const corpora: Array<{ articles: number; buildIndexMs: number; indexKB: number; subsetQueries: number }> = []
  const log = (line: string) => {
    if (!args.json) process.stdout.write(line + '\n')
  }

  const collections: SyntheticCollection[] = [{ articles: real.slice(), origins: new Map() }]
  for (const size of args.sizes) collections.push(syntheticCollection(real, size))

  let queries: string[] = []
  for (const collection of collections) {
    const n = collection.articles.length
    const built = performance.now()
    const index = buildSearchIndex(collection.articles)
    const serialized = serializeSearchIndex(index)
    const buildIndexMs = performance.now() - built
    if (!queries.length) queries = benchQueries(gold, index.hotSearchTerms)
    const subset = spread(queries, PLAIN_QUERY_BUDGET(n))
    log(`${n} articles: prebuilt index ${Math.round(buildIndexMs)} ms, ${(serialized.length / 1024).toFixed(0)} KB`)

    results.push(measure('app', real, collection, gold, queries, ROUNDS('app', n), () => appSearcher(collection.articles, serialized)))
    if (subset.length < queries.length) {
      // Like for like with plain Fuse.js below: same queries, same single round.
      const sameQueries = measure('app', real, collection, gold, subset, 1, () => appSearcher(collection.articles, serialized))
      results.push(sameQueries)
    }
    results.push(measure('fuse-plain', real, collection, gold, subset, ROUNDS('fuse-plain', n), () => plainSearcher(collection.articles)))
    corpora.push({ articles: n, buildIndexMs: round(buildIndexMs, 0), indexKB: round(serialized.length / 1024, 1), subsetQueries: subset.length })
    log(table(results.filter((r) => r.articles === n)) + '\n')
  }

  const firstScreen = readFirstScreen(args.firstScreen)
  const meta = {
    node: process.version,
    cpus: cpus().length,
    queryCount: queries.length,
    goldQueries: gold.length,
    corpora,
    notes:
      'indexMs excludes the build-time prebuilt index (buildIndexMs: pinyin and hot searches, done by npm run data). ' +
      'Rows with fewer queries than queryCount ran the evenly spread subset that plain Fuse.js could afford; ' +
      'the app row with the same query count is the like-for-like comparison.',
  }
  if (args.json) {
    const output: Record<string, unknown> = { results, meta }
    if (firstScreen !== undefined) output.firstScreen = firstScreen
    process.stdout.write(JSON.stringify(output, null, 2) + '\n')
  } else {
    log('All rows:')
    log(table(results))
    const screen = firstScreen as { firstScreenMs?: { p50: number; max: number; runs: number } } | undefined
    if (screen && screen.firstScreenMs) {
      const { p50, max, runs } = screen.firstScreenMs
      log(`\nH5 first screen (${args.firstScreen}): p50 ${p50} ms, max ${max} ms over ${runs} runs`)
    } else if (firstScreen !== undefined) log(`\nH5 first screen (${args.firstScreen}): ${JSON.stringify(firstScreen)}`)
    else log(`\nH5 first screen: no ${args.firstScreen} (run npm run bench:first-screen to add it)`)
  }
}

if (require.main === module) main()
