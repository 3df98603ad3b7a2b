// Search the packaged articles from the shell, with the engine the app runs.
//
//   npm run --silent search -- --json "扬州 断缴"   → [{"id","title","score"}, …] (best first, ≤ 10)
//   npm run --silent search -- 朔州听力下将          → a readable list with the matched title text
//
// A query that leaves nothing to search (emoji, punctuation, spaces, '') prints [] and exits 0.
// Usage errors print a message to stderr and exit 2.
import type { MatchRange } from '../../src/core/search/types'
import { getSearchEngine } from '../../src/data/searchDataset'

export const MAX_RESULTS = 10

const USAGE = `Usage: npm run --silent search -- [--json] [--limit N] "<query>"
  --json      print only a JSON array of {"id","title","score"}, best first
  --limit N   at most N results, 1-${MAX_RESULTS} (default ${MAX_RESULTS})
  --help      show this help
Articles with every word come first; when they are few, articles with most of the words
follow (marked "partial" in the readable list). Questions in plain words (朔州哪家医院治焦虑),
pinyin (yibao), initials (yb) and typos work.`

interface Options {
  json: boolean
  limit: number
  query: string
}

class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Options | 'help' {
  let json = false
  let limit = MAX_RESULTS
  const words: string[] = []
  let onlyWords = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (onlyWords || !arg.startsWith('--')) {
      words.push(arg)
    } else if (arg === '--') {
      onlyWords = true
    } else if (arg === '--json') {
      json = true
    } else if (arg === '--help') {
      return 'help'
    } else if (arg === '--limit' || arg.startsWith('--limit=')) {
      const value = arg === '--limit' ? argv[++i] : arg.slice('--limit='.length)
      const n = Number(value)
      if (value === undefined || !Number.isInteger(n) || n < 1 || n > MAX_RESULTS) {
        throw new UsageError(`--limit needs a whole number from 1 to ${MAX_RESULTS}, got ${value === undefined ? 'nothing' : `"${value}"`}.`)
      }
      limit = n
    } else {
      throw new UsageError(`Unknown option "${arg}".`)
    }
  }
  if (words.length === 0) throw new UsageError('Missing the query to search for.')
  // Unquoted words (npm run search -- 扬州 断缴) are one query, as if quoted.
  return { json, limit, query: words.join(' ') }
}

function marked(title: string, ranges: readonly MatchRange[]): string {
  let out = ''
  let last = 0
  for (const [start, end] of ranges) {
    out += title.slice(last, start) + '【' + title.slice(start, end) + '】'
    last = end
  }
  return out + title.slice(last)
}

function main(argv: readonly string[]): number {
  let options: Options | 'help'
  try {
    options = parseArgs(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\n${USAGE}\n`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const hits = getSearchEngine().search(options.query, { limit: options.limit })
  if (options.json) {
    const rows = hits.map((hit) => ({ id: hit.article.id, title: hit.article.title, score: Number(hit.score.toPrecision(6)) }))
    process.stdout.write(`${JSON.stringify(rows)}\n`)
    return 0
  }
  if (!hits.length) {
    process.stdout.write(`No articles match "${options.query}".\n`)
    return 0
  }
  hits.forEach((hit, i) => {
    process.stdout.write(
      `${String(i + 1).padStart(2)}. ${marked(hit.article.title, hit.titleRanges)}\n` +
        `    id ${hit.article.id}  score ${hit.score.toPrecision(3)}${hit.partial ? '  partial: not every word' : ''}\n`,
    )
  })
  return 0
}

if (require.main === module) process.exitCode = main(process.argv.slice(2))
