/**
 * @jest-environment jsdom
 */
// The inline boot code of prerendered H5 pages (scripts/site/pageBoot.ts): the saved text step as
// the real store writes it, 大字分享's size=N, the text scale on the copy, and finding the element
// a reader tapped again in the app's page even when the app added a part above it.
import { answerPressed, applyTextStep, bootPage, elementAt, holdParts, neighbourRatios, pathTo, releaseParts, savedTextStep, shownTextStep, steppedTo, writeTextStep } from '../../scripts/site/pageBoot'
import { textScaleStyle, TEXT_STEPS } from '../../src/core/textScale'
import { STORE_KEY, useAppStore } from '../../src/stores/appStore'

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('./support/taroMemoryStorage').taroMemoryStorage())
const storage = (jest.requireMock('@tarojs/taro') as { memory: Map<string, unknown> }).memory
/** What Taro's H5 setStorageSync puts into localStorage for a value. */
const taroH5Text = (value: unknown) => JSON.stringify({ data: value })

describe('savedTextStep', () => {
  test('reads the step the store saved, in Taro H5 storage\'s wrapping', () => {
    for (const step of [0, 1, 2, 3] as const) {
      useAppStore.getState().setTextStep(step)
      expect(savedTextStep(taroH5Text(storage.get(STORE_KEY)))).toBe(step)
    }
  })

  test('nothing saved, junk, another version or a bad step give null', () => {
    for (const text of [null, '', 'x', '{}', taroH5Text('{'), taroH5Text('{"version":1,"state":{"textStep":2}}'), taroH5Text('{"version":2,"state":{"textStep":9}}'), taroH5Text(7)]) {
      expect(savedTextStep(text)).toBeNull()
    }
  })

  test('a 大字分享 link\'s size wins on article pages only, and only when it is a step', () => {
    const saved = taroH5Text('{"version":2,"state":{"textStep":1}}')
    expect(shownTextStep('?from=share&size=3', saved, true)).toBe(3)
    expect(shownTextStep('?from=share&size=3', saved, false)).toBe(1)
    expect(shownTextStep('?size=12', saved, true)).toBe(1)
    expect(shownTextStep('?size=2', null, true)).toBe(2)
    expect(shownTextStep('', null, true)).toBeNull()
  })
})

test('applyTextStep gives the copy the scale, classes and control label ReaderPage would', () => {
  document.body.innerHTML = `<div id="c"><div class="hn-page hn-page--step-0 detail" data-hn="page" style="--hn-fs:16px;--hn-tap:46px" data-text-step="0">
    <div class="text-size" data-hn="text-size"><div class="text-size__button text-size__button--off" data-hn="text-size-down"></div><div class="text-size__value"><span class="text-size__step" data-hn="text-size-step">标准</span></div><div class="text-size__button" data-hn="text-size-up"></div></div></div></div>`
  const copy = document.getElementById('c') as HTMLElement
  applyTextStep(copy, 3, 16)
  const root = copy.querySelector('.hn-page') as HTMLElement
  expect(root.getAttribute('class')).toBe('hn-page hn-page--step-3 hn-page--large detail')
  expect(root.getAttribute('data-text-step')).toBe('3')
  expect(root.style.getPropertyValue('--hn-fs')).toBe(textScaleStyle(16, 3)['--hn-fs'])
  expect(root.style.getPropertyValue('--hn-tap')).toBe(textScaleStyle(16, 3)['--hn-tap'])
  expect(copy.querySelector('.text-size__step')?.textContent).toBe('超大')
  const buttons = copy.querySelectorAll('.text-size__button')
  expect(buttons[0].classList.contains('text-size__button--off')).toBe(false)
  expect(buttons[1].classList.contains('text-size__button--off')).toBe(true)
  applyTextStep(copy, 0, 16)
  expect(root.getAttribute('class')).toBe('hn-page hn-page--step-0 detail')
})

