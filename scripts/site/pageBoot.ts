// How a prerendered H5 page starts the app. scripts/site/prerender.ts bundles this module with esbuild
// (ES2015, minified) into one hashed, immutable file (js/boot.<hash>.js) that every page loads with
// `async`; the little that must happen before the first paint (1, and A−/A+ until this file has
// run) is scripts/site/pagePaint.ts, inline after the page's markup, which hands its state and the
// events it kept over to bootPage. It decides four things:
//
//   1. The reader's text size applies to the prerendered copy at once: the browser's default font
//      size (measured as the app measures it, src/platform/systemFont.h5.ts) × the saved A−/A+
//      step, or the `size=N` of a 大字分享 link on an article, with core's own textScaleStyle: a
//      reader who chose 超大 or set a large browser font never sees small text first, and nothing
//      jumps when the app takes over.
//   1b. A−/A+ in the copy answer at once, without the app: the boot applies the new step to the
//      copy and saves it where the store reads it (writeTextStep), as TextSizeControl would. Those
//      taps are not replayed; at the hand-over the app's page is brought to the copy's step if it
//      hydrated before a tap (reconcileTextStep). Other buttons and tabs show their pressed or
//      chosen state at once (answerPressed) and are replayed once the app has taken over.
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
import { largerStep, smallerStep, textStepOf, TEXT_STEPS, type TextStep, LARGEST_STEP } from '../../src/core/textScale'
import { TEXT_STEP_ATTRIBUTE } from '../../src/core/pageContract'
import { registerServiceWorker } from '../../src/platform/serviceWorker.h5'
import { focusElement } from '../../src/platform/focus.h5'
import {
  answeredControl,
  applyTextStep,
  earlyBoot,
  EARLY_BOOT,
  inLink,
  isActivation,
  paintPage,
  saveTextStep,
  steppedTo,
  INTENT_EVENTS,
  OVERLAY_ID,
  SELECTOR,
  type BootOptions,
  type EarlyBoot,
} from './pagePaint'

export { applyTextStep, savedTextStep, shownTextStep, steppedTo, writeTextStep, INTENT_EVENTS, OVERLAY_ID, type BootOptions } from './pagePaint'

const PAGE_ROOT = SELECTOR.pageRoot

/** The custom properties of a page root's text scale (textScaleStyle's keys). */
const SCALE_PROPERTIES = ['--hn-fs', '--hn-tap'] as const

/** A whole element of the copy off the screen when A−/A+ was tapped, and its box then. */
export interface OffScreenPart {
  element: HTMLElement
  /** Below the screen (else above it). */
  below: boolean
  width: number
  height: number
}

/**
 * The whole elements of the copy entirely above or below the screen, walking into those that
 * reach it (down to paragraphs), so that a step change can lay out the first screen alone in the
 * tap's frame: a new size re-lays out every line of text, on an article about 150 ms of a slow
 * phone's main thread, of which the reader sees only the first screen. Boxes only are read here
 * (the layout is clean at a tap, so no read lays the page out).
 */
export function offScreenParts(root: Element, screenHeight: number): OffScreenPart[] {
  const parts: OffScreenPart[] = []
  const walk = (element: Element, depth: number) => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      const box = child.getBoundingClientRect()
      if (box.height <= 0 || !(child as HTMLElement).style) continue
      if (box.top >= screenHeight || box.bottom <= 0) parts.push({ element: child as HTMLElement, below: box.top >= screenHeight, width: box.width, height: box.height })
      else if (depth < 6) walk(child, depth + 1)
    }
  }
  walk(root, 0)
  return parts
}

/**
 * Keeps the parts at the text scale `root` has now (the root's custom properties, repeated on
 * each part), so that giving the root a new step restyles and re-lays out only what is on the
 * screen: a part whose style does not change is neither restyled inside nor laid out again.
 * A part already held (taps in quick succession) keeps the scale it was held at.
 */
export function holdParts(root: HTMLElement, parts: readonly OffScreenPart[]): void {
  const values = SCALE_PROPERTIES.map((name) => root.style.getPropertyValue(name) || getComputedStyle(root).getPropertyValue(name))
  for (const { element } of parts) {
    SCALE_PROPERTIES.forEach((name, i) => {
      if (!element.style.getPropertyValue(name)) element.style.setProperty(name, values[i])
    })
  }
}

/**
 * Lets the held parts take the root's step, in a frame after the tap's. Those below the screen
 * become `content-visibility: auto`, holding their present height until they come into view, so
 * they are laid out then, when the reader scrolls to them (growing downwards, nothing on screen
 * moves). Those above are laid out now; the browser's scroll anchoring keeps the text on screen
 * where it is while they grow.
 */
