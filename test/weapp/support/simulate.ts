// Taro's compiled pages rendered by WeChat's own component test tool, miniprogram-simulate 1.6.2
// (j-component + WeChat's official wcc compiler), with Taro's real runtime from dist/weapp.
// What a test reads is the DOM simulate builds from the compiled WXML, never Taro's setData
// payload, so a Taro upgrade that changes its private node format cannot fool these tests.
//
// What it takes (see /work/shared/notes/platform.md):
// - jsdom 24 globals, with jsdom's own Event/CustomEvent (Node's would not reach jsdom's nodes);
// - a `Page()` shim: simulate renders components, so a page becomes one (its functions become
//   methods; `attached` runs onLoad + onShow, `ready` onReady, `detached` onHide + onUnload);
// - the build's scripts run by WeChat's module rules (loadDist below): require relative to the
//   file, one module cache per launch, and require.async (分包异步化) for the data subpackages;
// - app.js required once and App's onLaunch called by hand;
// - the stand-in `wx` of fake-wx.ts (storage, system info and extra APIs set per launch), with
//   navigation recorded: `follow()` opens where the app asked to go and `back()` returns, over a
//   small stack of the pages opened;
// - what a screen reader gets (`accessibleNodes`, `wxmlAttributes`): j-component keeps only
//   class, style and data-* on its DOM placeholders, so the aria-* attributes are read from the
//   virtual node each element was rendered from, i.e. the compiled WXML's own output.
// WXML runtime warnings ("Template ... not found") mean part of a page would be blank on a
// phone: they are collected in `warnings` and tests fail on them.
import fs from 'node:fs'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { createFakeWx, phone, type FakeWxState, type WxOverrides } from './fake-wx'
import { readAppJson, subpackageRoots, weappDir } from './dist'

type AnyRecord = Record<string, any>

export interface LaunchOptions {
  /** The weapp build to run; defaults to dist/weapp (or $TEST_DIST_DIR/weapp). */
  dir?: string
  /** Storage content as a device would have it before launch. */
  storage?: Record<string, unknown>
  /** Overrides of the phone's system info (e.g. { fontSizeSetting: 24 }). */
  system?: Partial<typeof phone>
  /** Extra or replaced wx APIs (canvas, album, launch scene). Applied before taro.js loads. */
  wx?: WxOverrides
}

/**
 * What WeChat's screen reader gets from one element: the `aria-*` attributes the compiled WXML
 * set on it (read from the template's output, not from Taro's data) and whether it handles taps.
 */
export interface AccessibleNode {
  element: HTMLElement
  /** `aria-role`, '' when none. */
  role: string
  /** `aria-label`, '' when none. */
  label: string
  /** Every non-empty `aria-*` attribute, by its WXML name (`aria-role`, `aria-selected`…). */
  aria: Record<string, string>
  /** Its own text without the parts hidden from screen readers (aria-hidden), whitespace collapsed. */
  text: string
  /** bindtap / catchtap on the element itself. */
  tappable: boolean
  /** Inside (or itself) an element with aria-hidden. */
  hidden: boolean
}

export interface SimulatedProgram {
  dir: string
  wx: FakeWxState
  /** Where the app asked WeChat to go (navigateTo / redirectTo / reLaunch / switchTab), in order. */
  navigations: { api: string; url: string }[]
  /** The files the app loaded with require.async (分包异步化), relative to the build, in order. */
  asyncRequires: string[]
  /** console.warn/error output of the app and of the WXML runtime. */
  warnings: string[]
  errors: string[]
  open(url: string): Promise<SimulatedPage>
  /** Opens where the app last asked WeChat to go (after a tap that navigates), as WeChat would. */
  follow(): Promise<SimulatedPage>
  /** The back arrow: unloads the page on top and shows the one below it again. */
  back(): Promise<SimulatedPage>
  /** The pages opened and not unloaded, oldest first (the top one is WeChat's current page). */
  stack(): SimulatedPage[]
  waitFor<T>(check: () => T, timeoutMs?: number): Promise<T>
  close(): void
}

