// The developer command: npm run --silent search -- --json "<query>".
import { spawnSync } from 'child_process'
import { join } from 'path'

const ROOT = join(__dirname, '../..')
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs')

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, 'scripts/tools/search.ts', ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('scripts/tools/search.ts', () => {
  it('prints only a JSON array of {id, title, score}, best first, at most 10', () => {
    const { status, stdout, stderr } = run('--json', '扬州 断缴')
    expect(status).toBe(0)
    expect(stderr).toBe('')
    const rows = JSON.parse(stdout)
    // The two articles with both words first; articles with one of them may follow.
    expect(rows.slice(0, 2).map((r: { title: string }) => r.title).sort()).toEqual([
      '2025江苏扬州医保断缴影响报销吗',
      '2025江苏扬州自由职业者医保断缴怎么补划算',
    ])
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['id', 'score', 'title'])
      expect(row.id).toMatch(/^[0-9a-z]{10}$/)
      expect(typeof row.score).toBe('number')
    }
    const broad = JSON.parse(run('--json', '医保').stdout)
    expect(broad).toHaveLength(10)
    for (let i = 1; i < broad.length; i++) expect(broad[i].score).toBeGreaterThanOrEqual(broad[i - 1].score)
  })

  it('is the command the issue names (npm run --silent search -- --json)', () => {
    const result = spawnSync('npm', ['run', '--silent', 'search', '--', '--json', 'shuozhou jiaolv'], { cwd: ROOT, encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)[0].title).toBe('2025年山西朔州治疗焦虑的医院有哪些')
  })

  it('prints [] and exits 0 for a query with nothing to search', () => {
    for (const query of ['', '   ', '😀', '.*+?[](){}|\\']) {
      const { status, stdout } = run('--json', query)
      expect(status).toBe(0)
      expect(JSON.parse(stdout)).toEqual([])
    }
  })

  it('explains usage errors on stderr and exits 2', () => {
    for (const args of [['--json'], [], ['--bogus', '扬州'], ['--limit', '0', '扬州'], ['--limit', '11', '扬州']]) {
      const { status, stdout, stderr } = run(...args)
      expect(status).toBe(2)
      expect(stdout).toBe('')
      expect(stderr).toMatch(/Usage: npm run --silent search/)
    }
  })

  it('prints a readable list without --json', () => {
    const { status, stdout } = run('朔州听力下将')
    expect(status).toBe(0)
    expect(stdout).toContain('2025年山西【朔州】治疗【听力下降】的医院有哪些')
    // Articles with only some of the words say so.
    const lines = run('扬州 断缴').stdout.split('\n')
    expect(lines.filter((line) => line.includes('partial')).length).toBeGreaterThan(0)
    expect(lines.slice(0, 4).some((line) => line.includes('partial'))).toBe(false)
  })
})
