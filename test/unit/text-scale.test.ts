import {
  BODY_TEXT_FACTOR,
  LARGEST_STEP,
  largerStep,
  rootFontPx,
  SMALLEST_TEXT_FACTOR,
  smallerStep,
  STANDARD_STEP,
  systemFontPx,
  tapTargetPx,
  TEXT_STEPS,
  textScaleStyle,
  textStepOf,
} from '../../src/core/textScale'

describe('the text scale', () => {
  it('has four steps, 标准 大 特大 超大', () => {
    expect(TEXT_STEPS.map((s) => s.label)).toEqual(['标准', '大', '特大', '超大'])
  })

  it('meets the size rules at a 16 px system size: ≥ 14 px at 标准, ≥ 18 px from 大, body ≥ 30 px at 超大', () => {
    expect(rootFontPx(16, STANDARD_STEP) * SMALLEST_TEXT_FACTOR).toBeGreaterThanOrEqual(14)
    for (const step of [1, 2, 3] as const) expect(rootFontPx(16, step) * SMALLEST_TEXT_FACTOR).toBeGreaterThanOrEqual(18)
    expect(rootFontPx(16, LARGEST_STEP) * BODY_TEXT_FACTOR).toBeGreaterThanOrEqual(30)
  })

  it('follows the system text size, clamped to 16-32 px', () => {
    expect(rootFontPx(24, STANDARD_STEP)).toBe(24)
    expect(rootFontPx(20, 1)).toBe(26)
    expect(systemFontPx(12)).toBe(16)
    expect(systemFontPx(40)).toBe(32)
    for (const junk of [undefined, null, NaN, -3, 'big', {}]) expect(systemFontPx(junk)).toBe(16)
    expect(systemFontPx('17px')).toBe(17)
  })

  it('keeps tap targets ≥ 44 px at 标准 and ≥ 60 px from 大', () => {
    expect(tapTargetPx(16, STANDARD_STEP)).toBeGreaterThanOrEqual(44)
    for (const step of [1, 2, 3] as const) expect(tapTargetPx(16, step)).toBeGreaterThanOrEqual(60)
    expect(tapTargetPx(16, 3)).toBeGreaterThan(tapTargetPx(16, 1))
  })

  it('gives the page root its custom properties', () => {
    expect(textScaleStyle(16, 3)).toEqual({ '--hn-fs': '28px', '--hn-tap': '73px' })
  })

  it('reads steps from storage or a URL and rejects anything else', () => {
    expect(textStepOf(2)).toBe(2)
    expect(textStepOf('3')).toBe(3)
    expect(textStepOf(' 1 ')).toBe(1)
    for (const junk of [4, -1, 1.5, '12', 'x', '', null, undefined, true]) expect(textStepOf(junk)).toBeNull()
  })

  it('steps up and down within 标准-超大', () => {
    expect(largerStep(LARGEST_STEP)).toBe(LARGEST_STEP)
    expect(smallerStep(STANDARD_STEP)).toBe(STANDARD_STEP)
    expect(largerStep(1)).toBe(2)
  })
})
