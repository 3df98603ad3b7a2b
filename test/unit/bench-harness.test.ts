// The benchmarks and the screenshots drive the browser through one harness (scripts/bench/
// harness.ts): the 127.0.0.1-only guard, the slow phone, the figures and the page waiters live
// there once. A script that grows its own copy again fails here.
import fs from 'fs'
import path from 'path'
import { median, percentile } from '../../scripts/bench/harness'

const root = path.resolve(__dirname, '../..')
const HARNESS = path.join('scripts', 'bench', 'harness.ts')

function scriptFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return scriptFiles(file)
    return /\.(ts|tsx|mjs|cjs|js)$/.test(entry.name) ? [file] : []
  })
}

/** What only the harness may do; each a pattern and what it is. */
const HARNESS_ONLY: Array<[RegExp, string]> = [
  [/\.route\(\s*['"`]\*\*\/\*/, 'a request guard (keepToLocalhost)'],
  [/\bfunction\s+(percentile|median)\b|\bconst\s+(percentile|median)\s*=\s*(\(|function|async)/, 'a percentile or median (percentile, median)'],
  [/send\(\s*['\"`]Emulation\.setCPUThrottlingRate/, 'CPU throttling (openPhonePage)'],
  [/\.newContext\(/, 'a browser context (openPhonePage)'],
  [/\bfunction\s+(watchFirstCard|waitInPage)\b/, 'a page waiter (watchFirstCard, waitInPage)'],
]

describe('the benchmarks share one browser harness', () => {
  const files = scriptFiles('scripts').filter((file) => file !== HARNESS)

  test.each(HARNESS_ONLY.map(([pattern, what]) => [what, pattern] as const))('no script but the harness has %s', (_what, pattern) => {
    expect(files.filter((file) => pattern.test(fs.readFileSync(path.join(root, file), 'utf8')))).toEqual([])
  })

  test('every script that opens the browser takes it from the harness', () => {
    const browserScripts = files.filter((file) => /launchChromium|openPhonePage/.test(fs.readFileSync(path.join(root, file), 'utf8')) && !file.endsWith('chromium.cjs'))
    expect(browserScripts.length).toBeGreaterThanOrEqual(4)
    expect(browserScripts.filter((file) => !/from '\.\/harness'/.test(fs.readFileSync(path.join(root, file), 'utf8')))).toEqual([])
  })
})

describe('the figures', () => {
  test('percentile is the nearest rank, in any order', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2)
    expect(percentile([1, 2, 3, 4], 75)).toBe(3)
    expect(percentile([1, 2, 3, 4], 95)).toBe(4)
    expect(percentile([7], 0)).toBe(7)
    expect(percentile([], 50)).toBe(0)
  })

  test('median takes the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
})
