// The part of a prerendered H5 page's boot that must run before the first paint, written inline
// into every page right after its markup (scripts/site/prerender.ts bundles it with esbuild, ES2015,
// minified; ~6 KB, 2.6 KB gzip). Everything else (starting the app on intent, the hand-over, the service
// worker, the cheap A−/A+ frame) is scripts/site/pageBoot.ts, one hashed, immutable file loaded
// with `async`, cached once for every page. This part:
//   - gives the prerendered copy the reader's text size at once: the browser's default font size
//     × the saved A−/A+ step (or a 大字分享 `size=N` on an article), so nothing moves later;
//   - answers A−/A+ by itself until the boot file has run (a slow line, a held script): the step
//     is applied and saved, as the boot would;
//   - keeps every other event the boot listens to, in order, for the boot to take over when it
//     runs: a tap that comes before it is neither lost nor answered twice.
// Dark mode needs no script: the stylesheet follows prefers-color-scheme.
import { largerStep, smallerStep, stepLabel, systemFontPx, textScaleStyle, textStepOf, LARGEST_STEP, STANDARD_STEP, type TextStep } from '../../src/core/textScale'
import { STORE_KEY, STORE_VERSION } from '../../src/core/storeKeys'
import { PART, partSelector, TEXT_STEP_ATTRIBUTE } from '../../src/core/pageContract'
import { readSystemFontPx } from '../../src/platform/systemFont.h5'

export interface BootOptions {
  /** The app's scripts, in order. */
  sources: string[]
  /** Start the app right after the first paint instead of on intent (the search page). */
  now: boolean
  /** The page honours a 大字分享 `size=N` (article pages, as the detail page does). */
  sharedStep: boolean
  /**
   * The page boot file (scripts/site/pageBoot.ts), which this part loads once the first screen is
   * painted (see loadBootAfterPaint); absent where the boot is already running (bootPage(options)).
   */
  boot?: string
}

export const OVERLAY_ID = 'hn-prerendered'

/**
 * Every part of the page markup the boot relies on, in one place: the page root ReaderPage
 * renders, the A−/A+ control of TextSizeControl, the controls it answers or shows pressed, and
 * Taro's page element.
 */
export const SELECTOR = {
  pageRoot: partSelector(PART.page),
  textSize: partSelector(PART.textSize),
  textSizeStep: partSelector(PART.textSizeStep),
  /** A− then A+, in the page's order. */
  textSizeButton: `${partSelector(PART.textSizeDown)}, ${partSelector(PART.textSizeUp)}`,
  /** Modifier class of an A−/A+ button at its end of the steps. */
  textSizeButtonOff: 'text-size__button--off',
  pressable: '[role="button"], [role="tab"]',
  tab: '[role="tab"]',
  taroPage: '.taro_page',
  link: 'a[href]',
  fields: 'input, textarea',
} as const

/** What starts the app: the reader doing something on the page, or reading on. */
export const INTENT_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'focusin', 'scroll', 'wheel']
/** Every event the boot listens to on the document: the intents and a completed tap. */
const KEPT_EVENTS = [...INTENT_EVENTS, 'click']

/** Controls of the copy the boot answers itself (A−/A+) or shows pressed before replaying. */
const ANSWERED = `${SELECTOR.textSizeButton}, ${SELECTOR.pressable}`

/** Taro's H5 storage wrapping of the store's JSON, or null when `stored` is not in it. */
function storeJson(stored: string): string | null {
  const wrapped: unknown = JSON.parse(stored)
  const text = wrapped && typeof wrapped === 'object' ? (wrapped as { data?: unknown }).data : undefined
  return typeof text === 'string' ? text : null
}

/**
 * The saved step from the text Taro's H5 storage keeps in localStorage under STORE_KEY
 * ({"data": "<the store's JSON>"}, the store's JSON being { version, state: { textStep } }).
 * Anything else (nothing saved, another version, junk) is null: the page stays as prerendered.
 */
export function savedTextStep(stored: string | null): TextStep | null {
  if (!stored) return null
  try {
    const text = storeJson(stored)
    if (text === null) return null
    const saved: unknown = JSON.parse(text)
    if (!saved || typeof saved !== 'object') return null
    const { version, state } = saved as { version?: unknown; state?: { textStep?: unknown } }
    return version === STORE_VERSION && state && typeof state === 'object' ? textStepOf(state.textStep) : null
  } catch {
    return null
  }
}

