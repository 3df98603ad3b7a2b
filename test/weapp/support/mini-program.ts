// Runs the compiled weapp (dist/weapp) in Node the way WeChat's logic layer does, without
// DevTools: app.js and every page/component script are evaluated in a fresh `vm` context with
// stand-in globals (wx, App, Page, Component, getApp, getCurrentPages, requirePlugin), each file
// wrapped like WeChat's module loader (require relative to the file, one module cache per launch).
//
// Taro renders by calling `page.setData(...)` with a tree of nodes ({ sid, nn, cn, v, ... }).
// The harness applies those updates to the page's data and renders it through WeChat's own
// compiled WXML (see wechat-compilers.ts), so tests read what the templates really show and fire
// taps on the elements that really carry `bindtap`, bubbling from the tapped element upwards.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { allPageRoutes, readAppJson, subpackageRoots, weappDir, type AppJson } from './dist'
import { createFakeWx, phone, type WxCall, type WxOverrides } from './fake-wx'
import { compileWxml, type WxmlNode, type WxmlRenderer } from './wechat-compilers'

export interface LaunchOptions {
  /** The weapp build to run; defaults to dist/weapp (or $TEST_DIST_DIR/weapp). */
  dir?: string
  /** Storage content as a device would have it before launch. */
  storage?: Record<string, unknown>
  /** Overrides of the phone's system info (e.g. { fontSizeSetting: 20 }). */
  system?: Partial<typeof phone>
  /** Extra or replaced wx APIs (e.g. canvas APIs for a share poster). Applied before taro.js loads. */
  wx?: WxOverrides
  /** A renderer compiled earlier for the same build (wcc takes ~1 s); compiled on demand otherwise. */
  renderer?: WxmlRenderer
}

type PageInstance = Record<string, any> & { route: string; options: Record<string, string>; data: Record<string, any> }

const rendererCache = new Map<string, WxmlRenderer>()

/** Compiles the build's WXML once per directory and process. */
export function rendererFor(dir: string): WxmlRenderer {
  let renderer = rendererCache.get(dir)
  if (!renderer) {
    renderer = compileWxml(dir)
    rendererCache.set(dir, renderer)
  }
  return renderer
}

function clone<T>(value: T): T {
  // setData crosses from the logic layer to the view layer as JSON in WeChat, so the same here.
  return value === undefined ? value : JSON.parse(JSON.stringify(value))
}

/** Applies one setData key such as "root.cn.[0].cn[2].v" to an object. */
function setByPath(target: Record<string, any>, key: string, value: unknown) {
  const parts = [...key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]))
  let node: any = target
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      node[part] = value
      return
    }
    if (node[part] === null || typeof node[part] !== 'object') node[part] = typeof parts[i + 1] === 'number' ? [] : {}
    node = node[part]
  })
}

