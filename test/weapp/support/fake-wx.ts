// A stand-in for the `wx` object of WeChat's JS runtime, with just enough behaviour for the
// app's pages: storage (sync and async), system info of a 390×844 phone, toasts, modals,
// clipboard, share-menu switches and selector queries. Navigation is supplied by the harness
// (it owns the page stack). Every call is recorded so tests can assert what the app asked for.
//
// Taro builds `Taro.xxx` from Object.keys(wx) when taro.js loads, so an API missing here is
// missing for the app too: the app then fails loudly, which is the honest outcome.
export type WxApi = (...args: any[]) => any
export type WxOverrides = Record<string, WxApi | unknown>

export interface WxCall {
  api: string
  args: unknown[]
}

export interface FakeWxState {
  storage: Map<string, unknown>
  clipboard: string
  toasts: string[]
  modals: { title?: string; content?: string }[]
  networkRequests: string[]
  calls: WxCall[]
}

type Callbacks = { success?: (res: any) => void; fail?: (res: any) => void; complete?: (res: any) => void }

export const phone = {
  brand: 'devtools',
  model: 'iPhone 12/13 (Pro)',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 844,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 16.0',
  platform: 'devtools',
  fontSizeSetting: 16,
  SDKVersion: '3.6.0',
  theme: 'light',
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
}

/**
 * Calls the WeChat-style callbacks asynchronously, as the real runtime does.
 * `defer` is the harness's tracked setTimeout, so pending callbacks are cleared on close().
 */
function respond(defer: (fn: () => void) => void, options: Callbacks | undefined, ok: boolean, res: Record<string, unknown>) {
  defer(() => {
    if (ok) options?.success?.(res)
    else options?.fail?.(res)
    options?.complete?.(res)
  })
}