export interface SimulatedPage {
  route: string
  query: Record<string, string>
  root: HTMLElement
  instance: AnyRecord
  /** All visible text pieces in document order (trimmed, empty dropped). */
  texts(): string[]
  text(): string
  /** Clicks (taps) the innermost element whose text contains `text`. */
  tap(text: string | RegExp, nth?: number): Promise<void>
  /** Types into the nth input element. */
  input(value: string, nth?: number): Promise<void>
  waitFor<T>(check: (page: SimulatedPage) => T, timeoutMs?: number): Promise<T>
  /** The innermost element whose text contains `text` (nth among several). */
  findByText(text: string | RegExp, nth?: number): HTMLElement
  /** Fires WeChat's tap on an element; it bubbles to the handlers the templates bound. */
  tapElement(element: Element): Promise<void>
  /** Every element of the page with what a screen reader gets from it, in document order. */
  accessibleNodes(): AccessibleNode[]
  /** The inline style of the page's root (`.hn-page`, where the text scale lives). */
  rootStyle(): string
  /** What WeChat gets when the reader picks 转发 in the ··· menu; undefined if the page offers none. */
  shareAppMessage(from?: 'menu' | 'button'): unknown
  /** What WeChat gets for 分享到朋友圈; undefined if the page offers none. */
  shareTimeline(): unknown
  unload(): void
}

function formatUrl({ route, query }: { route: string; query: Record<string, string> }): string {
  const pairs = Object.entries(query).map(([key, value]) => `${key}=${value}`)
  return pairs.length ? `${route}?${pairs.join('&')}` : route
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

let installed: { dom: JSDOM } | undefined

function installDomGlobals() {
  if (installed) return
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
  const g = global as AnyRecord
  const win = dom.window as unknown as AnyRecord
  for (const key of ['window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Event', 'CustomEvent', 'MouseEvent', 'KeyboardEvent', 'TouchEvent', 'DocumentFragment', 'Text', 'Comment', 'getComputedStyle', 'MutationObserver']) {
    if (key === 'window') g.window = win
    else if (win[key] !== undefined) g[key] = typeof win[key] === 'function' && /^[a-z]/.test(key) ? win[key].bind(win) : win[key]
  }
  installed = { dom }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * WeChat's module loader for the files of one build. Node's (and jest's) `require` has no
 * `require.async`, which the data loader (src/data/loader.weapp.ts) calls to reach the page-less
 * data subpackages; so the build's scripts run here instead, in this realm (the globals `wx`,
 * `Page`, `Component` set below). require.async resolves after a timer tick (the download) and
 * rejects, as WeChat does, for a file that is missing or in no subpackage of app.json.
 */
function distLoader(dir: string, defer: (fn: () => void) => void, asyncRequires: string[]) {
  const roots = subpackageRoots(readAppJson(dir))
  const modules = new Map<string, { exports: any }>()
  const resolveFrom = (from: string, id: string) => {
    const absolute = path.resolve(path.dirname(from), id.endsWith('.js') ? id : `${id}.js`)
    if (!absolute.startsWith(dir + path.sep)) throw new Error(`require outside the mini-program: ${id} from ${path.relative(dir, from)}`)
    if (!fs.existsSync(absolute)) throw new Error(`module not found: ${path.relative(dir, absolute)}`)
    return absolute
  }
  const run = (absolute: string, cached: boolean): any => {
    const hit = cached ? modules.get(absolute) : undefined
    if (hit) return hit.exports
    const module = { exports: {} as any }
    if (cached) modules.set(absolute, module)
    const localRequire = (id: string) => run(resolveFrom(absolute, id), true)
    localRequire.async = (id: string) =>
      new Promise((resolve, reject) => {
        defer(() => {
          try {
            const file = resolveFrom(absolute, id)
            const relative = path.relative(dir, file).split(path.sep).join('/')
            if (!roots.some((root) => relative.startsWith(`${root}/`))) throw new Error(`require.async: ${relative} is in no subpackage of app.json`)
            asyncRequires.push(relative)
            resolve(run(file, true))
          } catch (error) {
            reject(error)
          }
        })
      })
    // The build's own code, compiled for WeChat: evaluated as its module loader would.
    const wrapper = new Function('require', 'module', 'exports', `${fs.readFileSync(absolute, 'utf8')}\n//# sourceURL=${absolute}`)
    wrapper.call(undefined, localRequire, module, module.exports)
    return module.exports
  }
  return {
    require: (file: string) => run(resolveFrom(path.join(dir, 'app.js'), file), true),
    /** A component's script, run afresh on each load as miniprogram-simulate does. */
    runComponent: (filePath: string) => run(resolveFrom(filePath, filePath), false),
  }
}

function visibleTexts(root: Node): string[] {
  const out: string[] = []
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, 4 /* SHOW_TEXT */)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const t = (node.textContent ?? '').trim()
    if (t) out.push(t)
  }
  return out
}

