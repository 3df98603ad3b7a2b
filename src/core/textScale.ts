// The app's one text scale. Every font size in the CSS is a multiple of one root size, the CSS
// custom property --hn-fs on the page's root element, so one number scales titles, body, dates,
// chips, tabs, buttons, disclaimers and the share sheet together. The root is
//   the reader's system text size (WeChat's font setting on weapp, the browser's default font
//   size on H5) × the in-app step (标准 / 大 / 特大 / 超大).
// Sizes in the CSS are `calc(var(--hn-fs) * k)` with k ≥ 0.875 (14 px at a 16 px root), body
// text at k = 1.125. Layout (margins, padding, widths) stays in design px that Taro's
// pxtransform turns into rpx / rem, i.e. it follows the screen width, not the text size.

export interface TextStepInfo {
  /** What the A−/A+ control says. */
  label: string
  /** Multiplier on the system text size. */
  scale: number
}

/**
 * 大 is chosen so that the smallest text (k = 0.875) is ≥ 18 px at a 16 px root, 超大 so that
 * body text (k = 1.125) is ≥ 30 px (the national 适老化 spec: main text can reach 30 dp).
 */
export const TEXT_STEPS: readonly TextStepInfo[] = [
  { label: '标准', scale: 1 },
  { label: '大', scale: 1.3 },
  { label: '特大', scale: 1.5 },
  { label: '超大', scale: 1.75 },
]

/** 0 = 标准 … 3 = 超大. */
export type TextStep = 0 | 1 | 2 | 3
export const STANDARD_STEP: TextStep = 0
export const LARGEST_STEP = (TEXT_STEPS.length - 1) as TextStep

/** Body text and the smallest text, as multiples of the root (the CSS uses the same numbers). */
export const BODY_TEXT_FACTOR = 1.125
export const SMALLEST_TEXT_FACTOR = 0.875

/**
 * The system size is clamped: below 16 px the smallest text would fall under 14 px (WCAG
 * checks here ask for ≥ 14 at 标准); above 32 px 超大 body text would exceed the screen's width
 * for a single Chinese word group on a 320 px phone.
 */
export const MIN_SYSTEM_FONT_PX = 16
export const MAX_SYSTEM_FONT_PX = 32
export const DEFAULT_SYSTEM_FONT_PX = 16

/** Tap targets: ≥ 44×44 CSS px at 标准, ≥ 60×60 at 大 and above (适老化 spec). */
export const TAP_TARGET_PX = { standard: 46, large: 60 } as const

/** A saved or URL value as a step, or null when it is not one. Accepts 0-3 as number or digit string. */
export function textStepOf(value: unknown): TextStep | null {
  const n = typeof value === 'string' && /^\d$/.test(value.trim()) ? Number(value.trim()) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= LARGEST_STEP ? (n as TextStep) : null
}

/** The system text size the root starts from: a finite px value clamped to [16, 32]; 16 otherwise. */
export function systemFontPx(reported: unknown): number {
  const px = typeof reported === 'string' ? parseFloat(reported) : reported
  if (typeof px !== 'number' || !Number.isFinite(px) || px <= 0) return DEFAULT_SYSTEM_FONT_PX
  return Math.min(MAX_SYSTEM_FONT_PX, Math.max(MIN_SYSTEM_FONT_PX, px))
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** The root size in CSS px for a system size and a step. */
export function rootFontPx(systemPx: number, step: TextStep): number {
  return round2(systemFontPx(systemPx) * TEXT_STEPS[step].scale)
}

/** Minimum tap-target side in CSS px: grows with the text, never under the spec's floor. */
export function tapTargetPx(systemPx: number, step: TextStep): number {
  const floor = step === STANDARD_STEP ? TAP_TARGET_PX.standard : TAP_TARGET_PX.large
  return Math.max(floor, Math.round(rootFontPx(systemPx, step) * 2.6))
}

/**
 * The inline style of a page root: the one place the CSS custom properties get their values.
 * An object, not a string: React DOM (H5) accepts only objects, and both React DOM and Taro's
 * mini-program renderer set `--` keys as custom properties.
 */
export function textScaleStyle(systemPx: number, step: TextStep): Record<'--hn-fs' | '--hn-tap', string> {
  return { '--hn-fs': `${rootFontPx(systemPx, step)}px`, '--hn-tap': `${tapTargetPx(systemPx, step)}px` }
}

export function stepLabel(step: TextStep): string {
  return TEXT_STEPS[step].label
}

export function largerStep(step: TextStep): TextStep {
  return Math.min(LARGEST_STEP, step + 1) as TextStep
}

export function smallerStep(step: TextStep): TextStep {
  return Math.max(STANDARD_STEP, step - 1) as TextStep
}
