// A worker thread of scripts/share-cards/shareCards.ts: draws the cards it is sent and answers with their
// PNG files. Bundled by esbuild when the build starts (so it runs the same code as the main
// thread whatever ran the build: tsx, jest), which also gives the drawing code's fingerprint.
import { parentPort } from 'node:worker_threads'
import type { ShareCardContent } from '../../src/features/share/shareContent'
import { drawShareCardPng } from './cardCanvas'

export interface CardBatch {
  batch: number
  contents: ShareCardContent[]
}

export type CardBatchAnswer = { batch: number; pngs: Uint8Array[] } | { batch: number; error: string }

parentPort?.on('message', ({ batch, contents }: CardBatch) => {
  try {
    const pngs = contents.map((content) => new Uint8Array(drawShareCardPng(content)))
    const answer: CardBatchAnswer = { batch, pngs }
    parentPort?.postMessage(answer, pngs.map((png) => png.buffer as ArrayBuffer))
  } catch (error) {
    const answer: CardBatchAnswer = { batch, error: error instanceof Error ? error.stack || error.message : String(error) }
    parentPort?.postMessage(answer)
  }
})