/**
 * The attributes the compiled WXML gave an element, by WXML name. j-component keeps only class,
 * style and data-* on its DOM placeholders, but every element keeps the virtual node it was
 * rendered from (`_vt`, replaced on each update), whose attrs are exactly the template's output
 * (names camel-cased: ariaRole for aria-role).
 */
export function wxmlAttributes(element: Element): Record<string, unknown> {
  const vt = (element as AnyRecord).__wxElement?._vt
  const out: Record<string, unknown> = {}
  for (const { name, value } of (vt?.attrs ?? []) as { name: string; value: unknown }[]) {
    out[name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = value
  }
  return out
}

function handlesTap(element: Element): boolean {
  const events = (element as AnyRecord).__wxElement?._vt?.event ?? {}
  return Object.values(events as Record<string, { name: string; handler?: string }>).some((e) => e.name === 'tap' && !!e.handler)
}

const shown = (value: unknown) => (value === undefined || value === null || value === false ? '' : String(value))

function isAriaHidden(element: Element): boolean {
  const value = shown(wxmlAttributes(element)['aria-hidden'])
  return value !== '' && value !== 'false'
}

/** Text a screen reader reads out of an element: aria-hidden parts left out, whitespace collapsed. */
function readableText(element: Element): string {
  const parts: string[] = []
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '')
    else if (node.nodeType === 1 && !isAriaHidden(node as Element)) node.childNodes.forEach(walk)
  }
  element.childNodes.forEach(walk)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

function accessibleNodes(root: Element): AccessibleNode[] {
  return [...root.querySelectorAll('*')].map((element) => {
    const attrs = wxmlAttributes(element)
    const aria: Record<string, string> = {}
    for (const [name, value] of Object.entries(attrs)) if (name.startsWith('aria-') && shown(value) !== '') aria[name] = shown(value)
    let hidden = false
    for (let at: Element | null = element; at && at !== root.parentElement; at = at.parentElement) if (isAriaHidden(at)) hidden = true
    return {
      element: element as HTMLElement,
      role: aria['aria-role'] ?? '',
      label: (aria['aria-label'] ?? '').trim(),
      aria,
      text: readableText(element),
      tappable: handlesTap(element),
      hidden,
    }
  })
}