test('the tapped element is found again in the app\'s page, past a banner the app added; a page without it gives null', () => {
  document.body.innerHTML = `
    <div id="copy"><div class="hn-page"><section class="a"></section><section class="tools"><i class="b"></i><i class="b"></i></section></div></div>
    <div id="app"><div class="hn-page"><div class="banner"></div><section class="a"></section><section class="tools"><i class="b"></i><i class="b" id="target"></i></section></div></div>
    <div id="other"><div class="hn-page"><section class="a"></section></div></div>`
  const copyRoot = document.querySelector('#copy .hn-page') as Element
  const tapped = copyRoot.querySelectorAll('.b')[1]
  const path = pathTo(copyRoot, tapped)
  expect(path).toEqual([['SECTION tools', 0], ['I b', 1]])
  expect(elementAt(document.querySelector('#app .hn-page') as Element, path!)?.id).toBe('target')
  expect(elementAt(document.querySelector('#other .hn-page') as Element, path!)).toBeNull()
  expect(pathTo(copyRoot, document.getElementById('target'))).toBeNull()
})

describe('writeTextStep: A−/A+ in the prerendered copy save the step where the store reads it', () => {
  /** What the store reads after the boot wrote `text` into localStorage (Taro H5 storage unwraps it). */
  async function storeReads(text: string): Promise<number> {
    storage.set(STORE_KEY, (JSON.parse(text) as { data: string }).data)
    await useAppStore.persist.rehydrate()
    return useAppStore.getState().textStep
  }

  test('with nothing saved, the store starts at the written step', async () => {
    storage.clear()
    const text = writeTextStep(null, 2)
    expect(text).not.toBeNull()
    expect(savedTextStep(text)).toBe(2)
    expect(await storeReads(text as string)).toBe(2)
  })

  test('an existing save keeps everything but the step', async () => {
    useAppStore.getState().setTextStep(1)
    useAppStore.getState().rememberSearch('异地就医')
    const text = writeTextStep(taroH5Text(storage.get(STORE_KEY)), 3) as string
    useAppStore.setState({ searchHistory: [], textStep: 0 })
    expect(await storeReads(text)).toBe(3)
    expect(useAppStore.getState().searchHistory).toEqual(['异地就医'])
  })

  test('a save of another version (older or newer) or junk is never written over', () => {
    for (const stored of [taroH5Text('{"version":1,"state":{"largeText":true}}'), taroH5Text('{"version":3,"state":{"textStep":1,"more":[1]}}'), taroH5Text('{'), 'x', taroH5Text('{"version":2,"state":[]}'), taroH5Text(7)]) {
      expect(writeTextStep(stored, 2)).toBeNull()
    }
  })
})

/** A prerendered article copy as prerender.ts writes it: the A−/A+ control, 收藏, a tab row. */
function prerenderedCopy(): string {
  return `<div id="app"></div><div id="hn-prerendered"><div class="taro_page"><div class="hn-page hn-page--step-0 detail" data-hn="page" style="--hn-fs:16px;--hn-tap:46px" data-text-step="0">
    <div class="text-size" data-hn="text-size" role="group"><div class="text-size__button text-size__button--off" data-hn="text-size-down" role="button" tabindex="0" aria-label="缩小字号" aria-disabled="true"></div>
    <div class="text-size__value"><span class="text-size__step" data-hn="text-size-step">标准</span></div>
    <div class="text-size__button" data-hn="text-size-up" role="button" tabindex="0" aria-label="放大字号" aria-disabled="false"></div></div>
    <div class="hn-button detail-tools__favorite" data-hn="favorite" role="button" tabindex="0" aria-pressed="false"><span>收藏</span></div>
    <div role="tablist"><div class="filter-tabs__tab filter-tabs__tab--active" role="tab" aria-selected="true"></div><div class="filter-tabs__tab" role="tab" aria-selected="false"><span>山西</span></div></div>
    <a href="/article/x/">card</a></div></div></div>`
}

test('steppedTo: A− one step down, A+ one step up, nothing past either end', () => {
  document.body.innerHTML = prerenderedCopy()
  const [minus, plus] = Array.from(document.querySelectorAll('.text-size__button'))
  expect(steppedTo(plus, 0)).toBe(1)
  expect(steppedTo(plus, 3)).toBeNull()
  expect(steppedTo(minus, 2)).toBe(1)
  expect(steppedTo(minus, 0)).toBeNull()
})

test('answerPressed: a tab becomes the chosen one of its row; 收藏 shows itself pressed', () => {
  document.body.innerHTML = prerenderedCopy()
  const tabs = document.querySelectorAll('[role="tab"]')
  answerPressed(tabs[1])
  expect(Array.from(tabs).map((t) => [t.getAttribute('aria-selected'), t.classList.contains('filter-tabs__tab--active')])).toEqual([['false', false], ['true', true]])
  const favorite = document.querySelector('.detail-tools__favorite') as HTMLElement
  answerPressed(favorite)
  expect(favorite.getAttribute('aria-pressed')).toBe('true')
  expect(favorite.getAttribute('aria-busy')).toBe('true')
})

