// Where the app's saved state lives in storage, in its own module so that the inline boot code
// of every prerendered H5 page (scripts/site/pageBoot.ts) can read the saved text step before the
// app has started, without bundling the store.

/** The main save (filters, search history, text step); the reading lists use `${STORE_KEY}/<list>`. */
export const STORE_KEY = 'health-news/app-state'
/**
 * Bump when the saved shape changes and say in appStore's `migrate` how the previous version
 * carries over. 1: { filters, searchHistory, largeText } · 2: largeText became textStep (true → 大).
 */
export const STORE_VERSION = 2
