// WeChat's own WXML/WXSS compilers (wcc/wcsc, shipped as Linux binaries in the npm package
// miniprogram-compiler). DevTools runs the same compilers, so a template or style that fails
// here would fail to open in DevTools or on a phone.
//
// The compiled WXML can also be *rendered*: `$gwx(page)(data)` turns a page's data into the
// virtual tree WeChat's view layer would draw (compile.test.ts renders every page with no data).
// Pages with Taro's runtime are rendered by simulate.ts, through miniprogram-simulate.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

// miniprogram-compiler ships no type declarations, hence the typed requires.
const { wxmlToJs } = require('miniprogram-compiler') as {
  wxmlToJs: (root: string, options: { maxBuffer: number }) => string
}
// The package's wxssToJs swallows wcsc's error text (it returns an Error where it should throw),
// so the inner function is called directly to report file, line and column.
const wcsc = require('miniprogram-compiler/src/wcsc') as (
  root: string,
  files: string[],
  options: { maxBuffer: number },
) => Record<string, string> | Error

// Taro's base.wxml alone compiles to well over the package's 1 MB default stdout buffer.
const maxBuffer = 256 * 1024 * 1024

export interface WxmlNode {
  tag: string
  attr: Record<string, unknown>
  children: (WxmlNode | string)[]
}

export type WxmlRenderer = (file: string, data: Record<string, unknown>) => WxmlNode

function filesWithExtension(root: string, ext: string, dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesWithExtension(root, ext, full)
    return entry.name.endsWith(ext) ? [path.relative(root, full).split(path.sep).join('/')] : []
  })
}

/** Compiles every .wxml/.wxs of the build with wcc. Throws wcc's message (file:line:col) on error. */
export function compileWxml(weappDir: string): WxmlRenderer {
  const source = wxmlToJs(weappDir, { maxBuffer })
  // The generated code expects a browser-like view layer: `window` and `global` are its scope.
  // wcc's runtime reports problems such as a missing template through console.warn/error; on a
  // phone those leave part of the page blank, so here they fail the render.
  const problems: string[] = []
  const report = (...args: unknown[]) => void problems.push(args.map(String).join(' '))
  const scope: Record<string, unknown> = { console: { log: () => {}, info: () => {}, debug: () => {}, warn: report, error: report } }
  scope.window = scope
  scope.global = scope
  vm.createContext(scope)
  const gwx = vm.runInContext(`(function (global) {${source}\n})`, scope, { filename: 'wcc-output.js' })(scope)
  // WXS helpers copy their arguments only when `value.constructor === Object` of *their* realm,
  // so the data must be created inside the vm context (as the view layer receives JSON anyway).
  const parseInScope = vm.runInContext('JSON.parse', scope) as (json: string) => unknown
  return (file, data) => {
    const generate = gwx(file)
    if (typeof generate !== 'function') throw new Error(`wcc produced no template for ${file}`)
    problems.length = 0
    const tree = generate(parseInScope(JSON.stringify(data)), {}, {}) as WxmlNode
    if (problems.length) throw new Error(`WXML of ${file} did not render cleanly:\n${problems.join('\n')}`)
    return tree
  }
}

/** Compiles every .wxss of the build with wcsc. Returns the compiled file names; throws on error. */
export function compileWxss(weappDir: string): string[] {
  const files = filesWithExtension(weappDir, '.wxss').map((file) => file.replace(/\.wxss$/, ''))
  const result = wcsc(weappDir, files, { maxBuffer })
  if (result instanceof Error) throw result
  return Object.keys(result).filter((key) => key.endsWith('.wxss') && !key.startsWith('./'))
}

export function listWxml(weappDir: string): string[] {
  return filesWithExtension(weappDir, '.wxml')
}
