import type { ReactNode } from 'react'

/** What list cards and the article body pass to their boxes and text (plainElements.*). */
export interface PlainProps {
  className?: string
  children?: ReactNode
  onClick?: () => void
  role?: string
  tabIndex?: number
  'aria-label'?: string
  'aria-level'?: number
  /** Which article a card opens (tests and the benchmarks find cards by it). */
  'data-article-id'?: string
  /** The part of the page this element is (src/core/pageContract.ts). */
  'data-hn'?: string
  /** The query a result list answers (the typing benchmark waits for its own query's list). */
  'data-query'?: string
  /** The reader may select and copy this text (weapp's Text; text on a web page always may). */
  userSelect?: boolean
}
