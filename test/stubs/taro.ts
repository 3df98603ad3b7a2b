// Stand-in for @tarojs/taro in jsdom. Page hooks follow Taro's page lifecycle: each rendered page
// keeps the route it was opened with, useLoad runs once, useDidShow on the first show and on
// every later show, useDidHide on every hide, useUnload on unmount. Tests move pages through
// hide/show with `taroTest.hidePage()` / `taroTest.showPage()` (what WeChat or Taro's H5 router
// does when another page opens on top or the reader comes back). Navigation and UI calls are
// jest.fn(); storage is an in-memory map with Taro's sync API. Tests steer it through `taroTest`
// and call `taroTest.reset()` between cases (setup.ts does it before each test).
import { useEffect, useRef } from 'react'

type Params = Record<string, string>
interface StackPage {
  route: string
  options?: Params
}

const storage = new Map<string, unknown>()
let routerParams: Params = {}
let routerPath = '/pages/index/index'
let pageStack: StackPage[] = [{ route: 'pages/index/index' }]
/** The page the next render belongs to; setRoute opens a new one. */
let openingPage = 1
let pageCount = 1
interface PageListeners {
  show: Set<() => void>
  hide: Set<() => void>
}
const pageListeners = new Map<number, PageListeners>()
function listenersOf(page: number): PageListeners {
  let listeners = pageListeners.get(page)
  if (!listeners) {
    listeners = { show: new Set(), hide: new Set() }
    pageListeners.set(page, listeners)
  }
  return listeners
}
/** The page a component belongs to, and the route it was opened with (fixed, as in Taro). */
function usePageOf() {
  return useRef({ page: openingPage, params: { ...routerParams }, path: routerPath }).current
}
/** Registers `callback` (kept current) for the page's show or hide while mounted. */
function usePageEvent(kind: keyof PageListeners, callback: () => void, fireNow: boolean) {
  const ref = useRef(callback)
  ref.current = callback
  const { page } = usePageOf()
  useEffect(() => {
    const listener = () => ref.current()
    listenersOf(page)[kind].add(listener)
    if (fireNow) listener()
    return () => void listenersOf(page)[kind].delete(listener)
  }, [page, kind, fireNow])
}
/** The share handlers the current page registered, as WeChat would call them. */
const shareHandlers: { appMessage?: () => unknown; timeline?: () => unknown } = {}
const reachBottomHandler: { current?: () => void } = {}

const ok = (name: string) => () => Promise.resolve({ errMsg: `${name}:ok` })

const Taro = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: jest.fn(() => 'WEB'),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  clearStorageSync: jest.fn(() => storage.clear()),
  navigateTo: jest.fn(ok('navigateTo')),
  redirectTo: jest.fn(ok('redirectTo')),
  reLaunch: jest.fn(ok('reLaunch')),
  navigateBack: jest.fn(ok('navigateBack')),
  switchTab: jest.fn(ok('switchTab')),
  getCurrentPages: jest.fn(() => pageStack.map((p) => ({ ...p }))),
  getCurrentInstance: jest.fn(() => ({ router: { params: routerParams, path: routerPath }, page: {} })),
  showToast: jest.fn(ok('showToast')),
  showModal: jest.fn(() => Promise.resolve({ errMsg: 'showModal:ok', confirm: true, cancel: false })),
  showLoading: jest.fn(ok('showLoading')),
  hideLoading: jest.fn(ok('hideLoading')),
  showShareMenu: jest.fn(ok('showShareMenu')),
  setClipboardData: jest.fn(ok('setClipboardData')),
  pageScrollTo: jest.fn(ok('pageScrollTo')),
  setNavigationBarTitle: jest.fn(ok('setNavigationBarTitle')),
  getSystemInfoSync: jest.fn(() => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 2, platform: 'devtools' })),
  getWindowInfo: jest.fn(() => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 2 })),
  getAppBaseInfo: jest.fn(() => ({ fontSizeSetting: 16 })),
}

export default Taro
export const {
  getStorageSync, setStorageSync, removeStorageSync, navigateTo, redirectTo, reLaunch, navigateBack,
  switchTab, getCurrentPages, getCurrentInstance, showToast, setClipboardData, pageScrollTo,
} = Taro

/** Runs once after the first render, with the page's params (Taro: onLoad). */
export function useLoad(callback: (params: Params) => void) {
  const ref = useRef(callback)
  ref.current = callback
  const { params } = usePageOf()
  useEffect(() => {
    ref.current({ ...params })
  }, [params])
}

/** Taro: onShow, on the first show after loading and on every later one. */
export function useDidShow(callback: () => void) {
  usePageEvent('show', callback, true)
}
/** Taro: onHide, whenever another page covers this one or the app goes to the background. */
export function useDidHide(callback: () => void) {
  usePageEvent('hide', callback, false)
}
export function useReady(callback: () => void) {
  useEffect(() => callback(), [])
}
export function useUnload(callback: () => void) {
  useEffect(() => () => callback(), [])
}
export function usePageScroll(_callback: (e: { scrollTop: number }) => void) {}
/** Taro: onReachBottom; the latest handler, fired by `taroTest.reachBottom()` as a scroll would. */
export function useReachBottom(callback: () => void) {
  reachBottomHandler.current = callback
}

/** The route this page was opened with (a later setRoute opens another page, as in Taro). */
export function useRouter() {
  const { params, path } = usePageOf()
  return { params, path }
}

export function useShareAppMessage(handler: () => unknown) {
  shareHandlers.appMessage = handler
}
export function useShareTimeline(handler: () => unknown) {
  shareHandlers.timeline = handler
}

export const taroTest = {
  storage,
  /** Opens the next rendered page "at" this path with these raw (still encoded, as on H5) params. */
  setRoute(path: string, params: Params = {}) {
    routerPath = path
    routerParams = { ...params }
    openingPage = ++pageCount
    return openingPage
  },
  /** The page the next render belongs to (the one the last setRoute opened). */
  currentPage: () => openingPage,
  /** Another page covers `page` (or the app goes to the background): its useDidHide run. */
  hidePage(page = openingPage) {
    listenersOf(page).hide.forEach((listener) => listener())
  },
  /** `page` is on screen again: its useDidShow run. */
  showPage(page = openingPage) {
    listenersOf(page).show.forEach((listener) => listener())
  },
  setPageStack(routes: string[]) {
    pageStack = routes.map((route) => ({ route: route.replace(/^\//, '') }))
  },
  shareAppMessage: () => shareHandlers.appMessage?.(),
  shareTimeline: () => shareHandlers.timeline?.(),
  /** The page scrolled near its bottom (Taro's onReachBottom). */
  reachBottom: () => reachBottomHandler.current?.(),
  reset() {
    storage.clear()
    routerParams = {}
    routerPath = '/pages/index/index'
    pageStack = [{ route: 'pages/index/index' }]
    openingPage = ++pageCount
    pageListeners.clear()
    delete shareHandlers.appMessage
    delete shareHandlers.timeline
    delete reachBottomHandler.current
    for (const value of Object.values(Taro)) {
      if (jest.isMockFunction(value)) value.mockClear()
    }
  },
}
