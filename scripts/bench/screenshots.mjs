// README screenshots of the H5 build at phone size (390×844, 2× pixels), taken in headless
// Chromium from dist/h5 (or $TEST_DIST_DIR/h5) served on 127.0.0.1:
//   docs/screenshots/home.png           the article list
//   docs/screenshots/home-filtered.png  a region tab and a topic tab chosen
//   docs/screenshots/search.png         search results for a typed query
//   docs/screenshots/detail.png         a full article with its disclaimers
//   docs/screenshots/not-found.png      a link to an article that does not exist
// The region, topic and query come from the packaged data, so the shots show real content.
//   npm run screenshots  (tsx scripts/bench/screenshots.mjs)        (build first: npm run build:h5)
import fs from 'node:fs'
import path from 'node:path'
// TypeScript modules: this script runs under tsx (npm run screenshots).
import { PART, partSelector, READY_SELECTOR } from '../../src/core/pageContract'
import { builtSiteDir, launchChromium, openPhonePage, painted, repoRoot, serveSite } from './harness'

const outDir = path.join(repoRoot, 'docs', 'screenshots')
const CARD = partSelector(PART.articleCard)

function readDataset() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'src', 'data', 'articles.json'), 'utf8'))
}

function mostCommon(values) {
  const counts = new Map()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0]?.[0]
}

/** A region + topic pair that narrows the list but still shows several articles. */
function chooseFilters(articles) {
  const province = mostCommon(articles.filter((a) => a.region).map((a) => a.region.province))
  const inProvince = articles.filter((a) => a.region?.province === province)
  const topic = mostCommon(inProvince.flatMap((a) => a.topics))
  return { province, topic }
}

async function shoot(page, name) {
  await painted(page)
  const file = path.join(outDir, `${name}.png`)
  await page.screenshot({ path: file })
  console.log(`  ${path.relative(repoRoot, file)}`)
}

async function main() {
  const { articles } = readDataset()
  const { province, topic } = chooseFilters(articles)
  const city = mostCommon(articles.filter((a) => a.region?.city).map((a) => a.region.city))
  const fullArticle = articles.find((a) => a.fullText && a.related.length > 0) ?? articles.find((a) => a.fullText) ?? articles[0]

  fs.mkdirSync(outDir, { recursive: true })
  const server = await serveSite(builtSiteDir())
  const browser = await launchChromium()
  const errors = []
  const foreign = []
  try {
    const { page } = await openPhonePage(browser, { errors, foreign })
    const open = async (route) => {
      // A fresh load per shot: no page-switch animation half way through.
      await page.goto(`${server.url}${route ? `#${route}` : ''}`)
      await page.reload()
    }
    console.log('Screenshots (390x844):')

    await open('')
    await page.locator(CARD).first().waitFor()
    await shoot(page, 'home')

    const count = page.getByText(/^共 \d+ 篇$/)
    const before = await count.textContent()
    await page.locator(partSelector(PART.regionTabs)).getByText(province, { exact: true }).click()
    await page.locator(partSelector(PART.topicTabs)).getByText(topic, { exact: true }).click()
    await page.waitForFunction(
      (old) => [...document.querySelectorAll('*')].some((el) => el.children.length === 0 && /^共 \d+ 篇$/.test(el.textContent.trim()) && el.textContent.trim() !== old),
      before,
    )
    await shoot(page, 'home-filtered')
    // Leave the tabs as a new visitor finds them for the shots that follow.
    await page.evaluate(() => localStorage.clear())

    await open('/pages/search/index')
    await page.locator('input').first().fill(city ?? province)
    await page.getByText(/找到 \d+ 篇相关文章/).waitFor()
    await page.locator(CARD).first().waitFor()
    await shoot(page, 'search')

    await open(`/pages/detail/index?id=${encodeURIComponent(fullArticle.id)}`)
    await page.locator(`${READY_SELECTOR} ${partSelector(PART.articleTitle)}`).getByText(fullArticle.title, { exact: true }).first().waitFor()
    await shoot(page, 'detail')

    await open('/pages/detail/index?id=no-such-article')
    // The old link is forwarded to the site's not-found page (没有找到这个页面), as a reader's would be.
    await page.locator(`${READY_SELECTOR} ${partSelector(PART.emptyTitle)}`).getByText(/^没有找到/).waitFor()
    await shoot(page, 'not-found')
  } finally {
    await browser.close()
    await server.close()
  }
  if (foreign.length) throw new Error(`the page requested hosts other than 127.0.0.1: ${foreign.join(', ')}`)
  if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`)
}

main().catch((error) => {
  console.error(`Screenshots failed: ${error.message}`)
  process.exit(1)
})