/** Boots dist/weapp's app.js in this jest module registry. */
export function launchSimulated(dirOrOptions: string | LaunchOptions = {}): SimulatedProgram {
  const options: LaunchOptions = typeof dirOrOptions === 'string' ? { dir: dirOrOptions } : dirOrOptions
  const dir = options.dir ?? weappDir()
  installDomGlobals()
  const g = global as AnyRecord
  const warnings: string[] = []
  const errors: string[] = []
  const navigations: { api: string; url: string }[] = []
  const timers = new Set<NodeJS.Timeout>()
  // Timers the program's own code starts (a share picture's 8 s deadline, Taro's batching) can
  // fire after the test is over and log into a finished test, which fails the jest run: each
  // one started while the program is open is kept, and close() clears what is still pending.
  const realSetTimeout = g.setTimeout as typeof setTimeout
  g.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const t = realSetTimeout(handler, ms, ...args)
    timers.add(t)
    return t
  }) as typeof setTimeout
  const defer = (fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t)
      fn()
    }, 0)
    timers.add(t)
  }
  const fake = createFakeWx(defer, options.system, options.storage)
  const navigate = (api: string) => (o: AnyRecord) => {
    navigations.push({ api, url: String(o?.url) })
    defer(() => {
      o?.success?.({ errMsg: `${api}:ok` })
      o?.complete?.({ errMsg: `${api}:ok` })
    })
  }
  g.wx = {
    ...fake.api,
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    ...(options.wx ?? {}),
  }
  const record = (sink: string[]) => (...args: unknown[]) => void sink.push(args.map((a) => (a instanceof Error ? a.stack : typeof a === 'string' ? a : String(a))).join(' '))
  const realConsole = { warn: console.warn, error: console.error }
  console.warn = record(warnings)
  console.error = record(errors)

  const pages: AnyRecord[] = []
  let app: AnyRecord | undefined
  g.App = (config: AnyRecord) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages
  g.requirePlugin = (name: string) => {
    throw new Error(`requirePlugin(${name}): no plugins`)
  }
  // Required only now: it reads `window` and registers its global Component() when it loads.
  const simulate = require('miniprogram-simulate')
  // simulate runs each component's script through its utils' runJs (Node's require there).
  const asyncRequires: string[] = []
  const loader = distLoader(dir, defer, asyncRequires)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped internal module, loaded with simulate
  const simulateUtils = require('miniprogram-simulate/src/utils')
  const nodeRunJs = simulateUtils.runJs
  simulateUtils.runJs = loader.runComponent
  let loadingRoute: string | null = null
  g.Page = (config: AnyRecord) => {
    const route = loadingRoute
    if (!route) throw new Error('Page() called outside a page script')
    const methods: AnyRecord = {}
    const data = config.data ?? {}
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
    g.Component({
      data,
      properties: { __query: { type: Object, value: {} } },
      methods,
      lifetimes: {
        attached(this: AnyRecord) {
          const query = this.data.__query ?? {}
          Object.assign(this, { route, __route__: route, options: { ...query }, is: route })
          pages.push(this)
          this.onLoad?.({ ...query })
          this.onShow?.()
        },
        ready(this: AnyRecord) {
          this.onReady?.()
        },
        detached(this: AnyRecord) {
          this.onHide?.()
          this.onUnload?.()
          pages.splice(pages.indexOf(this), 1)
        },
      },
    })
  }

  // The build's own app.js, loaded as WeChat would.
  loader.require('./app.js')
  if (!app) throw new Error('app.js never called App()')
  app.onLaunch?.({ path: readAppJson(dir).pages[0], query: {}, scene: 1001, referrerInfo: {} })
  app.onShow?.({ path: readAppJson(dir).pages[0], query: {}, scene: 1001, referrerInfo: {} })

  const componentIds = new Map<string, string>()
  const loadPage = (route: string) => {
    let id = componentIds.get(route)
    if (!id) {
      loadingRoute = route
      try {
        id = simulate.load(path.join(dir, route), 'taro-page', { rootPath: dir, compiler: 'official' }) as string
      } finally {
        loadingRoute = null
      }
      componentIds.set(route, id)
    }
    return id
  }

  const settle = async () => {
    // React's scheduler and Taro's nextTick run on timers; wait until the tree stops changing.
    let last = ''
    let stable = 0
    for (let i = 0; i < 200 && stable < 3; i++) {
      await sleep(10)
      const now = document.body.innerHTML.length + ':' + navigations.length
      stable = now === last ? stable + 1 : 0
      last = now
    }
  }

  const waitUntil = async <T>(check: () => T, timeoutMs: number): Promise<T> => {
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
      await sleep(20)
    }
  }

  const stack: SimulatedPage[] = []

  const program: SimulatedProgram = {
    dir,
    wx: fake.state,
    navigations,
    asyncRequires,
    warnings,
    errors,
    async open(url: string) {
      const { route, query } = parseUrl(url)
      const id = loadPage(route)
      const component = simulate.render(id, { __query: query })
      const parent = document.createElement('div')
      document.body.appendChild(parent)
      component.attach(parent)
      await settle()
      const dom = component.dom as HTMLElement
      const findByText = (text: string | RegExp, nth = 0): HTMLElement => {
        const matches = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s))
        const all = [...dom.querySelectorAll('*')].filter((el) => matches((el.textContent ?? '').trim()))
        const innermost = all.filter((el) => !all.some((other) => other !== el && el.contains(other)))
        const target = innermost[nth] as HTMLElement | undefined
        if (!target) throw new Error(`No element shows ${String(text)} on ${route}:\n${page.text()}`)
        return target
      }
      const page: SimulatedPage = {
        route,
        query,
        root: dom,
        instance: component.instance,
        texts: () => visibleTexts(dom),
        text: () => visibleTexts(dom).join('\n'),
        findByText,
        async tapElement(element) {
          // j-component dispatches WeChat's tap from a touch sequence on the element.
          findJNode(component, element).dispatchEvent('tap')
          await settle()
        },
        async tap(text, nth = 0) {
          await page.tapElement(findByText(text, nth))
        },
        async input(value, nth = 0) {
          const inputs = [...dom.querySelectorAll('input, wx-input')]
          const target = inputs[nth]
          if (!target) throw new Error(`No input on ${route}`)
          const jTarget = findJNode(component, target as HTMLElement)
          jTarget.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } })
          await settle()
        },
        waitFor: (check, timeoutMs = 15_000) => waitUntil(() => check(page), timeoutMs),
        accessibleNodes: () => accessibleNodes(dom),
        rootStyle() {
          const root = [...dom.querySelectorAll('*')].find((el) => /(^|\s)hn-page(\s|$)/.test(String(wxmlAttributes(el).class ?? '')))
          return root ? String(wxmlAttributes(root).style ?? '') : ''
        },
        shareAppMessage(from = 'menu') {
          const handler = component.instance.onShareAppMessage
          return typeof handler === 'function' ? handler.call(component.instance, { from, target: undefined, webViewUrl: '' }) : undefined
        },
        shareTimeline() {
          const handler = component.instance.onShareTimeline
          return typeof handler === 'function' ? handler.call(component.instance, {}) : undefined
        },
        unload() {
          const at = stack.indexOf(page)
          if (at === -1) return
          stack.splice(at, 1)
          component.detach()
          parent.remove()
        },
      }
      stack.push(page)
      return page
    },
    async follow() {
      const last = navigations[navigations.length - 1]
      if (!last) throw new Error('the app did not ask WeChat to go anywhere')
      const top = stack[stack.length - 1]
      if (last.api === 'navigateBack') return program.back()
      if (last.api === 'navigateTo') top?.instance.onHide?.()
      else if (last.api === 'redirectTo') top?.unload()
      else [...stack].reverse().forEach((page) => page.unload())
      // A relative url is relative to the page that navigated.
      return program.open(`/${formatUrl(parseUrl(last.url, top?.route))}`)
    },
    async back() {
      if (stack.length < 2) throw new Error('There is no page to go back to')
      stack[stack.length - 1].unload()
      const below = stack[stack.length - 1]
      below.instance.onShow?.()
      await settle()
      return below
    },
    stack: () => [...stack],
    waitFor: (check, timeoutMs = 15_000) => waitUntil(check, timeoutMs),
    close() {
      for (const page of [...pages]) page.onUnload?.()
      stack.length = 0
      timers.forEach((t) => clearTimeout(t))
      g.setTimeout = realSetTimeout
      // jsdom's window keeps timers (pretendToBeVisual's animation frames) that hold jest open.
      installed?.dom.window.close()
      installed = undefined
      console.warn = realConsole.warn
      console.error = realConsole.error
      simulateUtils.runJs = nodeRunJs
    },
  }
  return program
}

