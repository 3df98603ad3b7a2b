// A second, different build of the H5 site, for tests of what a reader sees across an update:
// the repository copied to a temporary folder (node_modules linked, no dist), one source touched
// so the app's script changes name, then the real `taro build --type h5`, the edition and prerender. Takes a
// few minutes on 2 cores; TEST_NEXT_DIST_DIR (a folder holding such a build's h5/) skips it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from './h5'

function run(cwd: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, TARO_BUILD_CACHE: '0', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000)
    }
    child.stdout!.on('data', keep)
    child.stderr!.on('data', keep)
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`))))
  })
}

/** The h5 folder of a next build, and a cleanup that removes what was made for it. */
export async function nextH5Build(): Promise<{ dir: string; remove: () => void }> {
  if (process.env.TEST_NEXT_DIST_DIR) return { dir: path.join(path.resolve(process.env.TEST_NEXT_DIST_DIR), 'h5'), remove: () => undefined }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'health-news-next-'))
  const remove = () => fs.rmSync(copy, { recursive: true, force: true })
  try {
    const skipped = new Set(['node_modules', 'dist', '.git', 'test-results', '.swc'])
    fs.cpSync(repoRoot, copy, { recursive: true, filter: (source) => source === repoRoot || !skipped.has(path.relative(repoRoot, source).split(path.sep)[0]) })
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'))
    // A change the minifier keeps: the app's script gets a new content hash, as after any edit.
    fs.appendFileSync(path.join(copy, 'src', 'app.ts'), `\n;(globalThis as unknown as Record<string, unknown>).__healthNewsNextBuild = '${Date.now()}'\n`)
    const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name)
    await run(copy, bin('taro'), ['build', '--type', 'h5'])
    await run(copy, bin('tsx'), ['scripts/pipeline/write-edition.ts'])
    await run(copy, bin('tsx'), ['scripts/site/prerender.ts'])
    return { dir: path.join(copy, 'dist', 'h5'), remove }
  } catch (error) {
    remove()
    throw error
  }
}
