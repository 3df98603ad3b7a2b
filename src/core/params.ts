// Route params, decoded in ONE place.
// Why: on H5 Taro hands params over still percent-encoded (it parses the hash query with
// `decode: false`, Taro #13969), links pasted through chat apps are sometimes encoded twice, and a
// bare `%` (a user typing "50%") makes decodeURIComponent throw. Pages never decode by hand.

const ENCODED_SEQUENCE = /%[0-9a-fA-F]{2}/
const ENCODED_RUN = /(?:%[0-9a-fA-F]{2})+/g
/** Longest value we accept from a URL; anything longer is not a real id or query. */
export const MAX_PARAM_LENGTH = 500

/** Decodes a run of %XX sequences, leaving it as typed when it is not valid UTF-8. */
function decodeRuns(value: string): string {
  return value.replace(ENCODED_RUN, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

/**
 * One route param as plain text: fully decoded (up to twice-encoded), trimmed, never throwing.
 * Anything that is not a string (missing, array, number) becomes ''.
 */
export function decodeParam(raw: unknown): string {
  if (typeof raw !== 'string') return ''
  let value = raw.length > MAX_PARAM_LENGTH * 4 ? raw.slice(0, MAX_PARAM_LENGTH * 4) : raw
  // Twice-encoded links decode in two rounds; a third round would start eating a literal "%25".
  for (let round = 0; round < 2 && ENCODED_SEQUENCE.test(value); round++) {
    let next: string
    try {
      next = decodeURIComponent(value)
    } catch {
      next = decodeRuns(value)
    }
    if (next === value) break
    value = next
  }
  return value.trim().slice(0, MAX_PARAM_LENGTH)
}

/** Reads and decodes `key` from a router's params object (which may itself be missing). */
export function readParam(params: Record<string, unknown> | null | undefined, key: string): string {
  if (!params || typeof params !== 'object') return ''
  return decodeParam(params[key])
}
