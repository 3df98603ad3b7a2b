// Runs WeChat's miniprogram-ci on a weapp build, offline, in its own Node process, and prints one
// JSON line: { compiledFiles, quality, compileMs, qualityMs, requests, blocked }.
// Why a separate process: miniprogram-ci forks a compiler worker, starts a file watcher and keeps
// both alive; run inside jest they would hold the test run open.
//
// Offline, for certain:
// - `attr` returns the package's own DefaultProjectAttr, so it never asks WeChat for the
//   project's attributes (without it, it fails at once with no network);
// - its one remaining look-up, getwhiteextlist (the list of file extensions an upload may carry),
//   goes through dist/utils/request, which is replaced below by a stub that records the URL and
//   fails; miniprogram-ci then falls back to its built-in list, as it does when the server is down;
// - offline-guard.cjs (loaded with --require, so also inside the forked worker) makes every socket
//   connect and DNS look-up throw and records it: "blocked" must come back empty.
const path = require('node:path')
const { blocked } = require('./offline-guard.cjs')

const requests = []
const requestModule = require.resolve('miniprogram-ci/dist/utils/request')
const offline = async (options) => {
  requests.push(String(options && options.url))
  throw new Error('no network in tests')
}
require.cache[requestModule] = {
  id: requestModule,
  filename: requestModule,
  loaded: true,
  exports: { request: offline, simpleRequest: offline, setCiProxy() {}, getCiProxy() {}, initGlobalProxy() {} },
}

async function main() {
  const projectPath = path.resolve(process.argv[2])
  // miniprogram-ci logs progress on stdout; keep stdout for the one JSON line.
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = (chunk, ...rest) => process.stderr.write(chunk, ...rest)
  const ci = require('miniprogram-ci')
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config')
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKey: 'dummy',
    attr: async () => DefaultProjectAttr,
  })
  let started = Date.now()
  // The same settings an upload uses (README 发布).
  const compiled = await ci.getCompiledResult({
    project,
    setting: { es7: true, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true },
  })
  const compileMs = Date.now() - started
  started = Date.now()
  const quality = await ci.checkCodeQuality(project)
  const qualityMs = Date.now() - started
  write(`${JSON.stringify({ compiledFiles: Object.keys(compiled).sort(), quality, compileMs, qualityMs, requests, blocked })}\n`)
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`miniprogram-ci failed: ${error && error.stack ? error.stack : error}\n`)
    process.exit(1)
  },
)