export function releaseParts(parts: readonly OffScreenPart[]): void {
  // Every style is read before any is written: a write between two reads would make the browser
  // restyle the page again for each read.
  const sizes = parts.map(({ element, below, width, height }) => {
    if (!below || element.style.getPropertyValue('content-visibility')) return null
    // contain-intrinsic-size is the size of the content box.
    const style = getComputedStyle(element)
    const px = (...names: string[]) => names.reduce((sum, name) => sum + (parseFloat(style.getPropertyValue(name)) || 0), 0)
    const w = Math.max(0, Math.round(width - px('padding-left', 'padding-right', 'border-left-width', 'border-right-width')))
    const h = Math.max(0, Math.round(height - px('padding-top', 'padding-bottom', 'border-top-width', 'border-bottom-width')))
    return `auto ${w}px auto ${h}px`
  })
  parts.forEach(({ element }, i) => {
    const size = sizes[i]
    if (size) {
      element.style.setProperty('contain-intrinsic-size', size)
      element.style.setProperty('content-visibility', 'auto')
    }
    for (const name of SCALE_PROPERTIES) element.style.removeProperty(name)
  })
}

/** A little of each script the pages show: Chinese characters and punctuation, Latin letters, digits. */
const SAMPLE_TEXT = '字号，。Aa0'

/** How every font size of a page at `step` scales at the steps A− and A+ lead to. */
export function neighbourRatios(step: TextStep): number[] {
  return [smallerStep(step), largerStep(step)].filter((s) => s !== step).map((s) => TEXT_STEPS[s].scale / TEXT_STEPS[step].scale)
}

/**
 * Has the browser set up the fonts of the page's text at the sizes A−/A+ lead to, before either
 * is tapped, by laying out a line of sample text per font and size off screen. Laying out the
 * first screen at a size the page has never shown mostly goes to that set-up (each family and the
 * fallback for Chinese, at each size): at 4× CPU, about 85 ms of main thread against 10-25 ms
 * once set up. The browser keeps fonts it has set up, so the tap's frame then only lays the text
 * out. Returns the number of fonts set up.
 */
