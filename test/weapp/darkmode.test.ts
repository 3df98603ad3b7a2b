// Dark mode as WeChat receives it: app.json turns darkmode on and names theme.json, which the
// build ships with a light and a dark set defining every @variable app.json uses (title bar,
// backgrounds), and the compiled WXSS carries the palette's prefers-color-scheme: dark set.
import fs from 'node:fs'
import path from 'node:path'
import { readAppJson, weappDir } from './support/dist'

const dir = weappDir()

test('app.json turns darkmode on and every @variable it uses is in both sets of the shipped theme.json', () => {
  const app = readAppJson(dir) as ReturnType<typeof readAppJson> & { darkmode?: boolean; themeLocation?: string }
  expect(app.darkmode).toBe(true)
  expect(app.themeLocation).toBe('theme.json')
  const theme = JSON.parse(fs.readFileSync(path.join(dir, app.themeLocation!), 'utf8')) as Record<'light' | 'dark', Record<string, string>>
  const used = Object.values(app.window ?? {}).filter((v): v is string => typeof v === 'string' && v.startsWith('@')).map((v) => v.slice(1))
  // The title bar and the window backgrounds at least.
  expect(used).toEqual(expect.arrayContaining(['navBgColor', 'navTxtStyle', 'bgColor', 'bgTxtStyle']))
  for (const scheme of ['light', 'dark'] as const) {
    expect(used.filter((name) => !(name in theme[scheme]))).toEqual([])
  }
  expect(theme.dark.bgColor).not.toBe(theme.light.bgColor)
  expect(theme.dark.navBgColor).not.toBe(theme.light.navBgColor)
})

test('the app WXSS holds the dark palette under prefers-color-scheme', () => {
  const wxss = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.wxss'))
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
    .join('\n')
  const dark = wxss.match(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{[^{}]*\{([^}]*)\}/)
  expect(dark).not.toBeNull()
  const theme = JSON.parse(fs.readFileSync(path.join(dir, 'theme.json'), 'utf8'))
  // The page background under the dark query is the one WeChat paints behind the page.
  expect(dark![1]).toContain(`--hn-bg:${theme.dark.bgColor}`)
})
