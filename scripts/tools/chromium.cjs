// One place for how every H5 tool drives the browser: Debian's /usr/bin/chromium through
// playwright-core (never `npx playwright install`: it downloads from outside the npm registry),
// the flags from platform.md, and a phone-sized page. Used by the e2e tests (test/e2e) and
// the browser harness of the benchmarks (scripts/bench/harness.ts). CommonJS so that both jest
// (no ESM transform) and the .mjs scripts can load it.
const fs = require('node:fs')
const { chromium } = require('playwright-core')

const CHROMIUM = '/usr/bin/chromium'

// Headless without a sandbox (CI runs as root), and nothing that talks to Google's servers.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A 390×844 phone (iPhone 12/13 size), touch, Chinese locale. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
}

async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run "bash scripts/tools/ensure-chromium.sh" (installs Debian's chromium and a CJK font).`)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

module.exports = { CHROMIUM, CHROMIUM_ARGS, PHONE, launchChromium }

/**
 * A persistent phone-sized context on its own profile directory (whose Default/Preferences a
 * caller may have written, e.g. a larger default font size).
 */
async function launchChromiumProfile(userDataDir) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "bash scripts/tools/ensure-chromium.sh".`)
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...PHONE })
}

module.exports.launchChromiumProfile = launchChromiumProfile
