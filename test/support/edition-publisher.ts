// Publishes a library's data files (src/data of a repository: catalog.json, search-index.json,
// shards/*.json) as an edition in the shape the mini-program follows (src/core/edition.ts):
// edition.json plus <version>/<name>.json. The tests' stand-in for the build's own edition
// writer: the bytes published are the library's files as they are.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface PublishedEdition {
  manifest: { format: 1; version: string; articleCount: number; files: { name: string; path: string; bytes: number; sha256: string }[] }
  /** Every file of the edition by its path under the host's base (edition.json included). */
  files: Map<string, Buffer>
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

export function publishEdition(dataDir: string): PublishedEdition {
  const sources: Array<[string, string]> = [
    ['catalog', path.join(dataDir, 'catalog.json')],
    ['search-index', path.join(dataDir, 'search-index.json')],
    ...fs
      .readdirSync(path.join(dataDir, 'shards'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f): [string, string] => [f.replace(/\.json$/, ''), path.join(dataDir, 'shards', f)]),
  ]
  const contents = sources.map(([name, file]) => ({ name, bytes: fs.readFileSync(file) }))
  const versionHash = createHash('sha256')
  for (const { name, bytes } of contents) versionHash.update(name).update('\0').update(sha(bytes)).update('\0')
  const version = versionHash.digest('hex').slice(0, 12)
  const catalog = JSON.parse(contents.find((c) => c.name === 'catalog')!.bytes.toString('utf8')) as { articleCount: number }
  const files = new Map<string, Buffer>()
  const manifest: PublishedEdition['manifest'] = {
    format: 1,
    version,
    articleCount: catalog.articleCount,
    files: contents.map(({ name, bytes }) => {
      const filePath = `${version}/${name}.json`
      files.set(filePath, bytes)
      return { name, path: filePath, bytes: bytes.length, sha256: sha(bytes) }
    }),
  }
  files.set('edition.json', Buffer.from(JSON.stringify(manifest)))
  return { manifest, files }
}