/** Splits "/pages/detail/index?id=a&x=1" relative to the current route into route + raw query. */
export function parseUrl(url: string, fromRoute = ''): { route: string; query: Record<string, string> } {
  const [pathPart, queryPart = ''] = url.split('?')
  let route = pathPart
  if (!route.startsWith('/')) route = path.posix.join(path.posix.dirname(fromRoute || '.'), route)
  route = path.posix.normalize(route).replace(/^\/+/, '')
  const query: Record<string, string> = {}
  for (const pair of queryPart.split('&')) {
    if (!pair) continue
    const at = pair.indexOf('=')
    // WeChat hands query values to onLoad as they were written in the URL (still encoded);
    // decoding is the app's job, so the harness does not do it for the app.
    if (at === -1) query[pair] = ''
    else query[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return { route, query }
}

export class RenderedView {
  constructor(readonly root: WxmlNode) {}

  /** All text shown, in document order, trimmed, empty strings dropped. */
  texts(): string[] {
    const out: string[] = []
    const walk = (node: WxmlNode | string) => {
      if (typeof node === 'string') {
        const t = node.trim()
        if (t) out.push(t)
        return
      }
      node.children?.forEach(walk)
    }
    walk(this.root)
    return out
  }

  text(): string {
    return this.texts().join('\n')
  }
}

/** Text content of a rendered element, as a browser's textContent would give it. */
export function textOf(node: WxmlNode | string): string {
  if (typeof node === 'string') return node
  return (node.children ?? []).map(textOf).join('')
}

export interface ElementPath {
  /** From the root to the element, both included. */
  chain: WxmlNode[]
}

/** Every element matching `match`, with its ancestor chain, in document order. */
function findElements(root: WxmlNode, match: (node: WxmlNode) => boolean): ElementPath[] {
  const found: ElementPath[] = []
  const walk = (node: WxmlNode, chain: WxmlNode[]) => {
    const here = [...chain, node]
    if (match(node)) found.push({ chain: here })
    node.children?.forEach((child) => typeof child !== 'string' && walk(child, here))
  }
  walk(root, [])
  return found
}

function matchesText(text: string, wanted: string | RegExp) {
  return typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text)
}

export class MiniProgramPage {
  constructor(
    private readonly program: MiniProgram,
    readonly instance: PageInstance,
  ) {}

  get route(): string {
    return this.instance.route
  }

  get query(): Record<string, string> {
    return this.instance.options
  }

  /** The page as WeChat's view layer would draw it from the current data. */
  view(): RenderedView {
    return new RenderedView(this.program.render(this.instance))
  }

  texts(): string[] {
    return this.view().texts()
  }

  text(): string {
    return this.view().text()
  }

  /**
   * The innermost element whose text contains `text`, with its ancestors.
   * `nth` picks among several innermost matches (document order).
   */
  findByText(text: string | RegExp, nth = 0): ElementPath {
    const root = this.program.render(this.instance)
    const all = findElements(root, (node) => matchesText(textOf(node), text))
    // Innermost: drop any match that has another match inside it.
    const innermost = all.filter((candidate) => !all.some((other) => other !== candidate && other.chain.includes(candidate.chain[candidate.chain.length - 1])))
    const hit = innermost[nth]
    if (!hit) {
      throw new Error(`No element shows ${String(text)} on ${this.route}. The page shows:\n${new RenderedView(root).text()}`)
    }
    return hit
  }

  /** Elements that bind `event` (e.g. 'tap', 'input') in document order. */
  findBound(event: string): ElementPath[] {
    const root = this.program.render(this.instance)
    return findElements(root, (node) => node.attr?.[`bind${event}`] !== undefined || node.attr?.[`catch${event}`] !== undefined)
  }

  /** Taps the element showing `text`, bubbling the tap to every ancestor that binds it. */
  async tap(text: string | RegExp, nth = 0): Promise<void> {
    const target = this.findByText(text, nth)
    const fired = this.dispatch(target, 'tap', { x: 0, y: 0 })
    if (!fired) throw new Error(`Nothing handles a tap on ${String(text)} on ${this.route}`)
    await this.program.settle()
  }

  /** Types `value` into the nth input-like element (bindinput), as a user would. */
  async input(value: string, nth = 0): Promise<void> {
    const target = this.findBound('input')[nth]
    if (!target) throw new Error(`No input field on ${this.route}`)
    this.dispatch(target, 'input', { value, cursor: value.length, keyCode: 0 })
    await this.program.settle()
  }

  /** Presses the keyboard's confirm key on the nth input (bindconfirm). */
  async confirm(value: string, nth = 0): Promise<void> {
    const target = this.findBound('confirm')[nth]
    if (!target) throw new Error(`No input with a confirm handler on ${this.route}`)
    this.dispatch(target, 'confirm', { value })
    await this.program.settle()
  }

  /**
   * Fires an event at an element the way WeChat does: handlers of the element and then of each
   * ancestor that binds the event run in order; a catch-binding stops the bubbling.
   * Elements inside Taro's recursive `comp` component bind the same `eh` (Taro's eventHandler,
   * which finds the node by `dataset.sid`), so the page's `eh` stands in for the component's.
   * Returns whether any handler ran.
   */
  dispatch(target: ElementPath, type: string, detail: Record<string, unknown>): boolean {
    const describe = (node: WxmlNode) => ({
      id: String(node.attr?.id ?? ''),
      dataset: { sid: node.attr?.['data-sid'] },
    })
    const targetNode = target.chain[target.chain.length - 1]
    let fired = false
    for (const node of [...target.chain].reverse()) {
      const bind = node.attr?.[`bind${type}`] as string | undefined
      const capture = node.attr?.[`catch${type}`] as string | undefined
      const handlerName = capture ?? bind
      if (!handlerName) continue
      const handler = this.instance[handlerName]
      if (typeof handler !== 'function') throw new Error(`Page ${this.route} has no method ${handlerName} for ${type}`)
      const event = {
        type,
        timeStamp: Date.now(),
        detail,
        target: describe(targetNode),
        currentTarget: describe(node),
        touches: [],
        changedTouches: [],
        mark: {},
        mut: false,
      }
      this.program.guard(() => handler.call(this.instance, event))
      fired = true
      if (capture) break
    }
    return fired
  }

  /** What WeChat gets when the user picks 转发 in the ··· menu; undefined when the page offers none. */
  shareAppMessage(from: 'menu' | 'button' = 'menu'): unknown {
    if (typeof this.instance.onShareAppMessage !== 'function') return undefined
    return this.instance.onShareAppMessage({ from, target: undefined, webViewUrl: '' })
  }

  /** What WeChat gets when the user picks 分享到朋友圈; undefined when the page offers none. */
  shareTimeline(): unknown {
    if (typeof this.instance.onShareTimeline !== 'function') return undefined
    return this.instance.onShareTimeline({})
  }

  /** Waits until `check` stops throwing (or returns truthy), re-rendering on every try. */
  async waitFor<T>(check: (page: MiniProgramPage) => T, timeoutMs = 3000): Promise<T> {
    return this.program.waitFor(() => check(this), timeoutMs)
  }
}

export class MiniProgram {
  readonly dir: string
  readonly appJson: AppJson
  readonly wx: ReturnType<typeof createFakeWx>['state']
  /** Errors the app logged with console.error or threw from a callback. */
  readonly errors: string[] = []
  readonly warnings: string[] = []
  app: Record<string, any> | undefined
  private readonly context: vm.Context
  private readonly modules = new Map<string, { exports: any }>()
  private readonly pageConfigs = new Map<string, Record<string, any>>()
  private readonly componentConfigs = new Map<string, Record<string, any>>()
  private readonly stack: PageInstance[] = []
  private readonly tabPages = new Map<string, PageInstance>()
  /** Pending one-shot timers and when they are due (intervals are not awaited by settle). */
  private readonly timers = new Map<NodeJS.Timeout, number>()
  private readonly intervals = new Set<NodeJS.Timeout>()
  private readonly renderer: WxmlRenderer
  private registering: string | null = null
  private lastActivityAt = Date.now()
  private nextWebviewId = 1
  private closed = false

  constructor(options: LaunchOptions = {}) {
    this.dir = options.dir ?? weappDir()
    this.appJson = readAppJson(this.dir)
    this.renderer = options.renderer ?? rendererFor(this.dir)
    const defer = (fn: () => void) => void this.setTimeout(fn, 0)
    const fake = createFakeWx(defer, options.system, options.storage)
    this.wx = fake.state
    const wx = this.recordCalls({ ...fake.api, ...this.navigationApis(), ...(options.wx ?? {}) }, fake.state.calls)

    const capture = (sink: string[], original: (...a: unknown[]) => void) => (...args: unknown[]) => {
      // Errors thrown inside the vm are not `instanceof Error` of this realm: test for a stack.
      sink.push(args.map((a) => (typeof a === 'string' ? a : hasStack(a) ? describeError(a) : safeJson(a))).join(' '))
      if (process.env.WEAPP_DEBUG) original(...args)
    }
    const appConsole = {
      log: (...a: unknown[]) => process.env.WEAPP_DEBUG && console.log(...a),
      info: (...a: unknown[]) => process.env.WEAPP_DEBUG && console.info(...a),
      debug: () => {},
      warn: capture(this.warnings, console.warn),
      error: capture(this.errors, console.error),
    }
    // WeChat's logic layer has timers but no setImmediate/MessageChannel/window/document/process:
    // leaving them out makes React's scheduler and Taro pick the same code paths as on a phone.
    this.context = vm.createContext({
      console: appConsole,
      wx,
      App: (config: Record<string, any>) => this.registerApp(config),
      Page: (config: Record<string, any>) => this.registerPage(config),
      Component: (config: Record<string, any>) => this.registerComponent(config),
      Behavior: (config: Record<string, any>) => config,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      requirePlugin: (name: string) => {
        throw new Error(`requirePlugin("${name}"): the app declares no plugins, and the test harness provides none`)
      },
      setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => this.setTimeout(() => fn(...args), ms),
      clearTimeout: (t: NodeJS.Timeout) => this.clearTimer(t),
      setInterval: (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => this.setInterval(() => fn(...args), ms),
      clearInterval: (t: NodeJS.Timeout) => this.clearTimer(t),
    })
  }

  // ---- launching -------------------------------------------------------------------------

  /** Evaluates app.js and every page (and the components they use), then calls App's onLaunch. */
  boot(launchPath = this.appJson.pages[0], query: Record<string, string> = {}): this {
    this.require('app.js')
    if (!this.app) throw new Error('app.js ran but never called App()')
    for (const route of allPageRoutes(this.appJson)) this.loadPage(route)
    const launch = { path: launchPath, query, scene: 1001, referrerInfo: {} }
    this.guard(() => this.app!.onLaunch?.(launch))
    this.guard(() => this.app!.onShow?.(launch))
    return this
  }

  /** Opens `url` as the only page (like opening a shared link), waits for the first render. */
  async open(url: string): Promise<MiniProgramPage> {
    const { route, query } = parseUrl(url)
    this.assertPage(route, 'reLaunch')
    this.unloadAll()
    this.show(this.createPage(route, query))
    await this.settle()
    return this.currentPage()
  }

  /** The user presses the navigation bar's back arrow (or Android's back key). */
  async back(): Promise<MiniProgramPage> {
    if (this.stack.length <= 1) throw new Error('There is no page to go back to')
    this.unloadPage(this.stack.pop())
    this.showExisting(this.stack[this.stack.length - 1])
    await this.settle()
    return this.currentPage()
  }

  currentPage(): MiniProgramPage {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('No page is open')
    return new MiniProgramPage(this, top)
  }

  /** Opens an article's page (by id unless `query` is given) and waits until its title shows. */
  async openArticle(article: { id: string; title: string }, query = `id=${encodeURIComponent(article.id)}`): Promise<MiniProgramPage> {
    const page = await this.open(`/pages/detail/index?${query}`)
    await page.waitFor((pg) => pg.texts().includes(article.title))
    return page
  }

  /**
   * close(), then what every test of the compiled app holds to: anything the app logged as an
   * error, and any network request, fails the test that caused it.
   */
  closeAndCheck() {
    this.close()
    expect(this.errors).toEqual([])
    expect(this.wx.networkRequests).toEqual([])
  }

  pageStack(): string[] {
    return this.stack.map((page) => page.route)
  }

  /** Unloads pages and stops every timer the app started; call in afterEach. */
  close() {
    if (this.closed) return
    this.unloadAll()
    this.closed = true
    this.timers.forEach((_, t) => clearTimeout(t))
    this.timers.clear()
    this.intervals.forEach((t) => clearInterval(t))
    this.intervals.clear()
  }

  // ---- waiting ---------------------------------------------------------------------------

  /**
   * Resolves once the app is idle: no timer due within `horizonMs` is pending (React's scheduler,
   * Taro's nextTick, debounced input handlers) and nothing ran for `quietMs`. Gives up after
   * `timeoutMs`; tests then fail on what they expected to see, with the page text in the message.
   */
  async settle({ quietMs = 30, horizonMs = 1000, timeoutMs = 5000 } = {}): Promise<void> {
    const start = Date.now()
    await sleep(1)
    for (;;) {
      const now = Date.now()
      const pending = [...this.timers.values()].some((dueAt) => dueAt <= now + horizonMs)
      if (!pending && now - this.lastActivityAt >= quietMs) return
      if (now - start > timeoutMs) return
      await sleep(5)
    }
  }

  async waitFor<T>(check: () => T, timeoutMs = 3000): Promise<T> {
    const start = Date.now()
    let lastError: unknown
    for (;;) {
      try {
        const result = check()
        if (result !== false && result !== undefined && result !== null) return result
        lastError = new Error(`waitFor: condition returned ${String(result)}`)
      } catch (error) {
        lastError = error
      }
      if (Date.now() - start > timeoutMs) throw lastError
      await sleep(10)
    }
  }

  // ---- rendering -------------------------------------------------------------------------

  render(page: PageInstance): WxmlNode {
    const root = this.renderer(`${page.route}.wxml`, page.data)
    return this.expandComponents(root, this.usingComponents(page.route))
  }

  /** Custom components (Taro's recursive `comp`, custom-wrapper) are rendered from their own WXML. */
  private expandComponents(node: WxmlNode, using: Record<string, string>): WxmlNode {
    const children = (node.children ?? []).map((child) => {
      if (typeof child === 'string') return child
      const componentPath = using[child.tag] ?? using[child.tag.replace(/^wx-/, '')]
      if (!componentPath) return this.expandComponents(child, using)
      const rendered = this.renderer(`${componentPath}.wxml`, { ...child.attr })
      const inner = this.expandComponents(rendered, this.usingComponents(componentPath))
      return { ...child, children: inner.children }
    })
    return { ...node, children }
  }

  private usingComponents(file: string): Record<string, string> {
    const json = this.readJson(`${file}.json`)
    const using: Record<string, string> = {}
    for (const [tag, target] of Object.entries<string>(json?.usingComponents ?? {})) {
      using[tag] = target.startsWith('/') ? target.slice(1) : path.posix.join(path.posix.dirname(file), target)
    }
    return using
  }

  // ---- WeChat globals ----------------------------------------------------------------------

  private registerApp(config: Record<string, any>) {
    if (this.app) throw new Error('App() was called twice')
    this.app = config
  }

  private registerPage(config: Record<string, any>) {
    if (!this.registering) throw new Error('Page() was called outside a page script')
    this.pageConfigs.set(this.registering, config)
  }

  private registerComponent(config: Record<string, any>) {
    if (!this.registering) throw new Error('Component() was called outside a component script')
    this.componentConfigs.set(this.registering, config)
  }

  private navigationApis() {
    type NavOptions = { url?: string; delta?: number; success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void }
    const finish = (name: string, o: NavOptions, action: () => void) => {
      let result: { errMsg: string }
      try {
        action()
        result = { errMsg: `${name}:ok` }
      } catch (error) {
        result = { errMsg: `${name}:fail ${(error as Error).message}` }
        this.warnings.push(result.errMsg)
      }
      this.setTimeout(() => {
        if (result.errMsg.endsWith(':ok')) o?.success?.(result)
        else o?.fail?.(result)
        o?.complete?.(result)
      }, 0)
    }
    const from = () => this.stack[this.stack.length - 1]?.route ?? ''
    return {
      navigateTo: (o: NavOptions) =>
        finish('navigateTo', o, () => {
          const { route, query } = parseUrl(String(o.url), from())
          this.assertPage(route, 'navigateTo')
          if (this.isTabPage(route)) throw new Error('can not navigateTo a tabbar page')
          if (this.stack.length >= 10) throw new Error('webview count limit exceed')
          this.hideTop()
          this.show(this.createPage(route, query))
        }),
      redirectTo: (o: NavOptions) =>
        finish('redirectTo', o, () => {
          const { route, query } = parseUrl(String(o.url), from())
          this.assertPage(route, 'redirectTo')
          if (this.isTabPage(route)) throw new Error('can not redirectTo a tabbar page')
          this.unloadPage(this.stack.pop())
          this.show(this.createPage(route, query))
        }),
      navigateBack: (o: NavOptions = {}) =>
        finish('navigateBack', o, () => {
          const delta = Math.max(1, o.delta ?? 1)
          if (this.stack.length <= 1) throw new Error('cannot navigate back at first page.')
          for (let i = 0; i < delta && this.stack.length > 1; i++) this.unloadPage(this.stack.pop())
          this.showExisting(this.stack[this.stack.length - 1])
        }),
      switchTab: (o: NavOptions) =>
        finish('switchTab', o, () => {
          const { route } = parseUrl(String(o.url), from())
          this.assertPage(route, 'switchTab')
          if (!this.isTabPage(route)) throw new Error('can not switch to no-tabBar page')
          this.hideTop()
          while (this.stack.length && !this.isTabPage(this.stack[this.stack.length - 1].route)) this.unloadPage(this.stack.pop())
          this.stack.length = 0
          const existing = this.tabPages.get(route)
          if (existing) {
            this.stack.push(existing)
            this.showExisting(existing)
          } else {
            this.show(this.createPage(route, {}))
          }
        }),
      reLaunch: (o: NavOptions) =>
        finish('reLaunch', o, () => {
          const { route, query } = parseUrl(String(o.url), from())
          this.assertPage(route, 'reLaunch')
          this.unloadAll()
          this.show(this.createPage(route, query))
        }),
    }
  }

  private recordCalls(api: Record<string, unknown>, calls: WxCall[]) {
    const wrapped: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(api)) {
      wrapped[name] =
        typeof value === 'function'
          ? (...args: unknown[]) => {
              calls.push({ api: name, args })
              return (value as (...a: unknown[]) => unknown)(...args)
            }
          : value
    }
    return wrapped
  }

  // ---- pages -------------------------------------------------------------------------------

  private isTabPage(route: string) {
    return (this.appJson.tabBar?.list ?? []).some((item) => item.pagePath.replace(/^\//, '') === route)
  }

  private assertPage(route: string, api: string) {
    if (!this.pageConfigs.has(route)) throw new Error(`${api}: page "${route}" is not found`)
  }

  private loadPage(route: string) {
    this.loadComponents(route, new Set())
    this.registering = route
    try {
      this.require(`${route}.js`)
    } finally {
      this.registering = null
    }
    if (!this.pageConfigs.has(route)) throw new Error(`${route}.js ran but never called Page()`)
  }

  /** WeChat loads the scripts of the custom components a page or component declares. */
  private loadComponents(file: string, seen: Set<string>) {
    for (const componentPath of Object.values(this.usingComponents(file))) {
      if (seen.has(componentPath) || this.componentConfigs.has(componentPath)) continue
      seen.add(componentPath)
      this.loadComponents(componentPath, seen)
      this.registering = componentPath
      try {
        this.require(`${componentPath}.js`)
      } finally {
        this.registering = null
      }
    }
  }

  private createPage(route: string, query: Record<string, string>): PageInstance {
    const config = this.pageConfigs.get(route)!
    const page: PageInstance = Object.assign({}, config, {
      data: clone(config.data ?? {}),
      route,
      __route__: route,
      is: route,
      options: { ...query },
      __wxWebviewId__: this.nextWebviewId++,
    })
    page.setData = (patch: Record<string, unknown>, callback?: () => void) => {
      if (this.closed) return
      if (!this.stack.includes(page) && ![...this.tabPages.values()].includes(page)) return
      for (const [key, value] of Object.entries(clone(patch) ?? {})) setByPath(page.data, key, value)
      this.lastActivityAt = Date.now()
      if (callback) this.setTimeout(callback, 0)
    }
    page.selectComponent = () => null
    page.selectAllComponents = () => []
    page.createSelectorQuery = () => (this.context.wx as any).createSelectorQuery()
    page.getOpenerEventChannel = () => ({ emit() {}, on() {}, once() {}, off() {} })
    return page
  }

  private show(page: PageInstance) {
    this.stack.push(page)
    if (this.isTabPage(page.route)) this.tabPages.set(page.route, page)
    this.guard(() => page.onLoad?.(page.options))
    this.guard(() => page.onShow?.())
    this.guard(() => page.onReady?.())
  }

  private showExisting(page: PageInstance) {
    this.guard(() => page.onShow?.())
  }

  private hideTop() {
    const top = this.stack[this.stack.length - 1]
    if (top) this.guard(() => top.onHide?.())
  }

  private unloadPage(page: PageInstance | undefined) {
    if (!page) return
    this.guard(() => page.onUnload?.())
    this.tabPages.forEach((value, key) => value === page && this.tabPages.delete(key))
  }

  private unloadAll() {
    this.hideTop()
    while (this.stack.length) this.unloadPage(this.stack.pop())
    this.tabPages.forEach((page) => this.guard(() => page.onUnload?.()))
    this.tabPages.clear()
  }

  // ---- module loading ----------------------------------------------------------------------

  private require(file: string): any {
    const absolute = path.resolve(this.dir, file)
    const cached = this.modules.get(absolute)
    if (cached) return cached.exports
    if (!absolute.startsWith(this.dir + path.sep)) throw new Error(`require outside the mini-program: ${file}`)
    if (!fs.existsSync(absolute)) throw new Error(`module not found: ${path.relative(this.dir, absolute)}`)
    const module = { exports: {} as any }
    this.modules.set(absolute, module)
    const code = fs.readFileSync(absolute, 'utf8')
    const wrapper = vm.runInContext(`(function (require, module, exports) {${code}\n})`, this.context, { filename: absolute })
    const resolveId = (id: string) => path.relative(this.dir, path.resolve(path.dirname(absolute), id.endsWith('.js') ? id : `${id}.js`))
    const localRequire = (id: string) => this.require(resolveId(id))
    // 分包异步化: WeChat downloads the subpackage, then runs the module. Here the download is a
    // timer tick, and a file outside every subpackage (or missing) rejects as WeChat would.
    localRequire.async = (id: string) =>
      new Promise((resolve, reject) => {
        this.setTimeout(() => {
          try {
            const file = resolveId(id)
            const inSubpackage = subpackageRoots(this.appJson).some((root) => file.startsWith(`${root}/`))
            if (!inSubpackage) throw new Error(`require.async: ${file} is in no subpackage of app.json`)
            resolve(this.require(file))
          } catch (error) {
            reject(error)
          }
        }, 0)
      })
    wrapper.call(undefined, localRequire, module, module.exports)
    return module.exports
  }

  private readJson(file: string): any {
    const full = path.join(this.dir, file)
    return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : undefined
  }

  // ---- timers and errors -------------------------------------------------------------------

  /** Runs app code, recording (not throwing) its errors, as WeChat reports them to onError. */
  guard(fn: () => unknown) {
    try {
      const result = fn() as any
      if (result && typeof result.then === 'function') {
        result.then(undefined, (error: unknown) => this.errors.push(describeError(error)))
      }
    } catch (error) {
      this.errors.push(describeError(error))
    }
  }

  private setTimeout(fn: () => void, ms = 0): NodeJS.Timeout {
    const handle = setTimeout(() => {
      this.timers.delete(handle)
      if (this.closed) return
      this.lastActivityAt = Date.now()
      this.guard(fn)
    }, ms)
    this.timers.set(handle, Date.now() + (Number(ms) || 0))
    return handle
  }

  private setInterval(fn: () => void, ms = 0): NodeJS.Timeout {
    const handle = setInterval(() => {
      if (!this.closed) this.guard(fn)
    }, ms)
    this.intervals.add(handle)
    return handle
  }

  private clearTimer(handle: NodeJS.Timeout) {
    clearTimeout(handle)
    this.timers.delete(handle)
    this.intervals.delete(handle)
  }
}

function hasStack(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as Error).stack === 'string'
}

function describeError(error: unknown): string {
  return hasStack(error) ? error.stack! : String(error)
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Boots the build in a fresh context (fresh module cache, storage, page stack). */
export function launchMiniProgram(options: LaunchOptions = {}): MiniProgram {
  return new MiniProgram(options).boot()
}
