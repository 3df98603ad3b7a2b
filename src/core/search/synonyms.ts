// Everyday words people type → the words the articles use. One table, read top to bottom.
// A query word found on the left is also searched as each word on the right (the typed word
// itself still counts, and scores a little higher). Entries of two or more characters apply
// inside longer words too: 电子社保卡 is also searched as 电子医保卡. A one-character entry (钱)
// applies only to the word on its own: 多少钱 is not 多少余额. Add a row when a real query finds
// nothing.

export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // Cards and schemes: 社保卡 is what most people call the card; 新农合 merged into 城乡居民医保.
  社保卡: ['医保卡'],
  医疗保险: ['医保'],
  医疗保险卡: ['医保卡'],
  居民医保: ['新农合', '城乡居民医保'],
  城乡居民医保: ['居民医保', '新农合'],
  新农合: ['居民医保', '城乡居民医保'],
  农村医保: ['新农合'],
  农合: ['新农合'],
  生育险: ['生育保险'],
  帐户: ['账户'],
  个账: ['个人账户'],
  // 医保卡里的钱 is the personal account's balance.
  钱: ['余额', '个人账户'],

  // Hospitals by the names people say.
  北医三院: ['北京大学第三医院'],
  北大三院: ['北京大学第三医院'],

  // Symptoms in plain words → the words the articles use (each right-hand word is in an article).
  心跳过慢: ['心跳过缓', '心动过缓'],
  心跳慢: ['心跳过缓', '心动过缓'],
  心跳太慢: ['心跳过缓', '心动过缓'],
  心动过缓: ['心跳过缓'],
  心率慢: ['心跳过缓'],
  心率低: ['心跳过缓'],
  头疼: ['头痛'],
  脑袋疼: ['头痛'],
  脑壳疼: ['头痛'],
  耳背: ['听力下降'],
  耳聋: ['听力下降'],
  听不清: ['听力下降'],
  听不见: ['听力下降'],
  耳朵不好: ['听力下降'],
  焦虑症: ['焦虑'],
  睡不着: ['失眠'],
  睡不着觉: ['失眠'],
  拔智齿: ['拔牙'],
  看牙: ['牙科', '拔牙'],
  眼皮: ['眼睑'],
  突眼: ['甲状腺相关眼病'],
  眼球突出: ['突眼', '甲状腺相关眼病'],
  甲亢: ['甲状腺'],
  大脖子病: ['甲状腺'],
  红眼病: ['结膜炎'],
  眼睛: ['眼'],
  怀不上: ['不孕'],
  不孕不育: ['不孕'],
  剖腹产: ['剖宫产'],

  // Doing things with the scheme.
  看病: ['就医'],
  就诊: ['就医'],
  报账: ['报销'],
  报帐: ['报销'],
  外地: ['异地', '外省'],
  外地人: ['外省户籍', '异地'],
  外地户口: ['外省户籍'],
  外地户籍: ['外省户籍'],
  断保: ['断缴'],
  停保: ['断缴'],
  停缴: ['断缴'],
  补交: ['补缴'],
  交医保: ['缴医保'],
  门槛费: ['起付线'],
  起付线: ['门槛费'],
  清空: ['清零'],
  充值: ['充钱'],
  // Spoken forms of what the titles ask (余额…会累计吗, 能自己充钱吗, 钱花完了, 支付0元, 星期日).
  过期: ['清零'],
  作废: ['清零'],
  攒下来: ['累计', '累积'],
  用不完: ['未用完', '没使用'],
  没用完: ['未用完', '没使用'],
  存钱: ['充钱', '充值'],
  用光: ['用完', '花完'],
  花光: ['花完', '用完'],
  零元: ['0元'],
  不同: ['区别'],
  差别: ['区别'],
  星期天: ['星期日'],
  礼拜天: ['星期日', '星期天'],
  周日: ['星期日'],
  周末: ['星期日', '星期天'],
  医保码: ['医保电子凭证', '电子医保卡'],
  共用: ['共济'],
  打零工: ['灵活就业'],
  没交: ['断缴'],
  漏交: ['断缴', '补缴'],

  // Family.
  小孩: ['儿童', '子女'],
  孩子: ['儿童', '子女'],
  儿女: ['子女'],
  儿子: ['子女'],
  女儿: ['子女'],
  宝宝: ['儿童'],
  家里人: ['家人', '亲属'],
  生孩子: ['生育'],
  生小孩: ['生育'],
  生娃: ['生育'],
  家属: ['家人', '亲属'],
  亲人: ['家人', '亲属'],

  // Ranking questions.
  哪家好: ['哪个医院比较好', '排名'],
  排行: ['排名'],
}

/** Longest keys first, so 医疗保险卡 is replaced before 医疗保险. */
const KEYS_LONGEST_FIRST = Object.keys(SYNONYMS).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))

/** At most this many rewritten forms per word: enough for every row above, bounded for odd input. */
const MAX_VARIANTS = 6

/**
 * The other forms of `word`: each synonym key found in it replaced by each of its words.
 * Returns forms other than `word` itself, in table order, without duplicates.
 */
export function synonymVariants(word: string): string[] {
  const variants: string[] = []
  // Spans already claimed by a longer key: 城乡居民医保 must not also be read as 城乡 + 居民医保.
  const claimed: Array<[number, number]> = []
  for (const key of KEYS_LONGEST_FIRST) {
    if (key.length === 1 && word !== key) continue
    const at = word.indexOf(key)
    if (at < 0) continue
    const end = at + key.length
    if (claimed.some(([s, e]) => at < e && end > s)) continue
    claimed.push([at, end])
    for (const replacement of SYNONYMS[key]) {
      // Skip rewrites that only re-add what the rest of the word already says (新农合居民医保 →
      // 新农合新农合 is noise). A shorter form of the key itself is a real rewrite: 眼睛 → 眼.
      if ((word.slice(0, at) + word.slice(end)).indexOf(replacement) >= 0) continue
      const variant = word.slice(0, at) + replacement + word.slice(end)
      if (variant !== word && variants.indexOf(variant) < 0) variants.push(variant)
      if (variants.length >= MAX_VARIANTS) return variants
    }
  }
  return variants
}

/** Every word of the table, both sides: used to segment queries and for pinyin keys. */
export function synonymWords(): string[] {
  const words = new Set<string>()
  for (const key of Object.keys(SYNONYMS)) {
    words.add(key)
    for (const value of SYNONYMS[key]) words.add(value)
  }
  return Array.from(words)
}
