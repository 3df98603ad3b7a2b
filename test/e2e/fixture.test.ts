// The H5 fixture's own promises, checked once so every journey can rely on them: a request to
// another host and an uncaught page error each fail the journey that caused them.
import fs from 'node:fs'
import path from 'node:path'
import { resultsDir, useH5 } from './support/h5'

jest.setTimeout(30_000)
const journey = useH5()

// These journeys fail on purpose; their failure screenshots would only mislead.
afterAll(() => {
  for (const name of ['fixture-foreign-request', 'fixture-page-error']) fs.rmSync(path.join(resultsDir, `${name}.png`), { force: true })
})

test('a request leaving 127.0.0.1 is blocked and fails the journey', async () => {
  const run = journey('fixture-foreign-request', async ({ page, visit }) => {
    await visit()
    await page.evaluate(() => fetch('http://example.com/tracker.js').catch(() => 'blocked'))
  })
  await expect(run()).rejects.toThrow(/request leaving 127\.0\.0\.1: http:\/\/example\.com\/tracker\.js/)
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
