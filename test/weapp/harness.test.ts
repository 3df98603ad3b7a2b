// The simulate harness's own URL handling: where a tap's navigateTo leads (program.follow) must
// resolve as WeChat resolves it, and hand the page its query exactly as written.
import { parseUrl } from './support/simulate'

test('URLs resolve like wx.navigateTo and keep query values as written', () => {
  expect(parseUrl('/pages/detail/index?id=a%20b&x=')).toEqual({ route: 'pages/detail/index', query: { id: 'a%20b', x: '' } })
  expect(parseUrl('../detail/index?id=1', 'pages/index/index')).toEqual({ route: 'pages/detail/index', query: { id: '1' } })
})
