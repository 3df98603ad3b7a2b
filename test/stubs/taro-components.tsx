// Stand-ins for @tarojs/components in jsdom: each Taro component becomes the plain HTML element a
// user would meet in the H5 build, so tests query by visible text and fire real DOM events.
import { createElement, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react'

type AnyProps = Record<string, unknown> & { children?: ReactNode }

/** Taro-only props that mean nothing to a DOM element (kept out of React's unknown-prop warnings). */
const TARO_ONLY = new Set([
  'scrollX', 'scrollY', 'enhanced', 'showScrollbar', 'scrollTop', 'scrollLeft', 'scrollIntoView',
  'scrollWithAnimation', 'onScroll', 'onScrollToLower', 'onScrollToUpper', 'userSelect', 'selectable',
  'space', 'decode', 'openType', 'hoverClass', 'hoverStyle', 'hoverStopPropagation', 'focus',
  'confirmType', 'placeholderClass', 'placeholderStyle', 'cursorSpacing', 'adjustPosition',
  'holdKeyboard', 'alwaysEmbed', 'confirmHold', 'mode', 'lazyLoad', 'showMenuByLongpress',
  'webp', 'nodes', 'canvasId', 'onConfirm', 'onInput', 'onTap', 'onLongPress', 'onLongTap',
  'sessionFrom', 'sendMessageTitle', 'sendMessagePath', 'sendMessageImg', 'showMessageCard',
  'appParameter', 'lang', 'formType', 'plain', 'loading', 'size', 'maxlength', 'onGetUserInfo',
  'onGetPhoneNumber', 'onChooseAvatar', 'onOpenSetting', 'onLaunchApp', 'onContact',
  'onError', 'onLoad', 'onReady', 'enableFlex', 'refresherEnabled', 'fastDeceleration', 'bounces',
  'catchMove', 'animation', 'hoverStartTime', 'hoverStayTime', 'type2d', 'disableScroll',
  'enablePassive', 'pagingEnabled', 'lowerThreshold', 'upperThreshold',
])

function domProps(props: AnyProps): AnyProps {
  const out: AnyProps = {}
  for (const key of Object.keys(props)) if (!TARO_ONLY.has(key)) out[key] = props[key]
  // Taro's onTap is a click on the web.
  if (!out.onClick && typeof props.onTap === 'function') out.onClick = props.onTap
  return out
}

function element(tag: string, displayName: string) {
  const Component = (props: AnyProps) => createElement(tag, domProps(props), props.children)
  Component.displayName = displayName
  return Component
}

export const View = element('div', 'View')
export const Text = element('span', 'Text')
export const Block = ({ children }: AnyProps) => <>{children}</>
export const ScrollView = element('div', 'ScrollView')
export const Swiper = element('div', 'Swiper')
export const SwiperItem = element('div', 'SwiperItem')
export const Navigator = element('a', 'Navigator')
export const Label = element('label', 'Label')
export const Form = element('form', 'Form')
export const RichText = element('div', 'RichText')
export const Canvas = element('canvas', 'Canvas')

/** Button keeps `openType` visible as data-open-type: tests check the weapp share button exists. */
export function Button(props: AnyProps) {
  const rest = domProps(props)
  return createElement(
    'button',
    { type: 'button', ...rest, 'data-open-type': props.openType as string | undefined },
    props.children,
  )
}

export function Image(props: AnyProps) {
  const rest = domProps(props)
  return createElement('img', { ...rest, src: props.src as string, alt: (props.alt as string) ?? '' })
}

/**
 * Input: typing calls onInput with Taro's event shape `{ detail: { value } }`; Enter calls
 * onConfirm the same way (the keyboard's 搜索 key).
 */
export function Input(props: AnyProps) {
  const { onInput, onConfirm, value, maxlength, focus } = props as {
    onInput?: (e: { detail: { value: string } }) => void
    onConfirm?: (e: { detail: { value: string } }) => void
    value?: string
    maxlength?: number
    focus?: boolean
  }
  const rest = domProps(props)
  return createElement('input', {
    ...rest,
    value: value ?? '',
    maxLength: maxlength,
    autoFocus: focus,
    onChange: (e: ChangeEvent<HTMLInputElement>) => onInput?.({ detail: { value: e.target.value } }),
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } })
    },
  })
}

export function Textarea(props: AnyProps) {
  const { onInput, value } = props as { onInput?: (e: { detail: { value: string } }) => void; value?: string }
  return createElement('textarea', {
    ...domProps(props),
    value: value ?? '',
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => onInput?.({ detail: { value: e.target.value } }),
  })
}
