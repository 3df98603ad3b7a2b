// The site's pages rendered in Node from the app's own React components (no browser): esbuild
// bundles scripts/site/renderEntry.tsx the way Taro builds the H5 app (.h5.* files first,
// TARO_ENV 'h5', the same defines as config/index.ts), with @tarojs/components, @tarojs/taro,
// the data loader and the first-screen pass swapped for build-time stand-ins, and CSS dropped.
import { build, type Plugin } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import type { PageKind } from './renderEntry'

const repoRoot = path.resolve(__dirname, '..', '..')

export interface SiteRenderer {
  prepare(): Promise<void>
  renderPage(kind: PageKind, params: Record<string, string>, embedded?: { id: string; text: string }): string
  articlePageInputs(related: readonly string[]): unknown
}

/** The module each of these resolves to in the renderer's bundle. */
function standIns(): Plugin {
  const here = (file: string) => path.join(__dirname, file)
  const data = path.join(repoRoot, 'src', 'data')
  const components = path.join(repoRoot, 'src', 'components')
  return {
    name: 'site-stand-ins',
    setup(build) {
      build.onResolve({ filter: /^@tarojs\/components$/ }, () => ({ path: here('taroElements.tsx') }))
      build.onResolve({ filter: /^@tarojs\/taro$/ }, () => ({ path: here('taroRuntime.ts') }))
      // Styles live in the site's stylesheet; images are drawn by the app, never in a page's HTML.
      build.onResolve({ filter: /\.(css|png|jpe?g|svg)$/ }, (args) => ({ path: args.path, namespace: 'dropped' }))
      build.onLoad({ filter: /.*/, namespace: 'dropped' }, () => ({ contents: 'export default ""', loader: 'js' }))
      build.onResolve({ filter: /^\.\/loader$/ }, (args) => (args.resolveDir === data ? { path: here('dataLoader.ts') } : undefined))
      build.onResolve({ filter: /\/plainElements$/ }, (args) =>
        path.resolve(args.resolveDir, args.path) === path.join(repoRoot, 'src', 'platform', 'plainElements') ? { path: here('plainElements.ts') } : undefined,
      )
      build.onResolve({ filter: /^(\.\.?\/)+(components\/)?firstScreen$/ }, (args) => {
        const target = path.resolve(args.resolveDir, args.path)
        // The stand-in itself re-exports the real module's constants.
        return target === path.join(components, 'firstScreen') && args.importer !== here('firstScreen.ts') ? { path: here('firstScreen.ts') } : undefined
      })
    },
  }
}

/** The defines of config/index.ts, for the site's base URL. */
function defines(baseUrl: string, dataDir: string): Record<string, string> {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '')
  return {
    'process.env.TARO_ENV': JSON.stringify('h5'),
    'process.env.TARO_PLATFORM': JSON.stringify('web'),
    'process.env.NODE_ENV': JSON.stringify('production'),
    H5_BASE_URL: JSON.stringify(baseUrl),
    WECHAT_JSSDK_SIGNATURE_URL: JSON.stringify(process.env.WECHAT_JSSDK_SIGNATURE_URL || ''),
    FEEDBACK_URL: JSON.stringify(process.env.FEEDBACK_URL || ''),
    H5_DATA_URL: JSON.stringify(`${basePath}/data/`),
    SITE_BASE_PATH: JSON.stringify(basePath),
    SITE_DATA_DIR: JSON.stringify(dataDir),
    definePageConfig: 'Object',
    defineAppConfig: 'Object',
  }
}

/**
 * The renderer's bundle as JavaScript text (also what the build cache keys page output on).
 * `dataDir` holds the packaged data it reads (src/data unless told: tests pass another library).
 */
export async function rendererBundle(baseUrl: string, dataDir: string = path.join(repoRoot, 'src', 'data')): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'renderEntry.tsx')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    resolveExtensions: ['.h5.tsx', '.h5.ts', '.tsx', '.ts', '.h5.js', '.js', '.json'],
    mainFields: ['module', 'main'],
    define: defines(baseUrl, dataDir),
    plugins: [standIns()],
    logLevel: 'silent',
    // React is bundled too, so that NODE_ENV=production picks its production build.
  })
  return result.outputFiles[0].text
}

let loaded = 0

/** Loads the renderer (bundled now) into this process. */
export async function loadRenderer(baseUrl: string, bundle?: string): Promise<SiteRenderer> {
  const code = bundle ?? (await rendererBundle(baseUrl))
  // A name of its own: a second renderer in this process is a new module, not the cached first.
  const file = path.join(repoRoot, 'node_modules', '.cache', 'health-news', `site-renderer-${process.pid}-${++loaded}.cjs`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, code)
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as SiteRenderer
  } finally {
    fs.rmSync(file, { force: true })
  }
}
