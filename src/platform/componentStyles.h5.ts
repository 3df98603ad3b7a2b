// Taro's H5 components are web components that bring their own CSS, but each kind injects it
// only when its first element hydrates, a frame or more after React has put the page on
// screen. Until then <taro-view-core> is an inline box and buttons have no padding, so the page
// lays out twice: measured at 4x CPU throttling, the article page's 转发给家人 button moved
// ~200 px about 100 ms after it appeared, and a tap pressed before and released after such a
// jump lands on something else and is lost. Injecting the same CSS at start-up, where the
// components would put it (before the app's stylesheet, which overrides it), lays every page
// out right the first time; the components' own later copies change nothing.
import { Button, Image, Input, ScrollView, Text, View } from '@tarojs/components'

/**
 * The Taro components the app renders (imports from '@tarojs/components' under src/) with their
 * element names. Using them here also defines their elements before the first page renders.
 */
const COMPONENTS: [unknown, string][] = [
  [View, 'taro-view-core'],
  [Text, 'taro-text-core'],
  [Button, 'taro-button-core'],
  [Image, 'taro-image-core'],
  [Input, 'taro-input-core'],
  [ScrollView, 'taro-scroll-view-core'],
]

export function preloadComponentStyles(): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined' || !document.head) return
  const css = COMPONENTS.map(([component, tag]) => (component ? (customElements.get(tag) as { style?: unknown } | undefined)?.style : undefined))
    .filter((style): style is string => typeof style === 'string')
    .join('\n')
  if (!css) return
  const element = document.createElement('style')
  element.setAttribute('data-taro-components', 'preloaded')
  element.textContent = css
  document.head.insertBefore(element, document.head.querySelector('link'))
}
