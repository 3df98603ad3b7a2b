import type { ReactNode } from 'react'

/** What the 纠错 control passes to feedback.weapp.ts / feedback.h5.ts. */
export interface FeedbackProps {
  className?: string
  /** The article's title and public address (the H5 form is filled in with them). */
  title: string
  url: string
  children?: ReactNode
}
