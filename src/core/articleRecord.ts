// An Article record that did not come from the packaged data (the copy a prerendered H5 page
// embeds for the app) is untrusted input: it is used only when it has every field of the shape
// the pages read, and only for the id it claims.
import { TOPICS, type Article, type Block } from './article'
import { isArticleId } from './ids'

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const isString = (v: unknown): v is string => typeof v === 'string'

function isBlock(v: unknown): v is Block {
  if (!isRecord(v) || !isString(v.text)) return false
  if (v.type === 'paragraph' || v.type === 'heading') return true
  return v.type === 'listItem' && typeof v.ordered === 'boolean' && (v.marker === undefined || isString(v.marker))
}

/** `value` as the article `id`, or null when any field is missing, of the wrong kind, or of another id. */
export function articleRecordOf(value: unknown, id: string): Article | null {
  if (!isRecord(value) || value.id !== id || !isArticleId(id)) return null
  const { title, summary, body, fullText, date, source, region, topics, related } = value
  if (!isString(title) || title.trim() === '' || !isString(summary) || !isString(source)) return null
  if (typeof fullText !== 'boolean' || !isString(date) || !DATE_PATTERN.test(date)) return null
  if (body !== null && !(Array.isArray(body) && body.every(isBlock))) return null
  if (fullText && body === null) return null
  if (region !== null && !(isRecord(region) && isString(region.province) && (region.city === undefined || isString(region.city)))) return null
  if (!Array.isArray(topics) || !topics.every((t) => (TOPICS as readonly unknown[]).includes(t))) return null
  if (!Array.isArray(related) || !related.every((r) => isString(r) && isArticleId(r))) return null
  return value as unknown as Article
}

/**
 * `value` as a related shard (article id → related ids), or null when it is not one: not an
 * object, a key that is no article id, or a list that is not article ids. Files of a downloaded
 * edition were verified against their hash, but a damaged or foreign file must still cost only
 * the related lists, never the article. The result has no prototype: an id such as
 * "constructor" finds nothing.
 */
export function relatedShardRecordOf(value: unknown): Record<string, string[] | undefined> | null {
  if (!isRecord(value)) return null
  const lists: Record<string, string[] | undefined> = Object.create(null)
  for (const id of Object.keys(value)) {
    const related = value[id]
    if (!isArticleId(id) || !Array.isArray(related) || !related.every((r) => isString(r) && isArticleId(r))) return null
    lists[id] = related as string[]
  }
  return lists
}
