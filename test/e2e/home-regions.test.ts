// Home in the H5 build as the library grows: the list comes a page at a time while scrolling
// (to 没有更多了), 更多地区 picks a city from every province with counts, by touch and by
// keyboard, and a link naming a city opens home on it. Cases come from the packaged data.
import type { Locator, Page } from 'playwright-core'
import type { ArticleDataset } from '../../src/core/article'
import { LIST_PAGE_SIZE, newestFirst } from '../../src/core/filters'
import { homeRoute } from '../../src/core/routes'
import datasetJson from '../../src/data/articles.json'
import { useH5 } from './support/h5'

jest.setTimeout(60_000)

const { articles, provinces } = datasetJson as unknown as ArticleDataset
const journey = useH5()

const shown = (locator: Locator) => locator.filter({ visible: true }).first()
const cardCount = (page: Page) => page.locator('.article-card').filter({ visible: true }).count()
const dialog = (page: Page) => page.getByRole('dialog', { name: '选择地区' })
const moreRegions = (page: Page) => shown(page.getByRole('button', { name: /^更多地区/ }))

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000) {
  const start = Date.now()
  let last = await read()
  while (!ok(last) && Date.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    last = await read()
  }
  if (!ok(last)) throw new Error(`${what}: still ${String(last)} after ${timeoutMs} ms`)
  return last
}

// The province with the most cities, and the city there with the most articles.
const province = [...provinces].sort((a, b) => b.cities.length - a.cities.length)[0]
const inCity = (city: string) => articles.filter((a) => a.region?.province === province.province && a.region.city === city)
const city = [...province.cities].sort((a, b) => inCity(b).length - inCity(a).length)[0]

test(
  'scrolling down loads the list a page at a time, to 没有更多了',
  journey('home-scroll-loads-more', async ({ page, visit }) => {
    await visit()
    await shown(page.getByText(`共 ${articles.length} 篇`, { exact: true })).waitFor()
    await eventually(() => cardCount(page), (n) => n === LIST_PAGE_SIZE, 'first page of cards')
    await shown(page.getByText('加载中…', { exact: true })).waitFor()
    // Big wheel turns: each lands at the very bottom in one jump, the case Taro's own
    // onReachBottom alone misses after the first page.
    for (let turn = 0; turn < 20 && !(await page.getByText('没有更多了').isVisible()); turn++) {
      await page.mouse.move(195, 500)
      await page.mouse.wheel(0, 5000)
      await page.waitForTimeout(150)
    }
    await shown(page.getByText('没有更多了', { exact: true })).waitFor()
    expect(await cardCount(page)).toBe(articles.length)
    const ids = await page.locator('.article-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-article-id')))
    expect(ids).toEqual(newestFirst(articles).map((a) => a.id))
  }),
)

test(
  'a city picked in 更多地区 narrows the list to it, and 全部地区 brings everything back',
  journey('home-more-regions-city', async ({ page, visit }) => {
    await visit()
    await shown(page.getByText(`共 ${articles.length} 篇`, { exact: true })).waitFor()
    await moreRegions(page).click()
    await dialog(page).waitFor()
    // Every province with articles, each with its count; the list is out of the way.
    for (const p of provinces) {
      const count = articles.filter((a) => a.region?.province === p.province).length
      await dialog(page).getByRole('button', { name: new RegExp(`^${p.province}，${count} 篇`) }).waitFor()
    }
    expect(await cardCount(page)).toBe(0)
    const box = await dialog(page).getByRole('button', { name: new RegExp(`^${province.province}，`) }).boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)

    await dialog(page).getByRole('button', { name: new RegExp(`^${province.province}，`) }).click()
    const cityButton = dialog(page).getByRole('button', { name: `${city}，${inCity(city).length} 篇` })
    expect((await cityButton.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    await cityButton.click()

    await shown(page.getByText(`共 ${inCity(city).length} 篇`, { exact: true })).waitFor()
    expect(await dialog(page).count()).toBe(0)
    await shown(page.locator('.home__region')).getByText(`${province.province} · ${city}`).waitFor()
    const ids = await page.locator('.article-card').filter({ visible: true }).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-article-id')))
    expect(ids.sort()).toEqual(inCity(city).map((a) => a.id).sort())

    await moreRegions(page).click()
    await dialog(page).getByRole('button', { name: /^全部地区/ }).click()
    await shown(page.getByText(`共 ${articles.length} 篇`, { exact: true })).waitFor()
  }),
)

test(
  '更多地区 works from the keyboard: Enter opens it at its heading, Escape returns to the button',
  journey('home-more-regions-keyboard', async ({ page, visit }) => {
    await visit()
    await moreRegions(page).focus()
    await page.keyboard.press('Enter')
    await dialog(page).waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('选择地区')
    // Tab reaches 关闭 and the options; Enter on a province opens its cities.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('关闭，回到文章列表')
    const row = dialog(page).getByRole('button', { name: new RegExp(`^${province.province}，`) })
    await row.focus()
    await page.keyboard.press('Enter')
    expect(await row.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Escape')
    await eventually(() => dialog(page).count(), (n) => n === 0, 'picker closed')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^更多地区/)
  }),
)

test(
  'a link naming a province and city opens home on that city',
  journey('home-city-link', async ({ page, visit }) => {
    await visit(homeRoute({ province: province.province, city, topic: null }))
    await shown(page.getByText(`共 ${inCity(city).length} 篇`, { exact: true })).waitFor()
    await shown(page.locator('.home__region')).getByText(`${province.province} · ${city}`).waitFor()
  }),
)
