// H5: each data file (list and article shards, the search index) is its own webpack chunk,
// fetched from the same origin the first time it is asked for. Nothing leaves the site.
// A prerendered article page already holds its article (scripts/prerender.ts embeds the record):
// embeddedArticleText gives it to src/data/index.ts, which checks it, so taking the page over
// does not fetch that article's shard.
import { EMBEDDED_ARTICLE_ID } from './embedded'

/** The parsed contents of data file `name` (shards/<name>.json, or search-index). */
export function loadDataFile(name: string): Promise<unknown> {
  if (name === 'search-index') {
    return import(/* webpackChunkName: "search-index" */ './search-index.json').then((m) => m.default ?? m)
  }
  if (!/^[a-z]+-\d{3}$/.test(name)) return Promise.reject(new Error(`unknown data file ${name}`))
  return import(/* webpackChunkName: "data-[request]" */ `./shards/${name}.json`).then((m) => m.default ?? m)
}

/** The JSON text of article `id`'s record if this page's HTML holds it, else undefined. */
export function embeddedArticleText(id: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  const element = document.getElementById(EMBEDDED_ARTICLE_ID)
  if (!element || element.getAttribute('data-id') !== id) return undefined
  return element.textContent ?? undefined
}
