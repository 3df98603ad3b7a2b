// Shared by the page tests: a fresh store per test and small queries for what a reader sees.
import { useAppStore } from '../../src/stores/appStore'

export function resetStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true)
}

/** The article titles a reader sees in a list, in order. */
export function listedTitles(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('.article-card__title')).map((el) => el.textContent || '')
}
