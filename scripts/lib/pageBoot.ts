// How a prerendered H5 page starts the app. scripts/prerender.ts bundles this module with esbuild
// (ES2015, minified) and writes it inline into every page, right after the page's markup, so it
// runs before the first paint. It decides four things:
//
//   1. The reader's text step applies to the prerendered copy at once (saved A−/A+ step, or the
//      `size=N` of a 大字分享 link on an article), with core's own textScaleStyle: a reader who
//      chose 超大 never sees small text first, and nothing jumps when the app takes over.
//   2. The app starts on intent, not at load (the "hydrate on interaction" pattern): the first
//      pointerdown / touchstart / keydown / focusin / scroll / wheel that the HTML alone cannot
//      answer loads the app's scripts. Links are plain navigation and start nothing. After `load`
//      the service worker precaches them (or, where none runs, a low-priority prefetch fetches
//      them), so the intent costs parse and run only. The
//      search page (typing needs the app) starts at once, after the first paint.
//   3. The hand-over: the prerendered copy stays on top until the app's page has rendered and
//      stopped changing, then goes in one frame, with its scroll position. The tap (or Enter /
//      Space) that started the app is then replayed once on the same element of the app's page,
//      keyboard focus moves to the same control, and text typed into a field carries over.
//      Elements are matched by their path below the page root (.hn-page), counted among siblings
//      of the same kind: the prerendered copy is a snapshot of the app's own first frame.
//   4. The service worker registers after `load` even if the reader never taps (the same
//      decision the app makes: src/platform/serviceWorker.h5.ts).
//
// 最近浏览 records an article once the app runs: reading on (a scroll) starts it.
import { stepLabel, systemFontPx, textScaleStyle, textStepOf, LARGEST_STEP, STANDARD_STEP, type TextStep } from '../../src/core/textScale'
import { STORE_KEY, STORE_VERSION } from '../../src/core/storeKeys'
import { registerServiceWorker } from '../../src/platform/serviceWorker.h5'
import { focusElement } from '../../src/platform/focus.h5'
import { readSystemFontPx } from '../../src/platform/systemFont.h5'

export interface BootOptions {
  /** The app's scripts, in order. */
  sources: string[]
  /** Start the app right after the first paint instead of on intent (the search page). */
  now: boolean
  /** The page honours a 大字分享 `size=N` (article pages, as the detail page does). */
  sharedStep: boolean
}

export const OVERLAY_ID = 'hn-prerendered'
const PAGE_ROOT = '.hn-page'
/** What starts the app: the reader doing something on the page, or reading on. */
export const INTENT_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'scroll', 'wheel']

/**
 * The saved step from the text Taro's H5 storage keeps in localStorage under STORE_KEY
 * ({"data": "<the store's JSON>"}, the store's JSON being { version, state: { textStep } }).
 * Anything else (nothing saved, another version, junk) is null: the page stays as prerendered.
 */
export function savedTextStep(stored: string | null): TextStep | null {
  if (!stored) return null
  try {
    const wrapped: unknown = JSON.parse(stored)
    const text = wrapped && typeof wrapped === 'object' ? (wrapped as { data?: unknown }).data : undefined
    if (typeof text !== 'string') return null
    const saved: unknown = JSON.parse(text)
    if (!saved || typeof saved !== 'object') return null
    const { version, state } = saved as { version?: unknown; state?: { textStep?: unknown } }
    return version === STORE_VERSION && state && typeof state === 'object' ? textStepOf(state.textStep) : null
  } catch {
    return null
  }
}

