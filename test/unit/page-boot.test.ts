/**
 * @jest-environment jsdom
 */
// The inline boot code of prerendered H5 pages (scripts/lib/pageBoot.ts): the saved text step as
// the real store writes it, 大字分享's size=N, the text scale on the copy, and finding the element
// a reader tapped again in the app's page even when the app added a part above it.
import { applyTextStep, elementAt, pathTo, savedTextStep, shownTextStep } from '../../scripts/lib/pageBoot'
import { textScaleStyle } from '../../src/core/textScale'
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
  document.body.innerHTML = `<div id="c"><div class="hn-page hn-page--step-0 detail" style="--hn-fs:16px;--hn-tap:46px" data-text-step="0">
    <div class="text-size"><div class="text-size__button text-size__button--off"></div><div class="text-size__value"><span class="text-size__step">标准</span></div><div class="text-size__button"></div></div></div></div>`
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
