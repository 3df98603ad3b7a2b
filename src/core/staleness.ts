// 文章时效提示: policy figures (报销比例, 缴费标准) change every year, and the source pages do
// not say when they were last checked. An article whose date is more than 12 months before
// today says so wherever it is read or shared. Always computed from the article's date and the
// clock at the time of showing or drawing: never stored, never written into the data.

/** Months after which an article's policy details may have changed. */
export const STALE_AFTER_MONTHS = 12

interface YMD {
  y: number
  m: number
  d: number
}

function parseDate(date: string): YMD | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim())
  if (!match) return null
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (m < 1 || m > 12 || d < 1 || d > 31) return null
  return { y, m, d }
}

/** Today's calendar date on the reader's device (their local day, as they would read a calendar). */
function localDay(now: Date): YMD {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() }
}

const compare = (a: YMD, b: YMD) => a.y - b.y || a.m - b.m || a.d - b.d

/**
 * Whole years from `from` to `to` (calendar years: 2025-03-19 → 2026-03-19 is 1, → 2026-03-18 is 0).
 */
function wholeYears(from: YMD, to: YMD): number {
  let years = to.y - from.y
  if (compare({ y: from.y + years, m: from.m, d: from.d }, to) > 0) years--
  return years
}

/**
 * The notice for an article dated `articleDate` when shown at `now`, or null while it is not
 * older than 12 months (or its date cannot be read). "Older than 12 months" is strict: on the
 * first anniversary itself the article is exactly 12 months old and gets no notice; from the day
 * after it does.
 */
export function staleNotice(articleDate: string, now: Date): string | null {
  const published = parseDate(articleDate)
  if (!published || Number.isNaN(now.getTime())) return null
  const today = localDay(now)
  const years = wholeYears(published, today)
  const anniversary = { y: published.y + STALE_AFTER_MONTHS / 12, m: published.m, d: published.d }
  if (compare(today, anniversary) <= 0) return null
  // On a later anniversary itself the article is exactly N years old: "more than N - 1".
  const exceeded = compare(today, { y: published.y + years, m: published.m, d: published.d }) === 0 ? years - 1 : years
  return `本文发布于 ${articleDate.trim()}，距今已超过 ${Math.max(1, exceeded)} 年，文中政策和费用可能已调整，请以当地医保局最新公告为准`
}
