// The H5 fixture's own promises, checked once so every journey can rely on them: a request to
// another host, an uncaught page error and a Content-Security-Policy violation each fail the
// journey that caused them.
import fs from 'node:fs'
import path from 'node:path'
import { resultsDir, useH5 } from './support/h5'

jest.setTimeout(30_000)
const journey = useH5()

// These journeys fail on purpose; their failure screenshots would only mislead.
afterAll(() => {
  for (const name of ['fixture-foreign-request', 'fixture-page-error', 'fixture-policy-violation']) fs.rmSync(path.join(resultsDir, `${name}.png`), { force: true })
})

test('a request leaving 127.0.0.1 is blocked and fails the journey', async () => {
  const run = journey('fixture-foreign-request', async ({ page, visit }) => {
    await visit()
    // A navigation: the pages' policy refuses a fetch or script from elsewhere before it is
    // sent, but not leaving the page, so this is what reaches the fixture's request guard.
    const refused = page.waitForEvent('requestfailed')
    await page.evaluate(() => {
      window.location.href = 'http://example.com/tracker.js'
    })
    await refused
  })
  await expect(run()).rejects.toThrow(/request leaving 127\.0\.0\.1: http:\/\/example\.com\/tracker\.js/)
})

test('a Content-Security-Policy violation fails the journey', async () => {
  const run = journey('fixture-policy-violation', async ({ page, visit }) => {
    await visit()
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__hnInjected = 1'
      document.body.appendChild(script)
    })
  })
  await expect(run()).rejects.toThrow(/Content-Security-Policy violation: script-src-elem refused inline/)
})

test('an uncaught page error fails the journey', async () => {
  const run = journey('fixture-page-error', async ({ page, visit }) => {
    await visit()
    const thrown = page.waitForEvent('pageerror')
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('boom from the page')
      })
    })
    await thrown
  })
  await expect(run()).rejects.toThrow(/page error: .*boom from the page/)
})
