// One mini-program build that follows a content host: the repository copied to a temporary
// folder (node_modules linked) with one saved page left out of its library, `npm run data`, then
// `npm run build:weapp` with CONTENT_BASE_URL pointing at the local host. Its own dist/weapp, so
// the repository's dist/weapp stays the default build. The page left out is what a second
// edition publishes. FOLLOWER_COPY=<dir> reuses a copy an earlier run built (the host then
// listens on the port that build was made for).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from './dist'

export interface FollowerBuild {
  /** The copy of the repository: its src/data is the packaged library, dist/weapp the build. */
  copy: string
  weappDir: string
  /** The saved page the copy's library lacks. */
  leftOut: string
  /** The base URL the build follows. */
  baseUrl: string
  buildLog: string[]
  remove(): void
}

function run(cwd: string, log: string[], command: string, args: string[], env: Record<string, string>): void {
  const started = Date.now()
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, TARO_BUILD_CACHE: '0', NODE_ENV: 'production', ...env }, maxBuffer: 64 * 1024 * 1024 })
  log.push(`${command} ${args.join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`)
}

/** The base URL a build was made for, read from its compiled code. */
function bakedBaseUrl(weappDir: string): string {
  for (const file of fs.readdirSync(weappDir).filter((f) => f.endsWith('.js'))) {
    const match = /"(http:\/\/127\.0\.0\.1:\d+\/content\/)"/.exec(fs.readFileSync(path.join(weappDir, file), 'utf8'))
    if (match) return match[1]
  }
  throw new Error(`no content host URL in ${weappDir}`)
}

export function reusedFollowerBuild(): FollowerBuild | undefined {
  const reused = process.env.FOLLOWER_COPY
  if (!reused) return undefined
  const copy = path.resolve(reused)
  const weappDir = path.join(copy, 'dist', 'weapp')
  const leftOut = fs.readFileSync(path.join(copy, 'LEFT_OUT'), 'utf8').trim()
  return { copy, weappDir, leftOut, baseUrl: bakedBaseUrl(weappDir), buildLog: ['reused'], remove: () => undefined }
}

export function buildFollower(baseUrl: string): FollowerBuild {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'health-news-follower-'))
  const remove = () => fs.rmSync(copy, { recursive: true, force: true })
  const buildLog: string[] = []
  try {
    const skipped = new Set(['node_modules', 'dist', '.git', 'test-results', '.swc'])
    fs.cpSync(repoRoot, copy, { recursive: true, filter: (source) => source === repoRoot || !skipped.has(path.relative(repoRoot, source).split(path.sep)[0]) })
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'))
    const pages = fs.readdirSync(path.join(copy, 'assets', 'articles')).filter((f) => f.endsWith('.txt')).sort()
    // The first page: the last one carries the source notice the pipeline requires once.
    const leftOut = pages[0]
    fs.rmSync(path.join(copy, 'assets', 'articles', leftOut))
    fs.writeFileSync(path.join(copy, 'LEFT_OUT'), leftOut)
    run(copy, buildLog, 'npm', ['run', '--silent', 'data'], {})
    run(copy, buildLog, 'npm', ['run', '--silent', 'build:weapp'], { CONTENT_BASE_URL: baseUrl })
    return { copy, weappDir: path.join(copy, 'dist', 'weapp'), leftOut, baseUrl, buildLog, remove }
  } catch (error) {
    remove()
    throw error
  }
}