/**
 * What to write under STORE_KEY so that the store reads `step` as the saved one, keeping the rest
 * of the save; null when nothing may be written: a save of another version (an older one is the
 * store's to migrate, a newer one must stay untouched) or one that cannot be read.
 */
export function writeTextStep(stored: string | null, step: TextStep): string | null {
  let saved: { version?: unknown; state?: unknown } = { version: STORE_VERSION, state: {} }
  if (stored) {
    try {
      const text = storeJson(stored)
      const parsed: unknown = text === null ? null : JSON.parse(text)
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null
      saved = parsed as typeof saved
    } catch {
      return null
    }
  }
  const { version, state } = saved
  if (version !== STORE_VERSION || !state || typeof state !== 'object' || Array.isArray(state)) return null
  // Object.assign, not spread: this runs inline in every page, bundled for ES2015.
  return JSON.stringify({ data: JSON.stringify(Object.assign({}, saved, { state: Object.assign({}, state, { textStep: step }) })) })
}

/** Saves `step` where the store reads it, unless the save there may not be written over. */
export function saveTextStep(step: TextStep): void {
  try {
    const text = writeTextStep(localStorage.getItem(STORE_KEY), step)
    if (text !== null) localStorage.setItem(STORE_KEY, text)
  } catch {
    // Storage blocked or full: the page still shows the step; the app is brought to it at the hand-over.
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
  const roots = overlay.querySelectorAll<HTMLElement>(SELECTOR.pageRoot)
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i]
    root.style.setProperty('--hn-fs', style['--hn-fs'])
    root.style.setProperty('--hn-tap', style['--hn-tap'])
    const classes = (root.getAttribute('class') || '').split(' ').filter((c) => c && !/^hn-page--(?:step-\d|large)$/.test(c))
    classes.splice(1, 0, `hn-page--step-${step}`)
    if (step > STANDARD_STEP) classes.splice(2, 0, 'hn-page--large')
    root.setAttribute('class', classes.join(' '))
    root.setAttribute(TEXT_STEP_ATTRIBUTE, String(step))
  }
  // The A−/A+ control says the step and greys out the end it has reached, as TextSizeControl does.
  const controls = overlay.querySelectorAll(SELECTOR.textSize)
  for (let i = 0; i < controls.length; i++) {
    const label = controls[i].querySelector(SELECTOR.textSizeStep)
    if (label) label.textContent = stepLabel(step)
    const buttons = controls[i].querySelectorAll(SELECTOR.textSizeButton)
    if (buttons.length === 2) {
      buttons[0].classList.toggle(SELECTOR.textSizeButtonOff, step === STANDARD_STEP)
      buttons[0].setAttribute('aria-disabled', String(step === STANDARD_STEP))
      buttons[1].classList.toggle(SELECTOR.textSizeButtonOff, step === LARGEST_STEP)
      buttons[1].setAttribute('aria-disabled', String(step === LARGEST_STEP))
    }
  }
}

/** The step A− (index 0) or A+ (index 1) of `control` leads to from `step`, or null at the end. */
export function steppedTo(control: Element, step: TextStep): TextStep | null {
  const buttons = control.parentElement ? control.parentElement.querySelectorAll(SELECTOR.textSizeButton) : []
  const next = buttons[0] === control ? smallerStep(step) : buttons[1] === control ? largerStep(step) : step
  return next === step ? null : next
}

/** A link or inside one: the browser answers it without the app. */
export function inLink(target: EventTarget | null): boolean {
  return !!(target && (target as Element).closest && (target as Element).closest(SELECTOR.link))
}

/** The control of the copy `target` is in, if the boot answers it (never a link or a field). */
export function answeredControl(copyRoot: Element | null, target: EventTarget | null): Element | null {
  if (!copyRoot || !target || !(target as Element).closest || inLink(target)) return null
  const control = (target as Element).closest(ANSWERED)
  return control && copyRoot.contains(control) ? control : null
}

