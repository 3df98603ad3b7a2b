// Characters a saved page may carry that no reader should get: the pipeline drops them from
// every line before parsing, so no article, list entry, search key or page title holds them.
// - C0 and C1 control characters and DEL: invisible, and some (NUL, ESC) break tools that
//   handle the text later. Tab, vertical tab and form feed were spacing in the page, so each
//   becomes a space; CR and LF never reach here (they end lines).
// - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): Chinese
//   text never needs them, and an unclosed one reverses whatever follows it in the same line
//   of the interface (a title followed by " - 健康资讯", a card, a share card), which can make
//   text read differently from what it is. The implicit marks (U+200E, U+200F, U+061C) stay.
// - U+2028 / U+2029 (line and paragraph separators) become spaces: the page's lines are its
//   structure, and a separator inside one line is only spacing there.
// Zero-width characters stay: the joiner builds emoji such as 👩‍⚕️, and the others are
// harmless text.

const SPACING = /[\t\v\f\u2028\u2029]/g
const DROPPED = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** One line of a saved page with the characters above dropped or turned into spaces. */
export function cleanSourceLine(line: string): string {
  return line.replace(SPACING, ' ').replace(DROPPED, '')
}
