// One error type for every way a saved source page can be malformed, so the pipeline can print
// "file:line: expected …" and stop instead of silently dropping an article.

export class PageFormatError extends Error {
  readonly fileName: string
  /** 1-based line number in the page where the problem was found. */
  readonly line: number
  /** What the parser expected there, in plain words. */
  readonly expected: string

  constructor(fileName: string, line: number, expected: string) {
    super(`${fileName}:${line}: expected ${expected}`)
    this.name = 'PageFormatError'
    this.fileName = fileName
    this.line = line
    this.expected = expected
  }
}
