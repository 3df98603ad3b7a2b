import { TOPICS } from '../../src/core/article'
import { TOPIC_RULES, topicsFor } from '../../src/core/topics'

describe('topicsFor', () => {
  it.each([
    ['医保个人账户余额没使用会累计吗', ['医保']],
    ['农村新农合有门槛费么', ['医保']],
    ['2025江苏扬州医保断缴影响报销吗', ['医保']],
    ['医保卡统筹和个人区别', ['医保']],
    ['生育险在哪个险种里', ['医保', '家庭']],
    ['生育保险比例怎么计算', ['医保', '家庭']],
    ['怎么绑定子女电子医保卡', ['医保', '家庭']],
    ['低保户儿女看病报销吗', ['医保', '家庭']],
    ['2025浙江舟山医保可以给家人报销吗', ['医保', '家庭']],
    ['2025新疆双河拔牙医保报销比例是多少', ['医保', '疾病']],
    ['2025年山西朔州治疗焦虑的医院有哪些', ['找医院', '疾病']],
    ['2025年山西朔州治疗心跳过缓的医院有哪些', ['找医院', '疾病']],
    ['辽源治疗春季卡他性结膜炎的医院排名', ['找医院', '疾病']],
    ['安庆市立医院哪个部门管', ['找医院']],
    ['安庆市八院星期日能不能体检', ['找医院']],
    ['北京大学第三医院试管谁最有名', ['找医院', '家庭']],
    ['1-5岁儿童对造影剂过敏要注意什么', ['疾病', '家庭']],
  ])('%s → %j', (title, topics) => {
    expect(topicsFor(title, '')).toEqual(topics)
  })

  it('falls back to the summary only when the title matches nothing', () => {
    expect(topicsFor('这个怎么办', '可以到定点医院使用')).toEqual(['找医院'])
    expect(topicsFor('电子医保卡怎么办', '可以到定点医院使用')).toEqual(['医保'])
  })

  it('refuses an article no rule covers, naming it', () => {
    expect(() => topicsFor('今天天气', '晴')).toThrow(/今天天气.*TOPIC_RULES/)
  })

  it('has one rule per keyword, each naming a known topic', () => {
    const keywords = TOPIC_RULES.map((r) => r.keyword)
    expect(new Set(keywords).size).toBe(keywords.length)
    for (const rule of TOPIC_RULES) expect(TOPICS).toContain(rule.topic)
  })
})
