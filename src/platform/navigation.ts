// Moving between pages. Pages call these instead of Taro's navigation APIs so that the
// page-stack rules (weapp allows 10 pages; a shared link opens with no home below) live here.
import Taro from '@tarojs/taro'
import type { ArticleFilters } from '../core/filters'
import { detailRoute, homeRoute, isRouteOf, mineRoute, searchRoute } from '../core/routes'
import { pageUrl } from './pageUrl'

/** weapp refuses navigateTo beyond 10 pages; replace the top page before reaching that. */
const MAX_STACK_DEPTH = 9

function pageStack(): { route?: string }[] {
  return (Taro.getCurrentPages() as { route?: string }[]) || []
}

/** True when this page is the only one in the stack, e.g. opened from a shared link. */
export function isFirstPage(): boolean {
  return pageStack().length <= 1
}

function push(route: string): void {
  const url = pageUrl(route)
  if (pageStack().length >= MAX_STACK_DEPTH) Taro.redirectTo({ url })
  else Taro.navigateTo({ url })
}

export function openArticle(id: string): void {
  push(detailRoute(id))
}

export function openSearch(query?: string): void {
  push(searchRoute(query))
}

export function openMine(): void {
  push(mineRoute())
}

/**
 * Back to the home page: step back to it when it is below us (keeps its scroll and tabs),
 * otherwise start fresh on it. `filters` go into the URL only for the fresh start; callers that
 * want home filtered also set them in the store, which the existing home page follows.
 */
export function goHome(filters?: Partial<ArticleFilters>): void {
  const stack = pageStack()
  const homeIndex = stack.findIndex((page) => isRouteOf('home', page.route))
  if (homeIndex === 0 && stack.length > 1) {
    Taro.navigateBack({ delta: stack.length - 1 })
  } else if (homeIndex === 0 && stack.length === 1) {
    // Already home: nothing to do.
  } else {
    Taro.reLaunch({ url: pageUrl(homeRoute(filters)) })
  }
}

export function scrollToTop(): void {
  Taro.pageScrollTo({ scrollTop: 0, duration: 300 })
}
