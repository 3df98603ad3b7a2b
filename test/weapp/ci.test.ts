// WeChat's own upload tooling on the build: miniprogram-ci 2.1.42 compiles dist/weapp as an upload
// would (es7 + every minify setting) and runs its code-quality check (代码质量), offline.
// support/miniprogram-ci-run.cjs says how it is kept off the network; this test asserts it.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { allPageRoutes, readAppJson, repoRoot, weappDir } from './support/dist'

interface QualityItem {
  name: string
  success: boolean
  text: string
  detail?: unknown
}
interface CiResult {
  compiledFiles: string[]
  quality: QualityItem[]
  compileMs: number
  qualityMs: number
  requests: string[]
  blocked: string[]
}

// The compile takes ~7 s on an idle 2-core machine and several times that on a busy one.
jest.setTimeout(240_000)

const dir = weappDir()
let result: CiResult
let workerBlocked: string[]

beforeAll(async () => {
  const guard = path.join(__dirname, 'support', 'offline-guard.cjs')
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ci-offline-')), 'blocked.log')
  fs.writeFileSync(log, '')
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(__dirname, 'support', 'miniprogram-ci-run.cjs'), dir],
      {
        cwd: repoRoot,
        env: { ...process.env, NODE_OPTIONS: `--require ${guard}`, OFFLINE_GUARD_LOG: log },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 220_000,
      },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err.slice(-4000)}`)) : resolve(out)),
    )
  })
  result = JSON.parse(stdout.trim().split('\n').pop() as string)
  workerBlocked = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean)
  console.log(
    `miniprogram-ci: compiled ${result.compiledFiles.length} files in ${result.compileMs} ms, ` +
      `code quality ${result.quality.filter((q) => q.success).length}/${result.quality.length} in ${result.qualityMs} ms`,
  )
})

test('the upload compile (es7, minify JS/WXML/WXSS, autoprefix) succeeds and carries every page', () => {
  for (const route of allPageRoutes(readAppJson(dir))) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(result.compiledFiles).toContain(`${route}.${ext}`)
  }
  expect(result.compiledFiles).toEqual(expect.arrayContaining(['app.js', 'app.json', 'app.wxss']))
})

test('every code-quality item passes (lazyCodeLoading, JS/WXML/WXSS compression, sizes, unused code)', () => {
  const names = result.quality.map((q) => q.name)
  expect(names).toEqual(
    expect.arrayContaining(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN']),
  )
  expect(result.quality.filter((q) => !q.success).map((q) => `${q.name}: ${q.text}`)).toEqual([])
})

test('nothing reached the network: the one white-list look-up hit the stub, no socket or DNS call was made', () => {
  expect(result.requests).toEqual(['https://servicewechat.com/wxa/ci/getwhiteextlist'])
  expect(result.blocked).toEqual([])
  expect(workerBlocked).toEqual([])
})
