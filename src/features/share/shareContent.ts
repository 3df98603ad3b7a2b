// What a share image says about an article, taken from the article record and the packaged
// disclaimers (never rewritten here, only shortened to fit).
import type { Article, Disclaimers } from '../../core/article'
import { regionLabel } from '../../core/filters'
import { staleNotice } from '../../core/staleness'

export interface ShareCardContent {
  title: string
  /** YYYY-MM-DD as in the data. */
  date: string
  /** 全国, 山西 or 山西 · 朔州 (the app's own label, src/core/filters.ts). */
  regionLabel: string
  /** Source label, e.g. 健康新闻. */
  source: string
  /** The medical disclaimer's first sentence, for images with room for one line. */
  disclaimer: string
  /** 本文发布于…距今已超过 1 年… when the article is older than 12 months at drawing time. */
  staleNotice: string | null
}

export interface PosterContent extends ShareCardContent {
  /** First paragraph of the body, or the excerpt when only an excerpt is available. */
  excerpt: string
  /** True when the article only has an excerpt (the poster says so). */
  excerptOnly: boolean
  /** Both disclaimers in full: the poster travels without the app around it. */
  disclaimers: string[]
}

/** First sentence of the medical disclaimer ("提示:本内容不能代替面诊,如有不适请尽快就医。"). */
export function oneLineDisclaimer(disclaimers: Disclaimers): string {
  const medical = disclaimers.medical.trim()
  const end = medical.indexOf('。')
  return end > 0 ? medical.slice(0, end + 1) : medical
}

/** The opening paragraph a poster quotes: first body paragraph, else the summary. */
export function openingText(article: Pick<Article, 'body' | 'summary'>): string {
  const first = article.body?.find((block) => block.type === 'paragraph' && block.text.trim() !== '')
  return (first ? first.text : article.summary).trim()
}

/** `now` is the drawing time: a picture drawn today says what is true today. */
export function shareCardContent(article: Article, disclaimers: Disclaimers, now: Date = new Date()): ShareCardContent {
  return {
    title: article.title.trim(),
    date: article.date,
    regionLabel: regionLabel(article.region),
    source: article.source.trim(),
    disclaimer: oneLineDisclaimer(disclaimers),
    staleNotice: staleNotice(article.date, now),
  }
}

export function posterContent(article: Article, disclaimers: Disclaimers, now: Date = new Date()): PosterContent {
  return {
    ...shareCardContent(article, disclaimers, now),
    excerpt: openingText(article),
    excerptOnly: !article.fullText,
    disclaimers: [disclaimers.medical.trim(), disclaimers.sourceNotice.trim()].filter(Boolean),
  }
}
