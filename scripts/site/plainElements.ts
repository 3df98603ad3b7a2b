// src/platform/plainElements for the site's Node renderer: the H5 <div>/<span>, except that an
// article card (the contract's article-card part) is a real link to the article's page, so the
// HTML works without the app; ids stay with the live app.
import { createElement, type ReactElement } from 'react'
import { PART, PART_ATTRIBUTE } from '../../src/core/pageContract'
import type { PlainProps } from '../../src/platform/plainElementsContract'

export type { PlainProps } from '../../src/platform/plainElementsContract'

declare const SITE_BASE_PATH: string

function domProps({ userSelect: _selectable, onClick: _click, ...props }: PlainProps & { id?: string }): Record<string, unknown> {
  const { id: _id, ...rest } = props
  return rest
}

export function PlainView(props: PlainProps): ReactElement {
  if (props[PART_ATTRIBUTE] === PART.articleCard && props['data-article-id']) {
    return createElement('a', { ...domProps(props), href: `${SITE_BASE_PATH}/article/${props['data-article-id']}/` })
  }
  return createElement('div', domProps(props))
}

export function PlainText(props: PlainProps): ReactElement {
  return createElement('span', domProps(props))
}
