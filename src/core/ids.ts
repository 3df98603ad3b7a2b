// Article ids: derived from the title alone, so a shared link (…?id=xxxx) keeps pointing at the
// same article after the data is regenerated or new pages are added. Pure JS (no Node crypto, no
// BigInt) so it runs anywhere, though only the build pipeline calls it today.

/** Ids are exactly this many lowercase base36 characters (36^10 ≈ 2^51.7: well over 40 bits). */
export const ID_LENGTH = 10
const ID_SPACE = Math.pow(36, ID_LENGTH)

/** The title as compared for identity: NFKC (full-width ↔ half-width digits etc.) and trimmed. */
export function normaliseTitle(title: string): string {
  return title.normalize('NFKC').trim()
}

export function articleId(title: string): string {
  const hash = cyrb53(normaliseTitle(title)) % ID_SPACE
  const digits = hash.toString(36)
  return '0'.repeat(ID_LENGTH - digits.length) + digits
}

/** True for strings shaped like an id: lets callers reject junk before any lookup. */
export function isArticleId(value: string): boolean {
  return value.length === ID_LENGTH && /^[0-9a-z]+$/.test(value)
}

/**
 * cyrb53 (public domain, bryc): a well-mixed 53-bit string hash built from two 32-bit lanes.
 * 53 bits fits a JS number exactly, so `% ID_SPACE` and base36 printing stay exact.
 */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * Ids for a list of titles, keyed by normalised title. Throws when two different titles get the
 * same id: the pipeline must stop rather than let one article shadow another.
 */
export function assignIds(titles: readonly string[], idOf: (title: string) => string = articleId): Map<string, string> {
  const ids = new Map<string, string>()
  const titleOfId = new Map<string, string>()
  for (const title of titles) {
    const key = normaliseTitle(title)
    if (ids.has(key)) continue
    const id = idOf(key)
    const clash = titleOfId.get(id)
    if (clash !== undefined) throw new Error(`id collision: "${clash}" and "${title}" both get the id ${id}`)
    titleOfId.set(id, title)
    ids.set(key, id)
  }
  return ids
}