export function createFakeWx(
  defer: (fn: () => void) => void,
  system: Partial<typeof phone> = {},
  seedStorage: Record<string, unknown> = {},
) {
  const info = { ...phone, ...system }
  const state: FakeWxState = {
    storage: new Map(Object.entries(seedStorage)),
    clipboard: '',
    toasts: [],
    modals: [],
    networkRequests: [],
    calls: [],
  }
  const ok = (name: string, options: Callbacks | undefined, res: Record<string, unknown> = {}) =>
    respond(defer, options, true, { errMsg: `${name}:ok`, ...res })
  const fail = (name: string, options: Callbacks | undefined, reason: string) =>
    respond(defer, options, false, { errMsg: `${name}:fail ${reason}` })
  // Storage keeps what a real device keeps: a structured clone, not the caller's object.
  const store = (key: string, value: unknown) => state.storage.set(String(key), value === undefined ? undefined : JSON.parse(JSON.stringify(value)))
  const read = (key: string) => state.storage.get(String(key))

  const selectorQuery = () => {
    const results: unknown[] = []
    const node = {
      boundingClientRect(cb?: (r: unknown) => void) {
        results.push(null)
        cb?.(null)
        return query
      },
      scrollOffset(cb?: (r: unknown) => void) {
        const r = { scrollLeft: 0, scrollTop: 0 }
        results.push(r)
        cb?.(r)
        return query
      },
      fields(_f: unknown, cb?: (r: unknown) => void) {
        results.push(null)
        cb?.(null)
        return query
      },
      node(cb?: (r: unknown) => void) {
        results.push(null)
        cb?.(null)
        return query
      },
      context(cb?: (r: unknown) => void) {
        results.push(null)
        cb?.(null)
        return query
      },
    }
    const query = {
      in: () => query,
      select: () => node,
      selectAll: () => node,
      selectViewport: () => node,
      exec(cb?: (r: unknown[]) => void) {
        defer(() => cb?.(results))
      },
    }
    return query
  }

  const api: Record<string, WxApi | unknown> = {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    canIUse: () => true,
    getSystemInfoSync: () => ({ ...info }),
    getSystemInfo: (o: Callbacks) => ok('getSystemInfo', o, { ...info }),
    getWindowInfo: () => ({
      pixelRatio: info.pixelRatio,
      screenWidth: info.screenWidth,
      screenHeight: info.screenHeight,
      windowWidth: info.windowWidth,
      windowHeight: info.windowHeight,
      statusBarHeight: info.statusBarHeight,
      safeArea: info.safeArea,
      screenTop: 0,
    }),
    getDeviceInfo: () => ({ brand: info.brand, model: info.model, system: info.system, platform: info.platform, pixelRatio: info.pixelRatio }),
    getAppBaseInfo: () => ({ SDKVersion: info.SDKVersion, language: info.language, version: info.version, theme: info.theme, fontSizeSetting: info.fontSizeSetting, enableDebug: false, host: { env: 'WeChat' } }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({}),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 383, bottom: 83, left: 296 }),
    getLaunchOptionsSync: () => ({ path: '', scene: 1001, query: {}, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: '', scene: 1001, query: {}, referrerInfo: {} }),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    getNetworkType: (o: Callbacks) => ok('getNetworkType', o, { networkType: 'wifi' }),
    onNetworkStatusChange() {},
    offNetworkStatusChange() {},
    onAppShow() {},
    offAppShow() {},
    onAppHide() {},
    offAppHide() {},
    onError() {},
    offError() {},
    onUnhandledRejection() {},
    offUnhandledRejection() {},
    onPageNotFound() {},
    offPageNotFound() {},
    onThemeChange() {},
    offThemeChange() {},
    onWindowResize() {},
    offWindowResize() {},
    onMemoryWarning() {},
    reportAnalytics() {},
    reportEvent() {},
    nextTick: (fn: () => void) => defer(fn),

    setStorageSync: (key: string, value: unknown) => void store(key, value),
    // WeChat returns '' for a missing key, not undefined.
    getStorageSync: (key: string) => (state.storage.has(String(key)) ? read(key) : ''),
    removeStorageSync: (key: string) => void state.storage.delete(String(key)),
    clearStorageSync: () => state.storage.clear(),
    getStorageInfoSync: () => ({ keys: [...state.storage.keys()], currentSize: 0, limitSize: 10240 }),
    setStorage: (o: Callbacks & { key: string; data: unknown }) => {
      store(o.key, o.data)
      ok('setStorage', o)
    },
    getStorage: (o: Callbacks & { key: string }) =>
      state.storage.has(String(o.key)) ? ok('getStorage', o, { data: read(o.key) }) : fail('getStorage', o, 'data not found'),
    removeStorage: (o: Callbacks & { key: string }) => {
      state.storage.delete(String(o.key))
      ok('removeStorage', o)
    },
    clearStorage: (o: Callbacks) => {
      state.storage.clear()
      ok('clearStorage', o)
    },
    getStorageInfo: (o: Callbacks) => ok('getStorageInfo', o, { keys: [...state.storage.keys()], currentSize: 0, limitSize: 10240 }),

    showToast: (o: Callbacks & { title: string }) => {
      state.toasts.push(o.title)
      ok('showToast', o)
    },
    hideToast: (o?: Callbacks) => ok('hideToast', o),
    showLoading: (o: Callbacks) => ok('showLoading', o),
    hideLoading: (o?: Callbacks) => ok('hideLoading', o),
    showModal: (o: Callbacks & { title?: string; content?: string }) => {
      state.modals.push({ title: o.title, content: o.content })
      ok('showModal', o, { confirm: true, cancel: false })
    },
    showActionSheet: (o: Callbacks) => fail('showActionSheet', o, 'cancel'),
    setNavigationBarTitle: (o: Callbacks) => ok('setNavigationBarTitle', o),
    setNavigationBarColor: (o: Callbacks) => ok('setNavigationBarColor', o),
    setBackgroundColor: (o: Callbacks) => ok('setBackgroundColor', o),
    setBackgroundTextStyle: (o: Callbacks) => ok('setBackgroundTextStyle', o),
    pageScrollTo: (o: Callbacks) => ok('pageScrollTo', o),
    startPullDownRefresh: (o: Callbacks) => ok('startPullDownRefresh', o),
    stopPullDownRefresh: (o?: Callbacks) => ok('stopPullDownRefresh', o),
    vibrateShort: (o?: Callbacks) => ok('vibrateShort', o),
    showShareMenu: (o?: Callbacks) => ok('showShareMenu', o),
    hideShareMenu: (o?: Callbacks) => ok('hideShareMenu', o),
    updateShareMenu: (o?: Callbacks) => ok('updateShareMenu', o),
    setClipboardData: (o: Callbacks & { data: string }) => {
      state.clipboard = String(o.data)
      ok('setClipboardData', o)
    },
    getClipboardData: (o: Callbacks) => ok('getClipboardData', o, { data: state.clipboard }),
    createSelectorQuery: selectorQuery,
    createIntersectionObserver: () => {
      const observer = { relativeTo: () => observer, relativeToViewport: () => observer, observe() {}, disconnect() {} }
      return observer
    },
    // The app ships its data; any request is a bug worth seeing in a test.
    request: (o: Callbacks & { url: string }) => {
      state.networkRequests.push(String(o?.url))
      fail('request', o, 'the test harness has no network')
      return { abort() {} }
    },
  }
  return { api, state }
}
