// The H5 end-to-end fixture: serves the built dist/h5 on 127.0.0.1 (an ephemeral port, via
// scripts/site/serve.mjs) and drives it in Debian's headless Chromium through playwright-core, at a
// phone's size. A journey fails on any uncaught page error, any console error from the app, any
// request that would leave 127.0.0.1 (such requests are blocked and recorded) and any breach of
// the pages' Content-Security-Policy (a `securitypolicyviolation` event: something the app or a
// page tried to run, load or connect to that the policy forbids). On failure a screenshot goes
// to test-results/<journey>.png.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { publicPath } from '../../../src/core/routes'

export const repoRoot = path.resolve(__dirname, '..', '..', '..')
export const resultsDir = path.join(repoRoot, 'test-results')
// Browser path, flags and phone size live in scripts/tools/chromium.cjs, shared with the benchmark
// and the screenshot script.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchChromium, PHONE } = require('../../../scripts/tools/chromium.cjs') as {
  launchChromium: () => Promise<Browser>
  PHONE: Parameters<Browser['newContext']>[0]
}
export { launchChromium }

export function h5Dir(): string {
  const root = process.env.TEST_DIST_DIR ? path.resolve(process.env.TEST_DIST_DIR) : path.join(repoRoot, 'dist')
  return path.join(root, 'h5')
}

/** Starts scripts/site/serve.mjs on a free port and resolves with its URL. */
export async function startH5Server(dir = h5Dir()): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'site', 'serve.mjs'), dir], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URL within 10 s:\n${output}`)), 10_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(/健康资讯 H5: (http:\/\/127\.0\.0\.1:\d+\/)/)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve.mjs exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export interface Problems {
  pageErrors: string[]
  consoleErrors: string[]
  foreignRequests: string[]
  /** What the Content-Security-Policy refused: directive, blocked URL or 'inline'/'eval', where. */
  policyViolations: string[]
}

/** The name under which a page reports a policy violation to the test. */
const VIOLATION_BINDING = '__hnPolicyViolation'

/** Opens a phone-sized page that records problems and blocks every request leaving 127.0.0.1. */
export async function openPhonePage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; problems: Problems }> {
  const context = await browser.newContext({ ...PHONE, ...options })
  const problems: Problems = { pageErrors: [], consoleErrors: [], foreignRequests: [], policyViolations: [] }
  // Reported as it happens, so a violation just before a navigation is not lost. The listener
  // is installed by the browser's debugging protocol, which the policy itself does not govern.
  await context.exposeBinding(VIOLATION_BINDING, (_source, violation: string) => {
    problems.policyViolations.push(violation)
  })
  await context.addInitScript((binding: string) => {
    window.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, (v: string) => void>)[binding]
        const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : ''
        report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'}${where} on ${event.documentURI}${event.sample ? ` (${event.sample})` : ''}`)
      },
      true,
    )
  }, VIOLATION_BINDING)
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    // data:/blob: URLs never touch the network; everything else must stay on this machine.
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue()
    problems.foreignRequests.push(route.request().url())
    return route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack || error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text())
  })
  return { context, page, problems }
}

export function describeProblems(problems: Problems): string[] {
  return [
    ...problems.pageErrors.map((e) => `page error: ${e}`),
    ...problems.consoleErrors.map((e) => `console error: ${e}`),
    ...problems.foreignRequests.map((u) => `request leaving 127.0.0.1: ${u}`),
    ...problems.policyViolations.map((v) => `Content-Security-Policy violation: ${v}`),
  ]
}

/**
 * A prerendered page starts the app on the reader's first intent (scripts/site/pageBoot.ts), not
 * at load: this does what a reader's first key press does (Shift: no control activates, focus
 * stays) and waits until the app has taken the page over (the copy, #hn-prerendered, is gone).
 */
export async function startApp(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded')
  if (await page.evaluate(() => !!document.getElementById('hn-prerendered'))) await page.keyboard.press('Shift')
  await page.waitForFunction(() => !document.getElementById('hn-prerendered'), null, { timeout: 20_000 })
}

export interface Journey {
  page: Page
  /** Base URL of the served build, ending in '/'. */
  baseUrl: string
  /** Opens a page route such as '/pages/detail/index?id=x' at its real address (or '' for home). */
  visit: (route?: string) => Promise<void>
  problems: Problems
}

/**
 * Registers the server and browser for a test file and returns `journey`, which wraps a test
 * body with a fresh phone page, the problem checks and the failure screenshot.
 */
/**
 * The built site served and one Chromium launched for the enclosing describe block (or file),
 * both stopped after it. Read `server` and `browser` inside tests and hooks, not before.
 */
export function useServedSite(dir: () => string = h5Dir): { readonly server: Awaited<ReturnType<typeof startH5Server>>; readonly browser: Browser } {
  let server: Awaited<ReturnType<typeof startH5Server>> | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startH5Server(dir())
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  return {
    get server() {
      if (!server) throw new Error('useServedSite: the server is read before beforeAll started it')
      return server
    },
    get browser() {
      if (!browser) throw new Error('useServedSite: the browser is read before beforeAll launched it')
      return browser
    },
  }
}

export function useH5() {
  const site = useServedSite()

  return function journey(name: string, body: (j: Journey) => Promise<void>) {
    return async () => {
      const { context, page, problems } = await openPhonePage(site.browser)
      const baseUrl = site.server.url
      const visit = async (route = '') => {
        await page.goto(route ? `${baseUrl}${publicPath(route)}` : baseUrl)
        // Until the app takes over, the prerendered copy of the page (#hn-prerendered) is on
        // top: its links work, its buttons start the app. Journeys tap buttons of the app.
        await startApp(page)
      }
      try {
        await body({ page, baseUrl, visit, problems })
        // A violation is reported from a task of its own: let the page run its queued tasks, so
        // one caused by the journey's last step is in before the check.
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0))).catch(() => undefined)
        const found = describeProblems(problems)
        if (found.length) throw new Error(`The app misbehaved during "${name}":\n${found.join('\n')}`)
      } catch (error) {
        fs.mkdirSync(resultsDir, { recursive: true })
        const file = path.join(resultsDir, `${name.replace(/[^\w\u4e00-\u9fa5-]+/g, '-')}.png`)
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
        const found = describeProblems(problems)
        const alreadyListed = error instanceof Error && error.message.startsWith('The app misbehaved')
        const extra = found.length && !alreadyListed ? `\nAlso seen:\n${found.join('\n')}` : ''
        if (error instanceof Error) error.message += `\nScreenshot: ${path.relative(repoRoot, file)}${extra}`
        throw error
      } finally {
        await context.close()
      }
    }
  }
}
