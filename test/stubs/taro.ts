// Stand-in for @tarojs/taro in jsdom. Page hooks behave like the real page lifecycle on first
// render; navigation and UI calls are jest.fn() so tests assert where a tap leads; storage is an
// in-memory map with Taro's sync API. Tests steer it through `taroTest` (router params, page
// stack, storage) and call `taroTest.reset()` between cases (setup.ts does it before each test).
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
  useEffect(() => {
    ref.current({ ...routerParams })
  }, [])
}

/** Taro: onShow; here once on mount (tests do not switch pages). */
export function useDidShow(callback: () => void) {
  useEffect(() => callback(), [])
}
export function useDidHide(_callback: () => void) {}
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

export function useRouter() {
  return { params: routerParams, path: routerPath }
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
    delete shareHandlers.appMessage
    delete shareHandlers.timeline
    delete reachBottomHandler.current
    for (const value of Object.values(Taro)) {
      if (jest.isMockFunction(value)) value.mockClear()
    }
  },
}
