// 纠错 in the compiled mini-program: the article page, rendered by miniprogram-simulate with
// Taro's real runtime, has a button with open-type="feedback" (WeChat's own 投诉与反馈 page)
// labelled 内容有误？去反馈, after the disclaimers. simulate draws built-in tags as placeholders
// without their attributes, so the open-type is read where WeChat reads it: the button template
// of the build's base.wxml binds open-type to one field of the node, and the page's render data
// gives that field for the button drawn.
import fs from 'node:fs'
import path from 'node:path'
import type { Article, ArticleDataset } from '../../src/core/article'
import datasetJson from '../../src/data/articles.json'
import { launchSimulated, type SimulatedProgram } from './support/simulate'

jest.setTimeout(60_000)

const { articles, disclaimers } = datasetJson as unknown as ArticleDataset
const article = articles.find((a) => a.fullText) as Article

let program: SimulatedProgram
beforeAll(() => {
  program = launchSimulated()
})
afterAll(() => program?.close())

/** Every node of Taro's render tree in the page's data, by its sid. */
function nodesBySid(data: unknown): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>()
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object') return
    if (Array.isArray(value)) return value.forEach(walk)
    const node = value as Record<string, unknown>
    if (typeof node.sid === 'string') found.set(node.sid, node)
    Object.values(node).forEach(walk)
  }
  walk(data)
  return found
}

test('the article page offers WeChat\'s feedback page as a button, after the disclaimers', async () => {
  const page = await program.open(`/pages/detail/index?id=${encodeURIComponent(article.id)}`)
  try {
    await page.waitFor((p) => p.texts().includes(article.title))
    const label = Array.from(page.root.querySelectorAll('wx-text')).filter((el) => el.textContent?.trim() === '内容有误？去反馈')
    expect(label).toHaveLength(1)
    const button = label[0].closest('wx-button') as Element
    expect(button).not.toBeNull()

    const baseWxml = fs.readFileSync(path.join(program.dir, 'base.wxml'), 'utf8')
    const field = /<button [^>]*open-type="\{\{i\.(\w+)\}\}"/.exec(baseWxml)?.[1]
    expect(field).toBeDefined()
    const node = nodesBySid(page.instance.data).get(button.getAttribute('data-sid') as string)
    expect(node?.[field as string]).toBe('feedback')

    const texts = page.texts()
    expect(texts.indexOf('内容有误？去反馈')).toBeGreaterThan(texts.indexOf(disclaimers.sourceNotice))
    expect(program.errors).toEqual([])
  } finally {
    page.unload()
  }
})