export function warmTextSizes(root: Element, ratios: readonly number[]): number {
  if (!ratios.length || !document.body) return 0
  const fonts = new Map<string, string[]>()
  const elements = root.querySelectorAll('*')
  for (let i = 0; i < elements.length; i++) {
    let text = false
    for (let node = elements[i].firstChild; node && !text; node = node.nextSibling) text = node.nodeType === 3 && !!(node.nodeValue || '').trim()
    if (!text) continue
    const style = getComputedStyle(elements[i])
    const px = parseFloat(style.fontSize)
    if (!(px > 0)) continue
    for (const ratio of ratios) {
      const font = [`${Math.round(px * ratio * 100) / 100}px`, style.fontWeight, style.fontStyle, style.fontFamily]
      fonts.set(font.join('|'), font)
    }
  }
  const holder = document.createElement('div')
  holder.setAttribute('aria-hidden', 'true')
  holder.style.cssText = 'position:absolute;left:-10000px;top:0;width:1px;height:1px;overflow:hidden;visibility:hidden;contain:strict;white-space:nowrap'
  fonts.forEach(([size, weight, fontStyle, family]) => {
    const line = document.createElement('div')
    line.style.fontSize = size
    line.style.fontWeight = weight
    line.style.fontStyle = fontStyle
    line.style.fontFamily = family
    line.textContent = SAMPLE_TEXT
    holder.appendChild(line)
  })
  document.body.appendChild(holder)
  // Laid out now, at a quiet moment; the fonts stay set up once the lines are gone.
  void holder.offsetWidth
  document.body.removeChild(holder)
  return fonts.size
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

const isField = (element: Element) => element.tagName === 'INPUT' || element.tagName === 'TEXTAREA'

/** The page root of the app's page on screen (Taro renders pages into #app). */
function appRoot(app: Element): Element | null {
  return app.querySelector(`${SELECTOR.taroPage} ${PAGE_ROOT}`)
}

const SIZE_BUTTON = SELECTOR.textSizeButton
/** Taps noted before the hand-over at most; a reader does not tap more before the app is there. */
const MAX_REPLAYED = 8
/**
 * The visible answer to a tap the app will replay: a tab becomes the chosen one of its row, a
 * button shows itself pressed (aria-pressed flipped where it has one, busy until the app answers).
 */
export function answerPressed(control: Element): void {
  if (control.getAttribute('role') === 'tab') {
    const row = control.parentElement
    const tabs = row ? row.querySelectorAll(SELECTOR.tab) : []
    for (let i = 0; i < tabs.length; i++) {
      const chosen = tabs[i] === control
      tabs[i].setAttribute('aria-selected', String(chosen))
      const base = (tabs[i].getAttribute('class') || '').split(' ')[0]
      if (base) tabs[i].classList.toggle(`${base}--active`, chosen)
    }
    return
  }
  const pressed = control.getAttribute('aria-pressed')
  if (pressed === 'true' || pressed === 'false') control.setAttribute('aria-pressed', pressed === 'true' ? 'false' : 'true')
  control.setAttribute('aria-busy', 'true')
  ;(control as HTMLElement).style.opacity = '0.6'
}

/**
 * Takes over from the inline part (scripts/lib/pagePaint.ts) with the state it left and the events
 * it kept; called with `options` where no inline part ran (it is run first then).
 */
export function bootPage(given?: BootOptions): void {
  const early: EarlyBoot | undefined = given ? paintPage(given) : earlyBoot()
  const overlay = document.getElementById(OVERLAY_ID)
  const app = document.getElementById('app')
  if (!early || !overlay || !app) return
  // From here on the boot listens itself; the events kept so far are taken over below.
  early.stop()
  delete (window as unknown as Record<string, unknown>)[EARLY_BOOT]
  const { options, systemPx } = early
  /** The step the copy shows; A−/A+ in the copy move it. */
  let shown: TextStep = early.shown
  const copyRoot = overlay.querySelector(PAGE_ROOT)
  /** The taps to replay after the hand-over, in order: the elements the reader tapped in the copy. */
  let tapped: Element[] = []
  /** Whether A−/A+ were tapped in the copy: the app's page must then show the copy's step. */
  let stepTapped = early.stepTapped
  /**
   * The control of the copy that last took keyboard focus. Kept apart from activeElement: once
   * the app's scripts define Taro's elements, the copy's own hydrate too and drop focus to <body>.
   */
  let focusedInCopy: Element | null = null
  let started = false
  let startTimer = 0

  const start = () => {
    if (started) return
    started = true
    clearTimeout(startTimer)
    // The app reads the saved step as it starts.
    save()
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
  /**
   * Starts the app once the answer to a tap is on screen: running its scripts takes the main
   * thread for a while (about a second on a slow phone), which must not come before that frame.
   * After A−/A+ it waits a little longer, so that quick taps in a row are all answered at once.
   */
  const startAfterPaint = (wait: number) => {
    if (started) return
    clearTimeout(startTimer)
    const later = () => {
      clearTimeout(startTimer)
      startTimer = window.setTimeout(start, wait)
    }
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later)
    else later()
  }
  function onIntent(event: Event) {
    if (inLink(event.target)) return
    // A press on a control the boot answers starts the app after its answer (see answer), or,
    // if it never becomes a tap (held, dragged), a little later.
    if ((event.type === 'pointerdown' || event.type === 'touchstart' || event.type === 'focusin') && answeredControl(copyRoot, event.target)) {
      startAfterPaint(600)
      return
    }
    if (event.type === 'keydown' && isActivation(event) && answeredControl(copyRoot, event.target)) return
    start()
  }
  /** A step the page shows but has not saved yet (it is saved after the frame that shows it). */
  let unsaved: TextStep | null = null
  const save = () => {
    if (unsaved === null) return
    const step = unsaved
    unsaved = null
    saveTextStep(step)
  }
  /** Runs `then` once the frame after now has been drawn (right away where there are no frames). */
  const afterNextFrame = (then: () => void) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(then, 0))
    else setTimeout(then, 0)
  }
  /** Sets up the fonts of the steps next to the shown one, when the main thread is idle. */
  const warmWhenIdle = () => {
    if (!copyRoot || !overlay.querySelector(SELECTOR.textSize)) return
    const warm = () => {
      if (overlay.parentNode) warmTextSizes(copyRoot, neighbourRatios(shown))
    }
    const idle = (window as { requestIdleCallback?: (run: () => void, options: { timeout: number }) => number }).requestIdleCallback
    if (idle) idle(warm, { timeout: 2000 })
    else setTimeout(warm, 200)
  }
  /**
   * A−/A+ in the copy: the new step on the first screen in the tap's own frame, the rest of the
   * page in the next one (see offScreenParts), saved for the app to read after that frame.
   */
  const changeStep = (control: Element) => {
    const next = steppedTo(control, shown)
    if (next === null) return
    shown = next
    stepTapped = true
    const parts = copyRoot ? offScreenParts(copyRoot, window.innerHeight) : []
    if (copyRoot) holdParts(copyRoot as HTMLElement, parts)
    applyTextStep(overlay, next, systemPx)
    unsaved = next
    afterNextFrame(() => {
      releaseParts(parts)
      save()
      warmWhenIdle()
    })
  }
  // A completed tap (click) or Enter / Space on a control of the copy: A−/A+ are answered here
  // (unless the inline part already did: `answered`), anything else is noted for replay (and
  // shown pressed at once).
  const note = (event: Event, answered = false) => {
    const target = event.target as Element
    if (!overlay.parentNode || !copyRoot || !copyRoot.contains(target) || inLink(target) || isField(target)) return
    if (event.type === 'keydown' && !isActivation(event)) return
    const control = answeredControl(copyRoot, target)
    if (control && control.matches(SIZE_BUTTON)) {
      if (event.type === 'keydown') event.preventDefault()
      if (!answered) changeStep(control)
      startAfterPaint(300)
      return
    }
    // Each tap once: two taps on 收藏 before the hand-over leave it as it was, as in the app.
    if (tapped.length < MAX_REPLAYED) tapped.push(target)
    if (control) {
      if (event.type === 'keydown') event.preventDefault()
      answerPressed(control)
      startAfterPaint(0)
    }
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
      const from = (overlay as Element).querySelector(SELECTOR.taroPage)
      const to = (app as Element).querySelector(SELECTOR.taroPage)
      if (from && to && from.scrollTop) to.scrollTop = from.scrollTop
      const active = document.activeElement
      const focused = active && active !== document.body ? active : focusedInCopy
      const fields = copyRoot ? Array.prototype.slice.call(copyRoot.querySelectorAll(SELECTOR.fields)) as HTMLInputElement[] : []
      const holder = (overlay as Element).parentNode
      if (holder) holder.removeChild(overlay as Element)
      const root = appRoot(app as Element)
      if (!root || !copyRoot) return
      if (stepTapped) reconcileTextStep(root, shown)
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
      const taps = tapped
      tapped = []
      replay(taps.map(twin))
    }
  }

  document.addEventListener('focusin', noteFocus, true)
  // A link followed right after A−/A+ must not lose the step.
  window.addEventListener('pagehide', save)
  const onNote = (event: Event) => note(event)
  document.addEventListener('click', onNote, true)
  document.addEventListener('keydown', onNote, true)
  const afterLoad = () => {
      // The worker's install precaches the app's scripts (scripts/site/serviceWorker.ts), so they
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
  }
  if (document.readyState === 'complete') afterLoad()
  else window.addEventListener('load', afterLoad, { once: true })
  // After the first paint: the fonts of A−/A+ ready before the reader reaches for them.
  afterNextFrame(warmWhenIdle)
  if (options.now) {
    // After the first paint: deferred scripts would run before the body is ever painted.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(start, 0))
    else setTimeout(start, 0)
  } else {
    for (const name of INTENT_EVENTS) document.addEventListener(name, onIntent, { capture: true, passive: true })
  }
  // What the reader did before this file ran, in the order the listeners above would have heard it.
  for (const { event, answered } of early.events) {
    if (event.type === 'focusin') noteFocus(event)
    if (event.type === 'click' || event.type === 'keydown') note(event, answered)
    if (!started && !options.now && INTENT_EVENTS.indexOf(event.type) >= 0) onIntent(event)
  }
}

