// Old hash links are forwarded before the app starts (scripts/site/bootRedirect.ts): to the
// page's own address when it can exist, to the not-found page when it cannot, and never to an
// address a server would refuse for its length.
import { MAX_FORWARD_LENGTH, oldLinkTarget } from '../../scripts/site/bootRedirect'
import { articleId, isArticleId } from '../../src/core/ids'

const id = articleId('城乡居民医保缴费标准')

describe('could this be an article id (core/ids.ts)', () => {
  it('takes exactly ten lowercase letters and digits, as the pipeline makes them', () => {
    expect(isArticleId(id)).toBe(true)
    expect(isArticleId('0123456789')).toBe(true)
    for (const junk of ['', id.slice(0, 9), `${id}0`, id.toUpperCase().replace(/[0-9]/g, 'A'), 'abcdefghi-', 'abcdefghí', '../../etc', 'a'.repeat(30_000)]) {
      expect(isArticleId(junk)).toBe(false)
    }
  })
})

describe('old hash links', () => {
  it('forward an article link to the article\'s address, keeping the other params', () => {
    expect(oldLinkTarget(`#/pages/detail/index?id=${id}&from=share`, '')).toBe(`/article/${id}/?from=share`)
    expect(oldLinkTarget(`#pages/detail/index?from=share&id=${id}`, '/health')).toBe(`/health/article/${id}/?from=share`)
  })

  it('send an article link whose id cannot be an article to the not-found page, at any length', () => {
    for (const bad of ['', 'short', `${id}x`, 'ABCDEFGHIJ', '%E4%BD%A0%E5%A5%BD', 'a'.repeat(30_000), `${id}%00`]) {
      expect(oldLinkTarget(`#/pages/detail/index?id=${bad}`, '')).toBe('/pages/not-found/index')
    }
    expect(oldLinkTarget('#/pages/detail/index', '/health')).toBe('/health/pages/not-found/index')
  })

  it('forward other pages, and send one longer than any server takes to the not-found page', () => {
    expect(oldLinkTarget('#/pages/search/index?q=%E5%8C%BB%E4%BF%9D', '')).toBe('/search/?q=%E5%8C%BB%E4%BF%9D')
    expect(oldLinkTarget('#/pages/index/index?topic=%E5%8C%BB%E4%BF%9D', '')).toBe('/?topic=%E5%8C%BB%E4%BF%9D')
    const long = `#/pages/search/index?q=${'%E5%8C%BB'.repeat(30_000 / 9)}`
    expect(oldLinkTarget(long, '')).toBe('/pages/not-found/index')
    for (const hash of ['#/pages/detail/index?id=' + 'z'.repeat(30_000), long, '#/pages/nope/index?x=' + 'y'.repeat(30_000)]) {
      expect((oldLinkTarget(hash, '/health') as string).length).toBeLessThanOrEqual(MAX_FORWARD_LENGTH)
    }
  })

  it('leave everything else alone', () => {
    expect(oldLinkTarget('', '')).toBeNull()
    expect(oldLinkTarget('#top', '')).toBeNull()
    expect(oldLinkTarget('#%%%%', '')).toBeNull()
  })
})
