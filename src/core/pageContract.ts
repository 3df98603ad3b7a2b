// The contract between the pages and every script that looks into them (the site build, the
// browser benchmarks, the screenshots, the end-to-end tests). Pages name their parts with one
// attribute, `data-hn`, and say on their root when they show what they are for; scripts find
// parts only through this module. Class names stay free for styling: renaming one breaks no
// script, and removing a part's name fails test/component/page-contract.test.tsx.

/** The attribute that names a part of a page. */
export const PART_ATTRIBUTE = 'data-hn'

/**
 * Set (to "true") on the page root once the page shows what it is for, completely: an article
 * with all its related cards, the home list past its first-screen pass, the search page with
 * its engine or its answer, a not-found answer. Absent while anything is still loading.
 */
export const READY_ATTRIBUTE = 'data-hn-ready'

/** On the page root: the text step the page shows ("0" to "3"). */
export const TEXT_STEP_ATTRIBUTE = 'data-text-step'

/** Every named part; the values are what the pages write in `data-hn`. */
export const PART = {
  /** The root of every page (it carries the text scale and the readiness signal). */
  page: 'page',
  articleTitle: 'article-title',
  articleBody: 'article-body',
  /** An article in a list (home, search results, related): a link to the article. */
  articleCard: 'article-card',
  /** The title inside an article card. */
  cardTitle: 'card-title',
  /** The related-articles section of an article. */
  related: 'related',
  /** A− 字号 A+ and its parts. */
  textSize: 'text-size',
  textSizeDown: 'text-size-down',
  textSizeUp: 'text-size-up',
  textSizeStep: 'text-size-step',
  /** 收藏 on an article (aria-pressed tells its state). */
  favorite: 'favorite',
  /** The 返回首页 bar of an article opened with no page below it. */
  homeBar: 'home-bar',
  /** Any control that goes to home (返回首页). */
  homeLink: 'home-link',
  /** Home's search box, which opens the search page. */
  searchBar: 'search-bar',
  /** Home's 我的 link. */
  mineLink: 'mine-link',
  /** Home's rows of tabs (each tab has role="tab" and aria-selected). */
  regionTabs: 'region-tabs',
  cityTabs: 'city-tabs',
  topicTabs: 'topic-tabs',
  /** Home's list of article cards. */
  homeList: 'home-list',
  /** The search page's input, its screen before a query, its results and its no-result answer. */
  searchInput: 'search-input',
  searchStart: 'search-start',
  searchResults: 'search-results',
  searchNone: 'search-none',
  /** The title of an empty or error answer (not found, no articles, load failed). */
  emptyTitle: 'empty-title',
  /** A loading notice (article or search engine on its way). */
  loading: 'loading',
} as const

export type PagePart = (typeof PART)[keyof typeof PART]

/** The attribute a component spreads onto the element that is `part`. */
export function partAttribute(part: PagePart): { 'data-hn': PagePart } {
  return { 'data-hn': part }
}

/** A CSS selector for `part`, for scripts (querySelector, locators). */
export function partSelector(part: PagePart): string {
  return `[${PART_ATTRIBUTE}="${part}"]`
}

/**
 * A CSS selector for a page root that is ready. Written out (test/component/page-contract.test.tsx
 * checks it against the names above) so that a bundle which does not use it drops it: the
 * pages' inline paint script imports this module.
 */
export const READY_SELECTOR = '[data-hn="page"][data-hn-ready="true"]'

/** The attribute value of the readiness signal, as components write it (absent: not ready). */
export function readyAttribute(ready: boolean): { 'data-hn-ready'?: 'true' } {
  return ready ? { 'data-hn-ready': 'true' } : {}
}