/** Until the frame after now has been drawn (when the boot saves a step it has shown). */
const frameDrawn = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

test('bootPage: taps on A+ and A− in the copy apply at once, each once, and are saved for the app once shown', async () => {
  document.body.innerHTML = prerenderedCopy()
  localStorage.clear()
  window.history.replaceState(null, '', '/article/x/')
  bootPage({ sources: [], now: false, sharedStep: true })
  const root = document.querySelector('#hn-prerendered .hn-page') as HTMLElement
  const [minus, plus] = Array.from(document.querySelectorAll<HTMLElement>('.text-size__button'))
  plus.click()
  expect(root.getAttribute('data-text-step')).toBe('1')
  expect(root.style.getPropertyValue('--hn-fs')).toBe(textScaleStyle(16, 1)['--hn-fs'])
  expect(document.querySelector('.text-size__step')?.textContent).toBe('大')
  expect(minus.getAttribute('aria-disabled')).toBe('false')
  await frameDrawn()
  expect(savedTextStep(localStorage.getItem(STORE_KEY))).toBe(1)
  plus.click()
  plus.click()
  plus.click()
  expect(root.getAttribute('data-text-step')).toBe('3')
  expect(plus.getAttribute('aria-disabled')).toBe('true')
  minus.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  expect(root.getAttribute('data-text-step')).toBe('2')
  await frameDrawn()
  expect(savedTextStep(localStorage.getItem(STORE_KEY))).toBe(2)
  // Leaving the page before the next frame (a link tapped right after) still saves the step.
  minus.click()
  window.dispatchEvent(new Event('pagehide'))
  expect(savedTextStep(localStorage.getItem(STORE_KEY))).toBe(1)
  // A save of a newer version is left alone; the page still answers.
  const newer = taroH5Text('{"version":99,"state":{"textStep":0}}')
  localStorage.setItem(STORE_KEY, newer)
  minus.click()
  expect(root.getAttribute('data-text-step')).toBe('0')
  await frameDrawn()
  expect(localStorage.getItem(STORE_KEY)).toBe(newer)
})

test('neighbourRatios: the sizes A− and A+ lead to, and none past either end', () => {
  expect(neighbourRatios(0)).toEqual([TEXT_STEPS[1].scale])
  expect(neighbourRatios(1)).toEqual([1 / TEXT_STEPS[1].scale, TEXT_STEPS[2].scale / TEXT_STEPS[1].scale])
  expect(neighbourRatios(3)).toEqual([TEXT_STEPS[2].scale / TEXT_STEPS[3].scale])
})

test('holdParts keeps off-screen parts at the scale the root had; releaseParts lets them follow, those below drawn when they come into view', () => {
  document.body.innerHTML = `<div class="hn-page" style="--hn-fs:16px;--hn-tap:46px"><p id="above"></p><p id="below" style="padding:10px 0"></p><p id="held" style="--hn-fs:20.8px"></p></div>`
  const root = document.querySelector('.hn-page') as HTMLElement
  const [above, below, held] = ['above', 'below', 'held'].map((id) => document.getElementById(id) as HTMLElement)
  const parts = [
    { element: above, below: false, width: 300, height: 100 },
    { element: below, below: true, width: 300, height: 120 },
    { element: held, below: true, width: 300, height: 50 },
  ]
  holdParts(root, parts)
  root.style.setProperty('--hn-fs', '24px')
  expect([above, below].map((p) => [p.style.getPropertyValue('--hn-fs'), p.style.getPropertyValue('--hn-tap')])).toEqual([['16px', '46px'], ['16px', '46px']])
  // Held by an earlier tap whose frame has not come yet: it keeps that scale.
  expect(held.style.getPropertyValue('--hn-fs')).toBe('20.8px')
  releaseParts(parts)
  for (const p of [above, below, held]) expect(p.style.getPropertyValue('--hn-fs')).toBe('')
  expect(above.style.getPropertyValue('content-visibility')).toBe('')
  expect(below.style.getPropertyValue('content-visibility')).toBe('auto')
  // Its present content box: 120 px tall less its padding.
  expect(below.style.getPropertyValue('contain-intrinsic-size')).toBe('auto 300px auto 100px')
})
