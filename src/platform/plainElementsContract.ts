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
  /** The reader may select and copy this text (weapp's Text; text on a web page always may). */
  userSelect?: boolean
}
