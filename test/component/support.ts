// Shared by the page tests: a fresh store per test, small queries for what a reader sees, and
// following a navigation to the page it opens.
import { act, render, type RenderResult } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createElement, type ComponentType } from 'react'
import DetailPage from '../../src/pages/detail/index'
import HomePage from '../../src/pages/index/index'
import SearchPage from '../../src/pages/search/index'
import { loadArticleList } from '../../src/data/index'
import { useAppStore } from '../../src/stores/appStore'
import { taroTest } from '../stubs/taro'
import { routeOfPublicPath } from '../../src/core/routes'

/**
 * Waits until the rest of the list index (after the catalog's first page) has arrived and the
 * page has drawn it: what a reader who scrolls, filters or looks at 我的 sees a moment later.
 */
export async function listIndexLoaded(): Promise<void> {
  await act(async () => {
    await loadArticleList()
  })
}

export function resetStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true)
}

/** The article titles a reader sees in a list, in order. */
export function listedTitles(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('.article-card__title')).map((el) => el.textContent || '')
}

/** Page components by route, for following a navigation to the page it opens. */
const PAGES: Record<string, ComponentType> = {
  'pages/index/index': HomePage,
  'pages/search/index': SearchPage,
  'pages/detail/index': DetailPage,
}

/**
 * Where the reader ends up: takes the app's latest navigateTo / redirectTo / reLaunch, unmounts
 * the page it left (`from`), and renders the page that URL opens with the URL's raw params
 * (still encoded, as Taro's H5 router hands them over), so tests check what that page shows.
 */
export function followNavigation(from?: RenderResult): RenderResult & { route: string; params: Record<string, string> } {
  const calls = (['navigateTo', 'redirectTo', 'reLaunch'] as const).flatMap((api) => {
    const mock = Taro[api] as unknown as jest.Mock
    return mock.mock.calls.map((args, i) => ({ url: String((args[0] as { url: string }).url), order: mock.mock.invocationCallOrder[i] }))
  })
  const last = calls.sort((a, b) => a.order - b.order).pop()
  if (!last) throw new Error('the app did not navigate anywhere')
  // Component tests run the H5 variant of navigation: its URLs are site addresses
  // (/article/<id>/, /search/), which map back to the page route they open.
  const [sitePath, siteQuery = ''] = last.url.split('?')
  const pageRoute = routeOfPublicPath(sitePath, siteQuery) ?? last.url
  const [path, query = ''] = pageRoute.split('?')
  const route = path.replace(/^\//, '')
  const Page = PAGES[route]
  if (!Page) throw new Error(`navigation to ${last.url}: no such page`)
  const params: Record<string, string> = {}
  for (const pair of query.split('&').filter(Boolean)) {
    const at = pair.indexOf('=')
    params[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1)
  }
  from?.unmount()
  taroTest.setRoute(path, params)
  return Object.assign(render(createElement(Page)), { route, params })
}
