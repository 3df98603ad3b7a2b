// Words people search this kind of article by, in one place. The engine splits Chinese typed
// without spaces at these words and at place, topic and synonym words (舟山住院报销 → 舟山, 住院,
// 报销), so each part is matched on its own wherever it sits in a title. Place and topic names
// come from the data itself; synonyms from synonyms.ts.

/**
 * Questions people ask, as a phrase that makes a search by itself. The index build ranks them by
 * how many articles answer them for 大家都在搜; only phrases the articles contain are ever shown.
 */
export const TOPIC_PHRASES: readonly string[] = [
  // Accounts and schemes.
  '个人账户', '医保卡', '电子医保卡', '家庭共济', '统筹支付', '余额清零', '职工医保', '居民医保', '新农合',
  '生育保险', '五险一金', '医疗救助', '低保户',
  // Paying in.
  '断缴', '补缴', '缴费基数', '灵活就业', '自由职业者', '外省户籍',
  // Getting money back.
  '报销比例', '报销流程', '起付线', '门槛费', '异地就医', '异地报销', '住院报销', '急诊',
  // Finding a hospital and conditions.
  '医院排名', '三甲医院', '体检', '听力下降', '头痛', '焦虑', '心跳过缓', '拔牙', '结膜炎', '甲状腺',
  '眼睑皮肤炎', '造影剂过敏', '试管婴儿',
]

/** Everyday words that help split a query but are too broad to suggest on their own. */
export const COMMON_WORDS: readonly string[] = [
  '医保', '统筹', '统筹基金', '余额', '清零', '商业保险', '低保', '参保', '缴费', '户籍',
  '报销', '自费', '封顶线', '异地', '备案', '直接结算', '住院', '门诊',
  '医院', '专科医院', '挂号', '科室', '医生', '专家', '治疗', '牙科', '眼病', '过敏', '皮肤炎', '造影剂',
  '试管', '不孕', '子女', '儿童', '家人', '亲属', '父母',
]

// How people ask, as opposed to what they ask about. 朔州哪家医院治焦虑 is a question about 朔州,
// 医院 and 焦虑; 哪家 only makes it a question, and no title says 哪家. The words below split a
// query like known words do, and are then left out of what must be found. The query as typed is
// still matched as a whole, so a title that asks the very same question still ranks first.
// 多少 is deliberately not here: 报多少 / 比例是多少 titles are the answers to "how much" questions.

/** Question and helper words: split at, then not looked for. */
export const QUESTION_WORDS: readonly string[] = [
  // how / what / why
  '怎么', '怎样', '怎么样', '怎么办', '怎么弄', '怎么做', '如何', '咋样', '咋办', '什么', '是什么', '为什么', '为啥',
  // which / where
  '哪家', '哪个', '哪些', '有哪些', '哪里', '哪儿', '哪位',
  // can / may / whether
  '可以', '能否', '能不能', '可不可以', '是否', '是不是', '有没有', '会不会', '要不要', '应该', '需要',
  // politeness
  '请问', '一下', '我想', '想问', '我想问', '问一下', '想问一下', '请问一下',
]

/** Sentence particles: never part of a word people search by, so they split text wherever they stand. */
export const PARTICLES = '的吗呢吧啊呀嘛了么哦'

/**
 * Characters that say nothing about the subject (会, 能, 给…). Unlike particles they also sit
 * inside real words (社会, 功能), so they are only dropped where they stand alone between known
 * words (钱会清零 → 钱, 清零), or when a run of unknown text is found in no article as typed
 * (人能买 → 人, 买).
 */
export const FUNCTION_CHARACTERS = '会能要可想该是有在和与跟对把被让给还都也就才又再我你他她它这那们请啥咋'
