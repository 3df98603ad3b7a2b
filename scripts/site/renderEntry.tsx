// What scripts/site/renderer.ts bundles for Node: the app's own pages, stores and data, with
// @tarojs/* and the data loader replaced by their build-time stand-ins (taroElements.tsx,
// taroRuntime.ts, dataLoader.ts). Each call renders one page as it looks once loaded.
import { createElement, type ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import appConfig from '../../src/app.config'
import detailConfig from '../../src/pages/detail/index.config'
import homeConfig from '../../src/pages/index/index.config'
import mineConfig from '../../src/pages/mine/index.config'
import notFoundConfig from '../../src/pages/not-found/index.config'
import searchConfig from '../../src/pages/search/index.config'
import DetailPage from '../../src/pages/detail/index'
import HomePage from '../../src/pages/index/index'
import MinePage from '../../src/pages/mine/index'
import NotFoundPage from '../../src/pages/not-found/index'
import SearchPage from '../../src/pages/search/index'
import { disclaimers, firstArticles, loadArticle, loadArticleList, loadedArticleList } from '../../src/data/index'
import { loadSearch } from '../../src/data/search'
import { useAppStore } from '../../src/stores/appStore'
import { setEmbeddedArticle } from './dataLoader'
import { framePage } from './frame'
import { setRenderedRoute } from './taroRuntime'

export type PageKind = 'home' | 'search' | 'mine' | 'article' | 'notFound'

interface PageConfig {
  navigationBarTitleText?: string
}

const PAGES: Record<PageKind, { route: string; component: ComponentType; config: PageConfig }> = {
  home: { route: 'pages/index/index', component: HomePage, config: homeConfig },
  search: { route: 'pages/search/index', component: SearchPage, config: searchConfig },
  mine: { route: 'pages/mine/index', component: MinePage, config: mineConfig },
  article: { route: 'pages/detail/index', component: DetailPage, config: detailConfig },
  notFound: { route: 'pages/not-found/index', component: NotFoundPage, config: notFoundConfig },
}

/**
 * Loads what pages show once loaded that is not in the app's first script: the list index
 * (home's list, related cards), the search engine (大家都在搜) and the newest article (我的's
 * 关于 names its source).
 */
export async function prepare(): Promise<void> {
  await Promise.all([loadArticleList(), loadSearch(), firstArticles[0] ? loadArticle(firstArticles[0].id) : undefined])
}

/**
 * The page of `kind` with route `params`, inside Taro's frame. `embedded` is the JSON text of
 * the article record the page's HTML holds (article pages).
 */
export function renderPage(kind: PageKind, params: Record<string, string>, embedded?: { id: string; text: string }): string {
  const page = PAGES[kind]
  // Every page as a first visit sees it: nothing saved.
  useAppStore.setState(useAppStore.getInitialState(), true)
  setRenderedRoute(`/${page.route}`, params)
  setEmbeddedArticle(embedded?.id ?? '', embedded?.text ?? '')
  const body = renderToStaticMarkup(createElement(page.component))
  const window = appConfig.window ?? {}
  return framePage(body, {
    title: page.config.navigationBarTitleText ?? window.navigationBarTitleText ?? '',
    background: window.navigationBarBackgroundColor ?? '#000000',
    color: window.navigationBarTextStyle === 'black' ? 'black' : 'white',
    homeButton: kind !== 'home',
  })
}

/**
 * What an article page shows besides its own record (which its HTML embeds): the list entries
 * of its related articles as the page finds them in the loaded list index, and the
 * disclaimers. With the record, the page's route and the renderer itself, this is everything an
 * article page's HTML depends on (the page cache keys on it: scripts/site/pageCache.ts), so it
 * must grow with any other data the detail page comes to read.
 */
export function articlePageInputs(related: readonly string[]): unknown {
  const list = loadedArticleList()
  let byId = entriesById.get(list)
  if (!byId) {
    byId = new Map(list.map((entry) => [entry.id, entry]))
    entriesById.set(list, byId)
  }
  return { related: related.map((id) => (byId as Map<string, unknown>).get(id) ?? null), disclaimers }
}

/** The loaded list index by id, made once per list (10,000 entries: not once per page). */
const entriesById = new WeakMap<readonly object[], Map<string, unknown>>()
