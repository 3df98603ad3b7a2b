// The boxes and runs of text that lists and the article body are made of, drawn on H5 as plain
// <div>/<span>. Taro's View and Text are web components there (taro-view-core, taro-text-core):
// each new one runs Stencil's upgrade and render in a requestAnimationFrame write queue, and stays
// visibility:hidden until then. Profiled at 10,000 articles with 4x CPU throttling, typing into
// the search box spent ~30 ms a keystroke in that work (~200 new elements for 20 result cards)
// plus ~7 ms in the React wrappers' attachProps, and the new cards only became visible a frame
// after React had put them on the page. Plain elements show in the frame React commits them in.
// Only for static content: anything with Taro behaviour (Input, Button, ScrollView, Image) stays
// Taro's component. weapp draws Taro's view/text (plainElements.weapp.ts).
import { createElement, type ReactElement } from 'react'
import type { PlainProps } from './plainElementsContract'

export type { PlainProps } from './plainElementsContract'

function domProps({ userSelect: _selectable, ...props }: PlainProps): Omit<PlainProps, 'userSelect'> {
  // Text on a web page is selectable already; userSelect matters on weapp only.
  return props
}

/** A block: Taro's View on weapp, a <div> on H5. */
export function PlainView(props: PlainProps): ReactElement {
  return createElement('div', domProps(props))
}

/** A run of text: Taro's Text on weapp, a <span> on H5. */
export function PlainText(props: PlainProps): ReactElement {
  return createElement('span', domProps(props))
}
