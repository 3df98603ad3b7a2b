// Checks of the mini-program harness itself, on shapes the current pages may not produce yet:
// trees deeper than Taro's inline template levels (drawn through the recursive `comp` component)
// and WeChat's setData path syntax.
import { launchMiniProgram, parseUrl, type MiniProgram } from './support/mini-program'

let program: MiniProgram
beforeEach(() => {
  program = launchMiniProgram()
})
afterEach(() => program.close())

type DataNode = { nn: string; sid: string; v?: string; cn?: DataNode[] }

test('a tree deeper than the inline templates still renders its text (via comp)', async () => {
  const home = await program.open('/pages/index/index')
  await home.waitFor((p) => p.texts().length > 0)
  // Borrow this build's node aliases from what Taro rendered: a text node and a plain view.
  const all: DataNode[] = []
  const walk = (n: DataNode) => {
    all.push(n)
    n.cn?.forEach(walk)
  }
  ;(home.instance.data.root.cn as DataNode[]).forEach(walk)
  const textNode = all.find((n) => typeof n.v === 'string')!
  const view = all.find((n) => Array.isArray(n.cn) && n.cn.length > 0 && n.cn.every((c) => typeof c.v !== 'string'))!
  let deep: DataNode = { nn: textNode.nn, sid: 'deep-text', v: '第二十层的文字' }
  for (let level = 0; level < 20; level++) deep = { nn: view.nn, sid: `deep-${level}`, cn: [deep] }
  home.instance.setData({ 'root.cn': [deep] })
  expect(home.texts()).toEqual(['第二十层的文字'])
  expect(JSON.stringify(home.view().root)).toMatch(/"tag":"(wx-)?comp"/)
})

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
