// Where the weapp tests find the build. scripts/tools/test-all.sh copies dist/ to a private snapshot
// (under the shared dist lock) and points TEST_DIST_DIR at it, so a helper rebuilding dist/
// meanwhile cannot change files under a running test.
import fs from 'node:fs'
import path from 'node:path'

export const repoRoot = path.resolve(__dirname, '..', '..', '..')

export function distRoot(): string {
  return process.env.TEST_DIST_DIR ? path.resolve(process.env.TEST_DIST_DIR) : path.join(repoRoot, 'dist')
}

export function weappDir(): string {
  const dir = path.join(distRoot(), 'weapp')
  if (!fs.existsSync(path.join(dir, 'app.js'))) {
    throw new Error(`No weapp build at ${dir}: run "npm run build:weapp" first (or set TEST_DIST_DIR).`)
  }
  return dir
}

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; text?: string }[] }
  window?: Record<string, unknown>
}

export function readAppJson(dir = weappDir()): AppJson {
  return JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))
}

/** Every page route of the build: main package first, then subpackages. */
export function allPageRoutes(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? []
  return [...app.pages, ...subs.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/$/, '')}/${page}`))]
}

/** Subpackage roots of the build (data-only ones included). */
export function subpackageRoots(app: AppJson): string[] {
  return (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root)
}
