// H5: each shard (list and article shards) is a plain JSON file of this build, under
// data/<version>/ (config/h5DataFiles.ts), fetched from the same origin the first time it is
// asked for; the search index is a webpack chunk beside the engine's. Fetched by name, not as
// chunks: the app's scripts then name no shard, so they do not grow with the article count.
// A prerendered article page already holds its article (scripts/prerender.ts embeds the record):
// embeddedArticleText gives it to src/data/index.ts, which checks it, so taking the page over
// does not fetch that article's shard. Nothing leaves the site.
import catalogJson from './catalog.json'
import { EMBEDDED_ARTICLE_ID } from './embedded'

/** The build's data folder, e.g. "/data/3f2a9c1b7d4e/" (config/index.ts). */
declare const H5_DATA_URL: string

/** The build's catalog (the site follows editions by deploy: each build holds its own). */
export function loadCatalog(): unknown {
  return catalogJson
}

/** The parsed contents of data file `name` (shards/<name>.json, or search-index). */
export function loadDataFile(name: string): Promise<unknown> {
  if (name === 'search-index') {
    return import(/* webpackChunkName: "search-index" */ './search-index.json').then((m) => m.default ?? m)
  }
  if (!/^[a-z]+-\d{3}$/.test(name)) return Promise.reject(new Error(`unknown data file ${name}`))
  return fetch(`${H5_DATA_URL}${name}.json`).then((response) => {
    if (!response.ok) throw new Error(`data file ${name}: HTTP ${response.status}`)
    return response.json() as Promise<unknown>
  })
}

/** The JSON text of article `id`'s record if this page's HTML holds it, else undefined. */
export function embeddedArticleText(id: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  const element = document.getElementById(EMBEDDED_ARTICLE_ID)
  if (!element || element.getAttribute('data-id') !== id) return undefined
  return element.textContent ?? undefined
}
