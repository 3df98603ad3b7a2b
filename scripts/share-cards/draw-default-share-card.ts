// Draws src/assets/share/default-card.png: the packaged 5:4 share card WeChat shows when the
// article's own card cannot be drawn in time. It is drawn in Node by the app's own layout and
// renderer (src/features/share) and stored like the articles' cards (scripts/share-cards/cardCanvas.ts),
// so it matches them exactly.
//
//   npx tsx scripts/share-cards/draw-default-share-card.ts
//
// Needs a CJK font (Debian's fonts-wqy-microhei).
import fs from 'node:fs'
import path from 'node:path'
import type { ArticleDataset } from '../../src/core/article'
import dataset from '../../src/data/articles.json'
import { layoutDefaultCard } from '../../src/features/share/cardLayout'
import { oneLineDisclaimer } from '../../src/features/share/shareContent'
import { canvasMeasurer, drawLayoutPng } from './cardCanvas'

const repoRoot = path.resolve(__dirname, '..', '..')
const outFile = path.join(repoRoot, 'src', 'assets', 'share', 'default-card.png')
const MAX_BYTES = 40 * 1024

function main(): void {
  const { disclaimers } = dataset as unknown as ArticleDataset
  const png = drawLayoutPng(layoutDefaultCard(oneLineDisclaimer(disclaimers), canvasMeasurer()))
  if (png.length > MAX_BYTES) throw new Error(`default card is ${png.length} bytes, over the ${MAX_BYTES}-byte budget`)
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, png)
  console.log(`wrote ${path.relative(repoRoot, outFile)}: ${png.readUInt32BE(16)}x${png.readUInt32BE(20)}, ${png.length} bytes`)
}

try {
  main()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
