// Each `.weapp.ts` / `.h5.ts` pair must export the same names with the same types: code type-checks
// against the H5 variant (the plain `.ts` file re-exports it for tsc and jest), and the weapp build
// swaps in the other file, so a name only one of them has is undefined on the other target.
// Two checks: tsc (`npm run typecheck`) proves the types identical through PAIRS below, and this
// test finds every pair under src/ by itself, compares the exported names and insists that each
// pair is listed in PAIRS, so a new pair cannot skip the type check.
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import type * as ArticleImagesLoaderH5 from '../../src/features/share/articleImagesLoader.h5'
import type * as ArticleImagesLoaderWeapp from '../../src/features/share/articleImagesLoader.weapp'
import type * as DataLoaderH5 from '../../src/data/loader.h5'
import type * as DataLoaderWeapp from '../../src/data/loader.weapp'
import type * as ClipboardH5 from '../../src/platform/clipboard.h5'
import type * as ClipboardWeapp from '../../src/platform/clipboard.weapp'
import type * as ComponentStylesH5 from '../../src/platform/componentStyles.h5'
import type * as ComponentStylesWeapp from '../../src/platform/componentStyles.weapp'
import type * as EditionH5 from '../../src/platform/edition.h5'
import type * as EditionWeapp from '../../src/platform/edition.weapp'
import type * as FeedbackH5 from '../../src/platform/feedback.h5'
import type * as FeedbackWeapp from '../../src/platform/feedback.weapp'
import type * as FocusH5 from '../../src/platform/focus.h5'
import type * as FocusWeapp from '../../src/platform/focus.weapp'
import type * as NearEndH5 from '../../src/platform/nearEnd.h5'
import type * as NearEndWeapp from '../../src/platform/nearEnd.weapp'
import type * as PageUrlH5 from '../../src/platform/pageUrl.h5'
import type * as PlainElementsH5 from '../../src/platform/plainElements.h5'
import type * as PlainElementsWeapp from '../../src/platform/plainElements.weapp'
import type * as PageUrlWeapp from '../../src/platform/pageUrl.weapp'
import type * as ServiceWorkerH5 from '../../src/platform/serviceWorker.h5'
import type * as ServiceWorkerWeapp from '../../src/platform/serviceWorker.weapp'
import type * as ShareH5 from '../../src/platform/share.h5'
import type * as ShareWeapp from '../../src/platform/share.weapp'
import type { SharePlatform } from '../../src/platform/shareContract'
import type * as KeyboardH5 from '../../src/platform/keyboard.h5'
import type * as KeyboardWeapp from '../../src/platform/keyboard.weapp'
import type * as SystemFontH5 from '../../src/platform/systemFont.h5'
import type * as SystemFontWeapp from '../../src/platform/systemFont.weapp'

/** true only when A and B are assignable both ways: same names, same types. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

// A drift in any pair turns one of these `true`s into a type error.
const PAIRS: Record<string, [true, true?]> = {
  'features/share/articleImagesLoader': [true as Same<typeof ArticleImagesLoaderWeapp, typeof ArticleImagesLoaderH5>],
  'data/loader': [true as Same<typeof DataLoaderWeapp, typeof DataLoaderH5>],
  'platform/clipboard': [true as Same<typeof ClipboardWeapp, typeof ClipboardH5>],
  'platform/componentStyles': [true as Same<typeof ComponentStylesWeapp, typeof ComponentStylesH5>],
  'platform/edition': [true as Same<typeof EditionWeapp, typeof EditionH5>],
  'platform/feedback': [true as Same<typeof FeedbackWeapp, typeof FeedbackH5>],
  'platform/focus': [true as Same<typeof FocusWeapp, typeof FocusH5>],
  'platform/nearEnd': [true as Same<typeof NearEndWeapp, typeof NearEndH5>],
  'platform/pageUrl': [true as Same<typeof PageUrlWeapp, typeof PageUrlH5>],
  'platform/plainElements': [true as Same<typeof PlainElementsWeapp, typeof PlainElementsH5>],
  'platform/serviceWorker': [true as Same<typeof ServiceWorkerWeapp, typeof ServiceWorkerH5>],
  // share has a written contract too: both variants are exactly SharePlatform.
  'platform/share': [true as Same<typeof ShareWeapp, SharePlatform>, true as Same<typeof ShareH5, SharePlatform>],
  'platform/keyboard': [true as Same<typeof KeyboardWeapp, typeof KeyboardH5>],
  'platform/systemFont': [true as Same<typeof SystemFontWeapp, typeof SystemFontH5>],
}

const srcDir = path.resolve(__dirname, '../../src')

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : [full]
  })
}

/** The names a module exports, read from its syntax (value and type exports alike). */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const names: string[] = []
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) || []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) {
        throw new Error(`${file}: \`export *\` hides what a variant exports; name the exports`)
      }
      names.push(...statement.exportClause.elements.map((e) => e.name.text))
    } else if (ts.isExportAssignment(statement)) {
      names.push('default')
    } else if (isExported(statement)) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text)
      } else if (
        (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
        statement.name
      ) {
        names.push(statement.name.text)
      }
    }
  }
  return names.sort()
}

const pairs = walk(srcDir)
  .filter((file) => file.endsWith('.weapp.ts'))
  .map((weapp) => ({ key: path.relative(srcDir, weapp).replace(/\\/g, '/').replace(/\.weapp\.ts$/, ''), weapp, h5: weapp.replace(/\.weapp\.ts$/, '.h5.ts') }))

it('finds the pairs (a broken search would make every other check pass vacuously)', () => {
  expect(pairs.map((p) => p.key)).toEqual(expect.arrayContaining(['platform/share', 'platform/clipboard']))
})

it('every .weapp.ts has its .h5.ts and a plain .ts for tsc and jest, and every .h5.ts its .weapp.ts', () => {
  for (const pair of pairs) {
    expect(fs.existsSync(pair.h5) ? pair.key : `${pair.key}: no .h5.ts`).toBe(pair.key)
    expect(fs.existsSync(path.join(srcDir, `${pair.key}.ts`)) ? pair.key : `${pair.key}: no .ts`).toBe(pair.key)
  }
  const lonelyH5 = walk(srcDir).filter((file) => file.endsWith('.h5.ts') && !fs.existsSync(file.replace(/\.h5\.ts$/, '.weapp.ts')))
  expect(lonelyH5).toEqual([])
})

describe.each(pairs)('$key', ({ key, weapp, h5 }) => {
  it('exports the same names on weapp and H5', () => {
    const names = exportedNames(weapp)
    expect(names.length).toBeGreaterThan(0)
    expect(exportedNames(h5)).toEqual(names)
  })

  it('has its types compared by tsc (listed in PAIRS)', () => {
    expect(PAIRS[key]).toBeDefined()
  })
})
