// The colour palette (src/app.css) in both schemes: every pair of tokens the app puts text on
// reaches WCAG AA (4.5:1), outlines and marks reach 3:1, every component's CSS uses the tokens
// instead of raw colours, and WeChat's theme.json (title bar, backgrounds) holds the same colours
// as the pages. The ratios are printed.
import fs from 'node:fs'
import path from 'node:path'
import theme from '../../src/theme.json'

const root = path.resolve(__dirname, '..', '..')
const appCss = fs.readFileSync(path.join(root, 'src', 'app.css'), 'utf8')

type Palette = Record<string, string>

/** The custom properties declared in a block of declarations. */
function declarations(block: string): Palette {
  const tokens: Palette = {}
  for (const [, name, value] of block.matchAll(/(--hn-[a-z0-9-]+)\s*:\s*([^;]+);/g)) tokens[name] = value.trim()
  return tokens
}

/** The root palette (light) and the prefers-color-scheme: dark one, as app.css declares them. */
function palettes(css: string): { light: Palette; dark: Palette } {
  const light = css.match(/^page,\s*body\s*\{([^}]*)\}/m)
  const dark = css.match(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*page,\s*body\s*\{([^}]*)\}/)
  if (!light || !dark) throw new Error('app.css must declare the palette on "page, body" and again inside @media (prefers-color-scheme: dark)')
  return { light: declarations(light[1]), dark: declarations(dark[1]) }
}

function rgb(value: string): [number, number, number] {
  const hex = value.match(/^#([0-9a-f]{6})$/i)
  if (!hex) throw new Error(`not a #rrggbb colour: ${value}`)
  return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as [number, number, number]
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(value: string): number {
  const [r, g, b] = rgb(value).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

// Text colour on the background it sits on somewhere in the app (each pair is used by a rule).
const TEXT_PAIRS: [string, string][] = [
  ['--hn-text', '--hn-bg'],
  ['--hn-text', '--hn-surface'],
  ['--hn-text', '--hn-surface-2'],
  ['--hn-text', '--hn-pressed'],
  ['--hn-text', '--hn-accent-soft'],
  ['--hn-text-2', '--hn-bg'],
  ['--hn-text-2', '--hn-surface'],
  ['--hn-text-2', '--hn-surface-2'],
  ['--hn-text-2', '--hn-pressed'],
  ['--hn-text-2', '--hn-accent-soft'],
  ['--hn-text-3', '--hn-bg'],
  ['--hn-text-3', '--hn-surface'],
  ['--hn-text-3', '--hn-surface-2'],
  ['--hn-text-3', '--hn-pressed'],
  ['--hn-accent', '--hn-surface'],
  ['--hn-accent', '--hn-bg'],
  ['--hn-accent', '--hn-accent-soft'],
  ['--hn-on-accent', '--hn-accent'],
  ['--hn-accent-strong', '--hn-surface'],
  ['--hn-accent-strong', '--hn-bg'],
  ['--hn-accent-strong', '--hn-surface-2'],
  ['--hn-accent-strong', '--hn-accent-soft'],
  ['--hn-notice-text', '--hn-notice-bg'],
  ['--hn-on-header', '--hn-header'],
  ['--hn-on-header', '--hn-header-end'],
  // The search field's clear mark: a light × on a quiet disc.
  ['--hn-surface', '--hn-text-3'],
]

// Outlines of controls and marks that carry meaning (WCAG 1.4.11: 3:1).
const UI_PAIRS: [string, string][] = [
  ['--hn-line-strong', '--hn-surface'],
  ['--hn-accent', '--hn-surface'],
  ['--hn-accent', '--hn-bg'],
  ['--hn-on-header', '--hn-header'],
]

const { light, dark } = palettes(appCss)
const schemes = { light, dark }
// Tokens anywhere in app.css: the palette and the text scale's (--hn-fs, --hn-tap on each page).
const declared = declarations(appCss)

function cssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return cssFiles(full)
    return entry.name.endsWith('.css') ? [full] : []
  })
}

describe('the palette', () => {
  test('the dark scheme redefines every colour token of the light one, and nothing else', () => {
    expect(Object.keys(light).length).toBeGreaterThan(15)
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort())
  })

  test.each(Object.entries(schemes))('%s: text pairs reach 4.5:1, outlines 3:1', (scheme, palette) => {
    const rows = [...TEXT_PAIRS.map((p) => [...p, 4.5] as const), ...UI_PAIRS.map((p) => [...p, 3] as const)].map(([fg, bg, min]) => ({
      pair: `${fg} on ${bg}`,
      ratio: Math.round(contrast(palette[fg], palette[bg]) * 100) / 100,
      min,
    }))
    console.log(`${scheme} palette, contrast:\n${rows.map((r) => `  ${r.pair}: ${r.ratio}:1 (≥ ${r.min})`).join('\n')}`)
    expect(rows.filter((r) => r.ratio < r.min)).toEqual([])
  })

  test('the two schemes really differ: dark backgrounds under light text', () => {
    expect(luminance(dark['--hn-bg'])).toBeLessThan(0.02)
    expect(luminance(dark['--hn-text'])).toBeGreaterThan(0.6)
    expect(luminance(light['--hn-bg'])).toBeGreaterThan(0.8)
  })

  test('component and page CSS uses the tokens: no raw colour, no undefined token', () => {
    const problems: string[] = []
    for (const file of cssFiles(path.join(root, 'src'))) {
      const name = path.relative(root, file)
      let css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
      // The palette's own blocks are where colours are written.
      if (file.endsWith(`src${path.sep}app.css`)) css = css.replace(/page,\s*body\s*\{[^}]*\}/g, '')
      for (const [raw] of css.matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|:\s*(?:white|black)\b/gi)) problems.push(`${name}: raw colour ${raw}`)
      for (const [, used] of css.matchAll(/var\((--[a-z0-9-]+)/g)) if (!(used in declared)) problems.push(`${name}: ${used} is not declared in app.css`)
    }
    expect(problems).toEqual([])
  })
})

describe("WeChat's theme.json", () => {
  test.each(['light', 'dark'] as const)('%s: the title bar and the backgrounds are the pages\' colours', (scheme) => {
    const palette = schemes[scheme]
    const set = theme[scheme]
    expect(set.navBgColor).toBe(palette['--hn-header'])
    expect([set.bgColor, set.bgColorTop, set.bgColorBottom]).toEqual([palette['--hn-bg'], palette['--hn-bg'], palette['--hn-bg']])
    // WeChat draws the title in white or black only: the one chosen must read on the bar.
    expect(contrast(set.navTxtStyle === 'white' ? '#ffffff' : '#000000', set.navBgColor)).toBeGreaterThanOrEqual(4.5)
    // The pull-down area's dots: dark ones on a light background, light ones on a dark one.
    expect(set.bgTxtStyle).toBe(luminance(set.bgColor) > 0.5 ? 'dark' : 'light')
  })

  test('the two sets name the same variables', () => {
    expect(Object.keys(theme.dark).sort()).toEqual(Object.keys(theme.light).sort())
  })
})
