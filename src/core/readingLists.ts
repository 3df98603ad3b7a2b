// 收藏 (favourites) and 最近浏览 (reading history): plain lists of small entries, newest first.
// An entry keeps the title and date it had when saved, so an article that later leaves the data
// can still be named (as 已下线) and removed instead of vanishing or breaking the page.
// Saved lists are untrusted input: restoreEntries keeps each valid entry and drops only the
// broken ones.
import type { Article } from './article'

export interface ReadingEntry {
  id: string
  /** The title when saved, cut to TITLE_MAX_CHARS code points. */
  title: string
  /** The article's YYYY-MM-DD date when saved. */
  date: string
  /** When it was saved or last opened (ms since epoch); lists are sorted by it, newest first. */
  at: number
}

export const HISTORY_LIMIT = 50
/**
 * Favourites are capped so that the saved list stays far inside WeChat's 1 MB-per-key storage
 * limit: 500 entries of the longest allowed title are ~ 125 KB of JSON, 12% of it (test/unit/reading-lists).
 */
export const FAVORITES_LIMIT = 500
export const TITLE_MAX_CHARS = 60
const ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

function cutTitle(title: string): string {
  const chars = Array.from(title.replace(/\s+/g, ' ').trim())
  return chars.length > TITLE_MAX_CHARS ? chars.slice(0, TITLE_MAX_CHARS).join('') : chars.join('')
}

export function entryFor(article: Pick<Article, 'id' | 'title' | 'date'>, at: number): ReadingEntry {
  return { id: article.id, title: cutTitle(article.title), date: article.date, at }
}

/** Puts `entry` first, dropping an older entry for the same article, and keeps at most `limit`. */
export function putFirst(list: readonly ReadingEntry[], entry: ReadingEntry, limit: number): ReadingEntry[] {
  return [entry, ...list.filter((e) => e.id !== entry.id)].slice(0, limit)
}

export function without(list: readonly ReadingEntry[], id: string): ReadingEntry[] {
  return list.filter((e) => e.id !== id)
}

export function contains(list: readonly ReadingEntry[], id: string): boolean {
  return list.some((e) => e.id === id)
}

/** One saved entry, or null when any field is missing or of the wrong kind. */
function restoreEntry(raw: unknown): ReadingEntry | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null
  const { id, title, date, at } = raw as Record<string, unknown>
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return null
  if (typeof title !== 'string' || title.trim() === '') return null
  if (typeof date !== 'string' || !DATE_PATTERN.test(date)) return null
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null
  return { id, title: cutTitle(title), date, at }
}

/**
 * The valid entries of a saved list: broken entries are dropped one by one, duplicates keep the
 * newest, the order is newest first and the length at most `limit`. Anything not a list gives [].
 */
export function restoreEntries(raw: unknown, limit: number): ReadingEntry[] {
  if (!Array.isArray(raw)) return []
  const entries = raw.map(restoreEntry).filter((e): e is ReadingEntry => e !== null)
  entries.sort((a, b) => b.at - a.at)
  const seen = new Set<string>()
  const unique: ReadingEntry[] = []
  for (const entry of entries) {
    if (seen.has(entry.id)) continue
    seen.add(entry.id)
    unique.push(entry)
  }
  return unique.slice(0, limit)
}