/** Clicks the elements in order, one a microtask apart (React applies each before the next). */
function replay(targets: (Element | null)[]): void {
  const next = targets.shift()
  if (next === undefined) return
  if (next && (next as HTMLElement).click) (next as HTMLElement).click()
  Promise.resolve().then(() => replay(targets))
}

/**
 * Brings the app's page to the step the copy showed, through its own A−/A+ (so the store saves it
 * and a 大字分享 step is let go, as a tap there would). Needed when the app read the save before
 * the reader's last tap in the copy, or could not read it (a save of another version). One press
 * at a time: React applies a press before the next one reads the step. All before the next frame.
 */
export function reconcileTextStep(root: Element, step: TextStep, presses = LARGEST_STEP * 2): void {
  const current = textStepOf(root.getAttribute(TEXT_STEP_ATTRIBUTE))
  if (current === null || current === step || presses <= 0) return
  const buttons = root.querySelectorAll<HTMLElement>(`${SELECTOR.textSize} ${SIZE_BUTTON}`)
  const button = buttons[step < current ? 0 : 1]
  if (!button) return
  button.click()
  // Normally React has applied the press by the next microtask; if not, by the next task.
  Promise.resolve().then(() => {
    if (root.getAttribute(TEXT_STEP_ATTRIBUTE) !== String(current)) reconcileTextStep(root, step, presses - 1)
    else setTimeout(() => reconcileTextStep(root, step, presses - 1), 0)
  })
}
