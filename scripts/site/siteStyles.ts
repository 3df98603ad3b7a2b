// The site's one stylesheet (css/site.<hash>.css, immutable): every style a prerendered page
// needs, in the order the running app has them, so a page paints from one cached file and
// carries no inline CSS:
//   Taro's global styles and the H5 components the pages use (@tarojs/components: what its
//   Stencil components inject into <head> as they load), the app's own app.css (as built), then
//   Taro's navigation bar and router styles (@tarojs/router: injected after the app's
//   stylesheet) and the overlay that holds a prerendered page above the app until it takes over.
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'

const repoRoot = path.resolve(__dirname, '..', '..')
const componentsDist = path.join(repoRoot, 'node_modules', '@tarojs', 'components', 'dist')

/** Taro's H5 components the pages render, in the order Taro's bundle registers their styles. */
const COMPONENTS = ['button', 'image', 'input', 'scroll-view', 'text', 'view']

function read(file: string): string {
  return fs.readFileSync(file, 'utf8')
}

/**
 * The CSS @tarojs/router injects for a page of this app (navigation bar shown, no tab bar, the
 * page scrolling inside .taro_page), got by running Taro's own style module against a stand-in
 * document that keeps what is appended to <head>.
 */
async function routerStyles(): Promise<string[]> {
  const entry = `import { loadNavigationBarStyle, loadRouterStyle } from '@tarojs/router/dist/style.js'
loadNavigationBarStyle()
loadRouterStyle(false, false)`
  const result = await build({ stdin: { contents: entry, resolveDir: repoRoot, loader: 'js' }, bundle: true, write: false, format: 'iife', platform: 'neutral', logLevel: 'silent' })
  const styles: string[] = []
  const head = { appendChild: (style: { innerHTML: string }) => styles.push(style.innerHTML) }
  const document = { createElement: () => ({ innerHTML: '' }), getElementsByTagName: () => [head] }
  new Function('document', result.outputFiles[0].text)(document)
  return styles
}

/** The stylesheet's text: Taro's styles, the app's built CSS (`appCss`), Taro's frame, `extra`. */
export async function siteStylesheet(appCss: string, extra: string): Promise<string> {
  const taro = [
    read(path.join(componentsDist, 'taro-components', 'taro-components.css')),
    read(path.join(repoRoot, 'node_modules', '@tarojs', 'components', 'global.css')),
    ...COMPONENTS.map((name) => read(path.join(componentsDist, 'collection', 'components', name, 'style', 'index.css'))),
  ]
  return [...taro, appCss, ...(await routerStyles()), extra].map((css) => css.trim()).join('\n')
}
