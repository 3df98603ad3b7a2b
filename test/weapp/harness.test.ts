// Checks of the mini-program harness itself: WeChat's setData path syntax and URL resolution.
// (Rendering is checked from the outside by simulate.test.ts, with WeChat's own component tool,
// not by feeding Taro's private node format in here.)
import { launchMiniProgram, parseUrl, type MiniProgram } from './support/mini-program'

let program: MiniProgram
beforeEach(() => {
  program = launchMiniProgram()
})
afterEach(() => program.close())

test('setData applies WeChat path keys', async () => {
  const home = await program.open('/pages/index/index')
  await home.waitFor((p) => p.texts().length > 0)
  home.instance.setData({ 'probe.list[1].name': 'a', 'probe.list.[0]': 'b', 'probe.flag': true })
  expect(home.instance.data.probe).toEqual({ list: ['b', { name: 'a' }], flag: true })
})

test('URLs resolve like wx.navigateTo and keep query values as written', () => {
  expect(parseUrl('/pages/detail/index?id=a%20b&x=')).toEqual({ route: 'pages/detail/index', query: { id: 'a%20b', x: '' } })
  expect(parseUrl('../detail/index?id=1', 'pages/index/index')).toEqual({ route: 'pages/detail/index', query: { id: '1' } })
})
