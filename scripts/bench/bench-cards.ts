// Share-card benchmark: draws every article's card (scripts/share-cards/shareCards.ts) into a fresh
// cache, then again from that cache, and prints ms per card, the total and the cards' sizes.
//
//   npm run --silent bench:cards -- [--json] [--workers N] [path/to/articles.json]
//
// The default input is this repository's src/data/articles.json; give a larger library's
// articles.json to measure at its size (nothing is written beside it). Wall-clock figures: other
// work on the machine inflates them; the CPU time a card (all threads) much less so.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ArticleDataset } from '../../src/core/article'
import { drawShareCards } from '../share-cards/shareCards'

interface Run {
  seconds: number
  msPerCard: number
  /** CPU time of the whole process (every worker thread), a card: what load on the machine inflates least. */
  cpuMsPerCard: number
  drawn: number
  cached: number
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const workersAt = args.indexOf('--workers')
  const workers = workersAt >= 0 ? Number(args[workersAt + 1]) : undefined
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new Error('bench-cards: --workers takes a whole number (0 draws in the main thread)')
  const input = args.find((arg, i) => !arg.startsWith('--') && (workersAt < 0 || i !== workersAt + 1)) ?? path.join(__dirname, '..', '..', 'src', 'data', 'articles.json')
  const { articles, disclaimers } = JSON.parse(fs.readFileSync(input, 'utf8')) as ArticleDataset
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cards-'))
  const sizes: number[] = []
  const run = async (keep: boolean): Promise<Run> => {
    const started = performance.now()
    const cpu = process.cpuUsage()
    const result = await drawShareCards(articles, disclaimers, (_file, png) => keep && sizes.push(png.length), { cacheDir, workers })
    const seconds = (performance.now() - started) / 1000
    const { user, system } = process.cpuUsage(cpu)
    const cpuMsPerCard = +((user + system) / 1000 / articles.length).toFixed(2)
    return { seconds: +seconds.toFixed(2), msPerCard: +((seconds * 1000) / articles.length).toFixed(2), cpuMsPerCard, drawn: result.drawn, cached: result.cached }
  }
  try {
    const cold = await run(true)
    const warm = await run(false)
    sizes.sort((a, b) => a - b)
    const report = {
      articles: articles.length,
      workers: workers ?? os.availableParallelism(),
      loadAverage: +os.loadavg()[0].toFixed(1),
      cold,
      warm,
      averageKB: +(sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024).toFixed(2),
      largestKB: +(sizes[sizes.length - 1] / 1024).toFixed(2),
      totalMB: +(sizes.reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(1),
    }
    if (json) console.log(JSON.stringify(report))
    else {
      console.log(`${report.articles} cards, ${report.workers} workers, load average ${report.loadAverage}`)
      console.log(`  drawn:  ${cold.seconds} s, ${cold.msPerCard} ms a card (CPU ${cold.cpuMsPerCard} ms a card)`)
      console.log(`  cached: ${warm.seconds} s, ${warm.msPerCard} ms a card (CPU ${warm.cpuMsPerCard} ms a card)`)
      console.log(`  ${report.averageKB} KB a card on average, largest ${report.largestKB} KB, ${report.totalMB} MB in all`)
    }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
