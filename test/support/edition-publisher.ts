// Publishes a library's data files (src/data of a repository: catalog.json and shards/*.json)
// as an edition in the shape the mini-program follows (src/core/edition.ts), with the build's
// own writer (scripts/pipeline/edition.ts): edition.json plus <version>/<name>.json, the very bytes
// `npm run publish` puts on a host.
import type { EditionManifest } from '../../src/core/edition'
import { editionManifest, readDataFiles, serializeManifest } from '../../scripts/pipeline/edition'

export interface PublishedEdition {
  manifest: EditionManifest
  /** Every file of the edition by its path under the host's base (edition.json included). */
  files: Map<string, Buffer>
}

export function publishEdition(dataDir: string): PublishedEdition {
  const data = readDataFiles(dataDir)
  const manifest = editionManifest(data)
  const files = new Map<string, Buffer>()
  for (const file of manifest.files) files.set(file.path, data.get(file.name) as Buffer)
  files.set('edition.json', Buffer.from(serializeManifest(manifest)))
  return { manifest, files }
}
