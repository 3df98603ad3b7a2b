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
