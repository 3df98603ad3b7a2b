// The weapp build as WeChat would receive it: every WXML and WXSS file goes through WeChat's own
// compilers (wcc/wcsc), every script is ES5, and every page in app.json has its four files.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { allPageRoutes, readAppJson, repoRoot, weappDir } from './support/dist'
import { compileWxml, compileWxss, listWxml } from './support/wechat-compilers'

const dir = weappDir()

test('every WXML file compiles with wcc and every page renders a template', () => {
  const render = compileWxml(dir)
  const files = listWxml(dir)
  expect(files.length).toBeGreaterThan(0)
  for (const route of allPageRoutes(readAppJson(dir))) {
    expect(files).toContain(`${route}.wxml`)
    // Rendered with no data (Taro's own payload format is its private business).
    expect(render(`${route}.wxml`, {}).tag).toBe('wx-page')
  }
})

test('every WXSS file compiles with wcsc', () => {
  const compiled = compileWxss(dir)
  expect(compiled).toContain('app.wxss')
})

test('every page in app.json has its script, config and template', () => {
  for (const route of allPageRoutes(readAppJson(dir))) {
    for (const ext of ['js', 'json', 'wxml']) {
      expect({ file: `${route}.${ext}`, exists: fs.existsSync(path.join(dir, `${route}.${ext}`)) }).toEqual({ file: `${route}.${ext}`, exists: true })
    }
  }
})

test('all weapp JavaScript is ES5', () => {
  const esCheck = path.join(repoRoot, 'node_modules', '.bin', 'es-check')
  let output = ''
  try {
    execFileSync(esCheck, ['es5', path.join(dir, '**', '*.js'), '--noColor'], { stdio: 'pipe' })
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer }
    output = `${e.stdout ?? ''}${e.stderr ?? ''}`
  }
  expect(output).toBe('')
})