/** The step a page shows: a 大字分享 link's own step first (article pages), else the saved one. */
export function shownTextStep(search: string, stored: string | null, sharedStep: boolean): TextStep | null {
  const shared = sharedStep ? textStepOf(/[?&]size=([^&#]*)/.exec(search)?.[1]) : null
  return shared !== null ? shared : savedTextStep(stored)
}

/** Gives the prerendered page roots the step's text scale, as ReaderPage renders them in the app. */
export function applyTextStep(overlay: ParentNode, step: TextStep, systemPx: number): void {
  const style = textScaleStyle(systemPx, step)
  const roots = overlay.querySelectorAll<HTMLElement>(PAGE_ROOT)
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]
    root.style.setProperty('--hn-fs', style['--hn-fs'])
    root.style.setProperty('--hn-tap', style['--hn-tap'])
    const classes = (root.getAttribute('class') || '').split(' ').filter((c) => c && !/^hn-page--(?:step-\d|large)$/.test(c))
    classes.splice(1, 0, `hn-page--step-${step}`)
    if (step > STANDARD_STEP) classes.splice(2, 0, 'hn-page--large')
    root.setAttribute('class', classes.join(' '))
    root.setAttribute('data-text-step', String(step))
  }
  // The A−/A+ control says the step and greys out the end it has reached, as TextSizeControl does.
  const controls = overlay.querySelectorAll('.text-size')
  for (let i = 0; i < controls.length; i++) {
    const label = controls[i].querySelector('.text-size__step')
    if (label) label.textContent = stepLabel(step)
    const buttons = controls[i].querySelectorAll('.text-size__button')
    if (buttons.length === 2) {
      buttons[0].classList.toggle('text-size__button--off', step === STANDARD_STEP)
      buttons[0].setAttribute('aria-disabled', String(step === STANDARD_STEP))
      buttons[1].classList.toggle('text-size__button--off', step === LARGEST_STEP)
      buttons[1].setAttribute('aria-disabled', String(step === LARGEST_STEP))
    }
  }
}

/** One step down: the child's kind (tag and first class) and its place among siblings of that kind. */
export type PathStep = [kind: string, nth: number]

const kindOf = (element: Element) => `${element.tagName} ${(element.getAttribute('class') || '').split(' ')[0]}`

/**
 * How to find `element` again below `root`, or null when it is not inside `root`. Counting only
 * siblings of the same kind, a part the app adds later (a banner above) does not shift the way.
 */
export function pathTo(root: Element, element: Element | null): PathStep[] | null {
  const path: PathStep[] = []
  let at: Element | null = element
  while (at && at !== root) {
    const parent: Element | null = at.parentElement
    if (!parent) return null
    const kind = kindOf(at)
    let nth = 0
    for (let sibling = at.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (kindOf(sibling) === kind) nth++
    path.unshift([kind, nth])
    at = parent
  }
  return at === root ? path : null
}

/** The element `path` leads to below `root`; null when the app's page has no such element. */
export function elementAt(root: Element, path: PathStep[]): Element | null {
  let at: Element | null = root
  for (let i = 0; i < path.length && at; i++) {
    const [kind, nth] = path[i]
    let seen = 0
    let next: Element | null = null
    for (let child: Element | null = at.firstElementChild; child && !next; child = child.nextElementSibling) {
      if (kindOf(child) === kind && seen++ === nth) next = child
    }
    at = next
  }
  return at
}

/** A link or inside one: the browser answers it without the app. */
function inLink(target: EventTarget | null): boolean {
  return !!(target && (target as Element).closest && (target as Element).closest('a[href]'))
}

const isField = (element: Element) => element.tagName === 'INPUT' || element.tagName === 'TEXTAREA'

/** The page root of the app's page on screen (Taro renders pages into #app). */
function appRoot(app: Element): Element | null {
  return app.querySelector(`.taro_page ${PAGE_ROOT}`)
}

export function bootPage(options: BootOptions): void {
  const overlay = document.getElementById(OVERLAY_ID)
  const app = document.getElementById('app')
  if (!overlay || !app) return
  try {
    const step = shownTextStep(location.search, localStorage.getItem(STORE_KEY), options.sharedStep)
    if (step !== null) applyTextStep(overlay, step, systemFontPx(readSystemFontPx()))
  } catch {
    // No storage (private mode, blocked): the page stays at the prerendered 标准 step.
  }
  const copyRoot = overlay.querySelector(PAGE_ROOT)
  /** The tap to replay after the hand-over: the element the reader tapped in the copy. */
  let tapped: Element | null = null
  /**
   * The control of the copy that last took keyboard focus. Kept apart from activeElement: once
   * the app's scripts define Taro's elements, the copy's own hydrate too and drop focus to <body>.
   */
  let focusedInCopy: Element | null = null
  let started = false

  const start = () => {
    if (started) return
    started = true
    for (const name of INTENT_EVENTS) document.removeEventListener(name, onIntent, true)
    watchTakeover()
    for (const src of options.sources) {
      const script = document.createElement('script')
      script.src = src
      // In order, as the deferred scripts of Taro's own page would run.
      script.async = false
      document.body.appendChild(script)
    }
  }
  function onIntent(event: Event) {
    if (!inLink(event.target)) start()
  }
  // A completed tap (click) or Enter / Space on a control of the copy is what gets replayed.
  const note = (event: Event) => {
    const target = event.target as Element
    if (!overlay.parentNode || !copyRoot || !copyRoot.contains(target) || inLink(target) || isField(target)) return
    if (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Enter' && (event as KeyboardEvent).key !== ' ') return
    tapped = target
  }
  const noteFocus = (event: Event) => {
    const target = event.target as Element
    if (overlay.parentNode && copyRoot && copyRoot.contains(target)) focusedInCopy = target
  }

  function watchTakeover() {
    if (!window.MutationObserver) return
    let timer = 0
    let firstReady = 0
    const ready = () => {
      const root = appRoot(app as Element)
      return !!root && root.children.length > 0
    }
    const observer = new MutationObserver(() => {
      if (!ready()) return
      if (!firstReady) firstReady = Date.now()
      clearTimeout(timer)
      // Until the page stops changing for 120 ms (its low-priority parts), at most 1.5 s.
      if (Date.now() - firstReady > 1500) take()
      else timer = window.setTimeout(take, 120)
    })
    observer.observe(app as Element, { childList: true, subtree: true, characterData: true })
    function take() {
      observer.disconnect()
      clearTimeout(timer)
      const from = (overlay as Element).querySelector('.taro_page')
      const to = (app as Element).querySelector('.taro_page')
      if (from && to && from.scrollTop) to.scrollTop = from.scrollTop
      const active = document.activeElement
      const focused = active && active !== document.body ? active : focusedInCopy
      const fields = copyRoot ? Array.prototype.slice.call(copyRoot.querySelectorAll('input, textarea')) as HTMLInputElement[] : []
      const holder = (overlay as Element).parentNode
      if (holder) holder.removeChild(overlay as Element)
      const root = appRoot(app as Element)
      if (!root || !copyRoot) return
      const twin = (element: Element | null) => {
        const path = element ? pathTo(copyRoot, element) : null
        return path ? elementAt(root, path) : null
      }
      // Text typed before the hand-over goes into the app's own field (which hears it as typing).
      for (const field of fields) {
        const target = twin(field) as HTMLInputElement | null
        if (!field.value || !target || target.value === field.value) continue
        target.value = field.value
        target.dispatchEvent(new Event('input', { bubbles: true }))
      }
      // Taro's elements drop focus until they hydrate: focusElement gives it again for a few frames.
      const focusPath = focused ? pathTo(copyRoot, focused) : null
      if (focusPath) focusElement(() => elementAt(appRoot(app as Element) || root, focusPath) as HTMLElement | null)
      const tapTarget = twin(tapped) as HTMLElement | null
      tapped = null
      if (tapTarget && tapTarget.click) tapTarget.click()
    }
  }

  document.addEventListener('focusin', noteFocus, true)
  document.addEventListener('click', note, true)
  document.addEventListener('keydown', note, true)
  window.addEventListener(
    'load',
    () => {
      // The worker's install precaches the app's scripts (scripts/lib/serviceWorker.ts), so they
      // are at hand when the reader's intent comes. Where no worker runs (WeChat's browser, old
      // or insecure ones), a low-priority prefetch does that instead; never both, which would
      // fetch 130 KB twice on a slow line and share it with the first screen's bytes.
      registerServiceWorker(() => {
        if (started) return
        for (const src of options.sources) {
          const link = document.createElement('link')
          link.rel = 'prefetch'
          link.href = src
          document.head.appendChild(link)
        }
      })
    },
    { once: true },
  )
  if (options.now) {
    // After the first paint: deferred scripts would run before the body is ever painted.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(start, 0))
    else setTimeout(start, 0)
  } else {
    for (const name of INTENT_EVENTS) document.addEventListener(name, onIntent, { capture: true, passive: true })
  }
}