export const isActivation = (event: Event) => (event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' '

/** What the inline part hands to the boot file (on window, under EARLY_BOOT). */
export interface EarlyBoot {
  options: BootOptions
  systemPx: number
  /** The step the copy shows. */
  shown: TextStep
  /** Whether A−/A+ were tapped in the copy (the app's page must then show the copy's step). */
  stepTapped: boolean
  /** Every event the boot listens to that came before it ran, in order; `answered`: A−/A+ done here. */
  events: { event: Event; answered: boolean }[]
  /** Stops keeping events (the boot listens itself from then on) and saves a step not saved yet. */
  stop: () => void
}
export const EARLY_BOOT = '__hnBoot'

/** The early state, when the inline part ran on this page. */
export function earlyBoot(): EarlyBoot | undefined {
  return (window as unknown as Record<string, EarlyBoot | undefined>)[EARLY_BOOT]
}

/**
 * Loads the page boot file once the first screen has been painted (its first-contentful-paint
 * entry), not from the markup: an `async` script in the page is fetched while the first screen is
 * still being drawn, and Lighthouse's simulation (Lantern) counts every request that starts before
 * the observed LCP as one the LCP waits for (a slow-4G round trip and the file's bytes: LCP ~150 ms
 * after FCP; the page's empty icon link keeps /favicon.ico out for the same reason). Nothing the
 * boot does is needed for that frame: until it runs this part answers A−/A+ and keeps every other
 * event for it. Loaded at once on the reader's first intent,
 * at `load` where no paint comes (a page opened in a background tab), and 3 s after `load` at the
 * latest.
 */
export function loadBootAfterPaint(src: string): () => void {
  let loaded = false
  const load = () => {
    if (loaded) return
    loaded = true
    const script = document.createElement('script')
    script.src = src
    script.async = true
    document.body.appendChild(script)
  }
  // After the paint's task: the request then starts after the frame, not within it.
  const soon = () => setTimeout(load, 0)
  let painted = false
  try {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return
      painted = true
      observer.disconnect()
      soon()
    })
    observer.observe({ type: 'paint', buffered: true })
  } catch {
    // No paint timing (older browsers): `load` below starts it.
    painted = true
  }
  const afterLoad = () => {
    if (painted || document.visibilityState !== 'visible') soon()
    else setTimeout(load, 3000)
  }
  if (document.readyState === 'complete') afterLoad()
  else window.addEventListener('load', afterLoad)
  return load
}

/** Runs inline after the page's markup, before the first paint. */
export function paintPage(options: BootOptions): EarlyBoot | undefined {
  const overlay = document.getElementById(OVERLAY_ID)
  if (!overlay) return undefined
  const systemPx = systemFontPx(readSystemFontPx())
  let stored: string | null = null
  try {
    stored = localStorage.getItem(STORE_KEY)
  } catch {
    // No storage (private mode, blocked): the saved step is unknown, the system size still applies.
  }
  const early: EarlyBoot = {
    options,
    systemPx,
    shown: shownTextStep(location.search, stored, options.sharedStep) ?? STANDARD_STEP,
    stepTapped: false,
    events: [],
    stop: () => {
      for (const name of KEPT_EVENTS) document.removeEventListener(name, keep, true)
      window.removeEventListener('pagehide', save)
      save()
    },
  }
  // Always, even at 标准: the prerendered copy was drawn at a 16 px browser default.
  applyTextStep(overlay, early.shown, systemPx)
  const copyRoot = overlay.querySelector(SELECTOR.pageRoot)
  let unsaved = false
  function save() {
    if (unsaved) saveTextStep(early.shown)
    unsaved = false
  }
  function keep(event: Event) {
    // The reader's first intent needs the boot file now, painted or not.
    if (loadBoot && INTENT_EVENTS.indexOf(event.type) >= 0) loadBoot()
    let answered = false
    const control = (event.type === 'click' || (event.type === 'keydown' && isActivation(event))) && overlay!.parentNode ? answeredControl(copyRoot, event.target) : null
    if (control) {
      // Enter / Space on a control the boot answers must not scroll the page.
      if (event.type === 'keydown') event.preventDefault()
      const next = control.matches(SELECTOR.textSizeButton) ? steppedTo(control, early.shown) : null
      if (next !== null) {
        answered = true
        early.shown = next
        early.stepTapped = true
        applyTextStep(overlay!, next, systemPx)
        // Saved once the frame showing it is drawn (or when the page is left before that).
        unsaved = true
        requestAnimationFrame(() => setTimeout(save, 0))
      }
    }
    if (early.events.length < 64) early.events.push({ event, answered })
  }
  const loadBoot = options.boot ? loadBootAfterPaint(options.boot) : null
  for (const name of KEPT_EVENTS) document.addEventListener(name, keep, { capture: true, passive: name !== 'keydown' })
  window.addEventListener('pagehide', save)
  ;(window as unknown as Record<string, EarlyBoot>)[EARLY_BOOT] = early
  return early
}
