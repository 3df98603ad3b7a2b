// H5: the current edition (src/data/h5Edition.ts) comes with the page: data/<version>/catalog.js
// runs before the app's scripts and hands over the catalog and the edition's data folder. Every
// other data file (list, article and related shards, the search index) is a plain JSON file of that
// folder, fetched from the same origin the first time it is asked for. The app's scripts name
// no data file and no version, so they are the same for every edition.
// A prerendered article page already holds its article (scripts/site/prerender.ts embeds the record):
// embeddedArticleText gives it to src/data/index.ts, which checks it, so taking the page over
// does not fetch that article's shard. Nothing leaves the site.
import { EMBEDDED_ARTICLE_ID } from './embedded'
import { H5_EDITION_GLOBAL, type H5Edition } from './h5Edition'

function currentEdition(): H5Edition {
  const edition = (globalThis as unknown as Record<string, unknown>)[H5_EDITION_GLOBAL] as Partial<H5Edition> | undefined
  if (!edition || typeof edition !== 'object' || typeof edition.dataUrl !== 'string' || !edition.catalog) {
    throw new Error("the edition's catalog.js did not run before the app's scripts")
  }
  return edition as H5Edition
}

/** catalog.json's value, from the page's edition script. Throws when the page has none. */
export function loadCatalog(): unknown {
  return currentEdition().catalog
}

/** The parsed contents of data file `name`: catalog, search-index, list-NNN, articles-NNN, related-NNN. */
export function loadDataFile(name: string): Promise<unknown> {
  if (name !== 'search-index' && name !== 'catalog' && !/^[a-z]+-\d{3}$/.test(name)) return Promise.reject(new Error(`unknown data file ${name}`))
  let edition: H5Edition
  try {
    edition = currentEdition()
  } catch (error) {
    return Promise.reject(error)
  }
  if (name === 'catalog') return Promise.resolve(edition.catalog)
  return fetch(`${edition.dataUrl}${name}.json`).then((response) => {
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
