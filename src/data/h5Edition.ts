// The H5 site's current edition, as the page receives it: data/<version>/catalog.js (written by
// scripts/pipeline/edition.ts, loaded before the app's own scripts) sets this global, and
// src/data/loader.h5.ts reads it synchronously. The app's scripts thus hold no article data and
// no data version: the same scripts run every edition, and a new edition is a new page load.
// Shared by the build and the app.

/** The global catalog.js sets (on `self`, so the page and a worker could both read it). */
export const H5_EDITION_GLOBAL = '__HN_EDITION__'

export interface H5Edition {
  /** The edition's version: its data folder's name. */
  version: string
  /** The data folder's address with a trailing slash, e.g. "/data/3f2a9c1b7d4e/". */
  dataUrl: string
  /** catalog.json's value. */
  catalog: unknown
}

/** The file, beside catalog.json in the edition's folder, that carries the catalog to H5 pages. */
export const H5_EDITION_SCRIPT = 'catalog.js'