/**
 * The j-component wrapper of a DOM element inside a rendered page: its dispatchEvent fires the
 * WeChat event on the element's exparser node, which bubbles to the bindtap/bindinput handlers
 * the compiled WXML attached (Taro's `eh`), exactly as a tap on a phone does.
 */
function findJNode(component: AnyRecord, el: Element): AnyRecord {
  const wxElement = (el as AnyRecord).__wxElement
  if (!wxElement) throw new Error(`element <${el.tagName.toLowerCase()}> has no exparser node`)
  // `render` returns j-component's RootComponent; its base class wraps any exparser node.
  const Wrapper = Object.getPrototypeOf(component.constructor) as new (node: unknown) => AnyRecord
  return wxElement.__componentNode__ ?? new Wrapper(wxElement)
}

/**
 * One program at a time for a test file: launch() closes the one before, and after each test the
 * open one is closed and checked (nothing logged as an error, no network request).
 */
export function useOneProgram(): { launch(options?: LaunchOptions): SimulatedProgram; shutDown(): void } {
  let program: SimulatedProgram | undefined
  function shutDown() {
    if (!program) return
    const closing = program
    program = undefined
    closing.stack().forEach((page) => page.unload())
    closing.close()
    expect(closing.errors).toEqual([])
    expect(closing.wx.networkRequests).toEqual([])
  }
  afterEach(shutDown)
  return {
    launch(options: LaunchOptions = {}) {
      shutDown()
      program = launchSimulated(options)
      return program
    },
    shutDown,
  }
}

/** Opens an article's page and waits until its title is drawn. */
export async function openArticlePage(program: SimulatedProgram, article: { id: string; title: string }, query = `id=${encodeURIComponent(article.id)}`): Promise<SimulatedPage> {
  const page = await program.open(`/pages/detail/index?${query}`)
  await page.waitFor((pg) => pg.texts().includes(article.title))
  return page
}
