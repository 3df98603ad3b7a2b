// What each page kind must show once ready, by the names of src/core/pageContract.ts: the
// contract tests' list. Its own module so that the pages' inline paint script, which imports
// the contract, does not carry it.
import { PART, type PagePart } from './pageContract'

/** The page kinds the site has, and what each must show once ready (the contract test's list). */
export const PAGE_PARTS = {
  home: [PART.page, PART.searchBar, PART.mineLink, PART.regionTabs, PART.topicTabs, PART.homeList, PART.articleCard, PART.cardTitle],
  search: [PART.page, PART.searchInput, PART.searchStart],
  searchResults: [PART.page, PART.searchInput, PART.searchResults, PART.articleCard, PART.cardTitle],
  searchNone: [PART.page, PART.searchInput, PART.searchNone],
  article: [
    PART.page,
    PART.articleTitle,
    PART.articleBody,
    PART.textSize,
    PART.textSizeDown,
    PART.textSizeUp,
    PART.textSizeStep,
    PART.favorite,
    PART.related,
    PART.articleCard,
    PART.homeBar,
    PART.homeLink,
  ],
  articleMissing: [PART.page, PART.emptyTitle, PART.homeLink],
  mine: [PART.page, PART.textSize, PART.textSizeDown, PART.textSizeUp, PART.textSizeStep],
  notFound: [PART.page, PART.emptyTitle, PART.homeLink],
} as const satisfies Record<string, readonly PagePart[]>
