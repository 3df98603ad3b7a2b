// @tarojs/components for the site's Node renderer (scripts/site/renderer.ts): each component
// emits the element and attributes Taro's H5 components leave in the page once they are upgraded
// (taro-view-core, taro-text-core, taro-button-core…, with class, role, aria-*, tabindex), so a
// page rendered here lays out exactly as the app's own page, which takes it over in place.
// Event handlers mean nothing in static HTML and are dropped.
import { createElement, type ReactNode } from 'react'
import { PART, PART_ATTRIBUTE } from '../../src/core/pageContract'

/** The site's base path ('' at the root), defined by the renderer's bundle. */
declare const SITE_BASE_PATH: string

type AnyProps = Record<string, unknown> & { children?: ReactNode }

/** Props the wrappers turn into the attribute of another name. */
const RENAMED: Record<string, string> = { className: 'class', tabIndex: 'tab-index' }

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

/**
 * The attributes Taro's React wrapper writes for `props`: camelCase names in kebab-case, every
 * value as text, functions dropped; class always present (Stencil writes it on upgrade).
 */
function attributes(props: AnyProps, extraClass: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || key === 'key' || typeof value === 'function' || value === undefined || value === null) continue
    if (key === 'style') {
      out.style = value
      continue
    }
    // Ids belong to the live app (Taro finds its page containers by id): the copy has none.
    if (key === 'className' || key === 'id') continue
    const name = RENAMED[key] ?? (key.startsWith('aria-') || key.startsWith('data-') ? key : kebab(key))
    out[name] = String(value)
  }
  // A focusable component reflects its tab stop as the DOM's tabindex too.
  if (props.tabIndex !== undefined) out.tabindex = String(props.tabIndex)
  out.class = [typeof props.className === 'string' ? props.className : '', ...extraClass].filter(Boolean).join(' ')
  return out
}

/** Where the controls that lead to another page go without the app (by their contract part). */
const LINKS: Record<string, string> = {
  [PART.homeLink]: '/',
  [PART.searchBar]: '/search/',
  [PART.mineLink]: '/mine/',
}

/**
 * A control that leads to another page is a real link in the HTML: the link wraps the content
 * with no box of its own (display: contents), so the page lays out exactly as the app's. A
 * button role becomes a link role: a button holding a link would be a nested control.
 */
function withLink(props: AnyProps, attrs: Record<string, unknown>): ReactNode {
  const target = LINKS[String(props[PART_ATTRIBUTE])]
  if (target === undefined) return props.children
  if (attrs.role === 'button') attrs.role = 'link'
  return createElement('a', { href: `${SITE_BASE_PATH}${target}`, style: { display: 'contents', color: 'inherit', textDecoration: 'none' } }, props.children)
}

function element(tag: string, extraClass?: (props: AnyProps) => string[]) {
  return function TaroElement(props: AnyProps) {
    const attrs = attributes(props, extraClass ? extraClass(props) : [])
    return createElement(tag, attrs, withLink(props, attrs))
  }
}

export const View = element('taro-view-core')
export const Text = element('taro-text-core')
export const Block = ({ children }: AnyProps) => createElement('taro-block-core', null, children)

/** Stencil's scroll-view adds its direction and scrollbar classes to the host. */
export const ScrollView = element('taro-scroll-view-core', (props) => [
  props.scrollX ? 'taro-scroll-view__scroll-x' : '',
  props.scrollY ? 'taro-scroll-view__scroll-y' : '',
  props.showScrollbar === false ? 'taro-scroll--hidebar' : '',
  props.enhanced ? 'taro-scroll--enhanced' : '',
])

/** Taro's button reflects its (empty) type. */
export function Button(props: AnyProps) {
  return createElement('taro-button-core', { ...attributes(props), type: typeof props.type === 'string' ? props.type : '' }, props.children)
}

/** Taro's input renders a real <input class="weui-input"> inside its host. */
export function Input(props: AnyProps) {
  const inner: Record<string, unknown> = { className: 'weui-input', type: props.confirmType === 'search' ? 'search' : typeof props.type === 'string' ? props.type : 'text' }
  if (typeof props.placeholder === 'string') inner.placeholder = props.placeholder
  if (props.focus) inner.autoFocus = true
  if (props.maxlength !== undefined) inner.maxLength = Number(props.maxlength)
  const { value, ...rest } = props
  return createElement('taro-input-core', { value: value === undefined ? '' : String(value), ...attributes(rest) }, createElement('input', inner))
}

/** Taro's image: an <img> inside its host. */
export function Image(props: AnyProps) {
  const { src, ...rest } = props
  return createElement('taro-image-core', attributes(rest), createElement('img', { src: typeof src === 'string' ? src : '' }))
}

export const Canvas = element('taro-canvas-core')
