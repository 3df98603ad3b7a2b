// Failures the app recovers from (a fallback answer, a default value) are still reported, in
// English for developers: on the device console, in DevTools, and to tests, which read
// console.warn (the weapp harness collects it in `warnings`). A recovery must never look like
// "nothing happened".

/** The one prefix of every recovered-failure report, so tests and logs can find them. */
export const RECOVERED_PREFIX = '[health-news] recovered:'

function describe(error: unknown): string {
  if (error && typeof (error as { errMsg?: unknown }).errMsg === 'string') return (error as { errMsg: string }).errMsg
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}

/** Reports a failure the caller recovered from; `where` says what was attempted and what is used instead. */
export function reportRecovered(where: string, error: unknown): void {
  if (typeof console !== 'undefined') console.warn(`${RECOVERED_PREFIX} ${where}: ${describe(error)}`)
}
