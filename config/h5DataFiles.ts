// Build-time half of the H5 data layout: every shard (list and article shards, from
// scripts/data-layout.ts) is written as a plain JSON file under data/<version>/, and the page
// fetches it by name (src/data/loader.h5.ts). One version for the whole set, so the app's own
// scripts hold one string whatever the article count: as webpack chunks, each shard cost the
// initial script three map entries (file → chunk id, chunk id → name, chunk id → hash), about
// 3 KB gzip at 10,000 articles and more with every shard.
import { createHash } from 'crypto'
import { readFileSync, readdirSync } from 'fs'
import { join } from 'path'
import type { Compiler } from 'webpack'

const shardsDir = join(__dirname, '..', 'src', 'data', 'shards')

function shardFiles(): string[] {
  return readdirSync(shardsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
}

/**
 * A hash of every shard's name and bytes: the folder name the files are published under. It
 * changes whenever any shard does, so hosts and the service worker can keep the files for good
 * (immutable), and a new build never reads an old build's shard.
 */
export function h5DataVersion(): string {
  const hash = createHash('sha256')
  for (const file of shardFiles()) hash.update(file).update('\0').update(readFileSync(join(shardsDir, file))).update('\0')
  return hash.digest('hex').slice(0, 12)
}

/** H5: writes src/data/shards/<name>.json to data/<version>/<name>.json in the build. */
export class H5DataFilesPlugin {
  constructor(private readonly version: string) {}

  apply(compiler: Compiler) {
    const { RawSource } = compiler.webpack.sources
    compiler.hooks.thisCompilation.tap('H5DataFiles', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'H5DataFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of shardFiles()) {
          compilation.emitAsset(`data/${this.version}/${file}`, new RawSource(readFileSync(join(shardsDir, file))), { minimized: true, immutable: true })
        }
      })
    })
  }
}
