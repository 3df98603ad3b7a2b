// The layer order of eslint.config.mjs is a rule that fails, not a comment: each probe below is
// linted as if it were a file at that path, by ESLint's own Node API with the project's config.
// Runs in a child process because ESLint loads its flat config with import(), which jest's
// module sandbox does not offer. Probes sit in existing folders: the import resolver needs the
// importing folder to exist.
import { execFileSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')

interface Probe {
  filePath: string
  code: string
}

interface LintMessage {
  ruleId: string | null
  severity: number
  message: string
}

const probes: Record<string, Probe> = {
  platformImportsFeature: { filePath: 'src/platform/probe.ts', code: "import { shareOriginOf } from '../features/share/links'\nexport const probe = shareOriginOf\n" },
  platformImportsStore: { filePath: 'src/platform/probe.ts', code: "import { useAppStore } from '../stores/appStore'\nexport const probe = useAppStore\n" },
  platformImportsCore: { filePath: 'src/platform/probe.ts', code: "import { APP_NAME } from '../core/text'\nexport const probe = APP_NAME\n" },
  coreImportsTaro: { filePath: 'src/core/probe.ts', code: "import Taro from '@tarojs/taro'\nexport const probe = Taro\n" },
  coreImportsData: { filePath: 'src/core/probe.ts', code: "import { articles } from '../data/index'\nexport const probe = articles\n" },
  componentImportsFeature: { filePath: 'src/components/SearchBar/probe.tsx', code: "import { shareOriginOf } from '../../features/share/links'\nexport const probe = shareOriginOf\n" },
  featureImportsPage: { filePath: 'src/features/share/probe.ts', code: "import SearchPage from '../../pages/search/index'\nexport const probe = SearchPage\n" },
  pageImportsEverything: {
    filePath: 'src/pages/search/probe.ts',
    code: "import { APP_NAME } from '../../core/text'\nimport { shareOriginOf } from '../../features/share/links'\nimport { useAppStore } from '../../stores/appStore'\nexport const probe = [APP_NAME, shareOriginOf, useAppStore]\n",
  },
  unresolvedImport: { filePath: 'src/platform/probe.ts', code: "import { missing } from '../features/share/no-such-file'\nexport const probe = missing\n" },
  needlessDisable: { filePath: 'src/core/probe.ts', code: '// eslint-disable-next-line no-console\nexport const probe = 1\n' },
}

function lint(all: Record<string, Probe>): Record<string, LintMessage[]> {
  const script = `
    import { ESLint } from 'eslint'
    const probes = JSON.parse(process.argv[1])
    const eslint = new ESLint({ cwd: process.cwd() })
    const out = {}
    for (const [name, probe] of Object.entries(probes)) {
      const [result] = await eslint.lintText(probe.code, { filePath: probe.filePath })
      out[name] = result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }))
    }
    process.stdout.write(JSON.stringify(out))
  `
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(all)], { cwd: root, encoding: 'utf8' })
  return JSON.parse(output) as Record<string, LintMessage[]>
}

let results: Record<string, LintMessage[]>
beforeAll(() => {
  results = lint(probes)
}, 60_000)

function errors(name: string, ruleId: string): LintMessage[] {
  return results[name].filter((m) => m.severity === 2 && m.ruleId === ruleId)
}

describe('the layer rule', () => {
  it('fails an import from src/platform into src/features, saying why', () => {
    const found = errors('platformImportsFeature', 'import/no-restricted-paths')
    expect(found).toHaveLength(1)
    expect(found[0].message).toMatch(/platform may import only core/)
  })

  it('fails the other upward imports', () => {
    expect(errors('platformImportsStore', 'import/no-restricted-paths')).toHaveLength(1)
    expect(errors('coreImportsData', 'import/no-restricted-paths')).toHaveLength(1)
    expect(errors('componentImportsFeature', 'import/no-restricted-paths')).toHaveLength(1)
    expect(errors('featureImportsPage', 'import/no-restricted-paths')).toHaveLength(1)
  })

  it('keeps core free of Taro', () => {
    expect(errors('coreImportsTaro', 'no-restricted-imports')).toHaveLength(1)
  })

  it('lets imports go down the layers', () => {
    expect(results.platformImportsCore).toEqual([])
    expect(results.pageImportsEverything).toEqual([])
  })

  it('does not let an import escape the rule by not resolving', () => {
    expect(errors('unresolvedImport', 'import/no-unresolved')).toHaveLength(1)
  })
})

it('a disable comment that suppresses nothing is an error', () => {
  expect(results.needlessDisable.filter((m) => m.severity === 2 && /Unused eslint-disable directive/.test(m.message))).toHaveLength(1)
})
