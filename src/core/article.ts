// The Article record: the one shape every layer agrees on (pipeline output, core, stores, pages).
// src/data/articles.json is an `ArticleDataset`; other tools read it, so its field names are a contract.

/** A piece of an article body, kept as the source structured it. */
export type Block =
  | { type: 'paragraph'; text: string }
  /** A sub-heading such as "一、资金来源" or "1. 职工基本医疗保险". */
  | { type: 'heading'; text: string }
  /** A list item; `marker` is the source's own marker ("1.", "•") when it had one. */
  | { type: 'listItem'; text: string; ordered: boolean; marker?: string }

export interface Region {
  /** Short province name as people say it: 山西, 新疆, 北京 (not 山西省). */
  province: string
  /** Short city name: 朔州, 双河. Absent when only the province is known. */
  city?: string
}

/** The topics the app filters by; rules live in src/core/topics.ts. */
export type Topic = '医保' | '找医院' | '疾病' | '家庭'
export const TOPICS: readonly Topic[] = ['医保', '找医院', '疾病', '家庭']

export interface Article {
  /** Stable, URL-safe, derived from the title: shared links keep working after regeneration. */
  id: string
  title: string
  /** The excerpt as the source cut it (for full articles: the opening paragraph). */
  summary: string
  /** Structured full text; null when only an excerpt is available. */
  body: Block[] | null
  /** False when the source only carried an excerpt (a 相关推荐 entry). */
  fullText: boolean
  /** YYYY-MM-DD */
  date: string
  /** Source label, e.g. 健康新闻. */
  source: string
  /** null for nationwide articles. */
  region: Region | null
  topics: Topic[]
  /** Up to 6 article ids, most related first. Every id resolves. */
  related: string[]
}

/** The disclaimers the source pages carry; shown wherever an article is read or shared. */
export interface Disclaimers {
  /** 提示:本内容不能代替面诊… */
  medical: string
  /** 本信息整理自互联网公开渠道…请以官方公告为准 */
  sourceNotice: string
}

export interface ArticleDataset {
  articles: Article[]
  disclaimers: Disclaimers
  /** Provinces (and their cities) present in `articles`, in a stable gazetteer order, for region tabs. */
  provinces: ProvinceEntry[]
}

/** A province present in the data with the cities its articles name, in gazetteer (admin code) order. */
export interface ProvinceEntry {
  province: string
  cities: string[]
}
