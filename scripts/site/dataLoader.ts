// src/data/loader for the site's Node renderer (scripts/site/renderer.ts): data files come from
// the packaged data under src/data (what the build publishes), and an article page's embedded
// record is the one the renderer is drawing (the page's HTML will hold it, as the browser's
// loader reads it from there).
import fs from 'node:fs'
import path from 'node:path'

declare const SITE_DATA_DIR: string

const embedded: { id: string; text: string } = { id: '', text: '' }

/** The article record the page being rendered embeds ('' id: none). */
export function setEmbeddedArticle(id: string, text: string): void {
  embedded.id = id
  embedded.text = text
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(SITE_DATA_DIR, file), 'utf8'))
}

/** The catalog of the edition the site publishes (the same bytes as data/<version>/catalog.json). */
export function loadCatalog(): unknown {
  return readJson('catalog.json')
}

export function loadDataFile(name: string): Promise<unknown> {
  if (name === 'catalog') return Promise.resolve(loadCatalog())
  if (name !== 'search-index' && !/^[a-z]+-\d{3}$/.test(name)) return Promise.reject(new Error(`unknown data file ${name}`))
  return Promise.resolve(readJson(path.join('shards', `${name}.json`)))
}

export function embeddedArticleText(id: string): string | undefined {
  return embedded.id === id ? embedded.text : undefined
}
