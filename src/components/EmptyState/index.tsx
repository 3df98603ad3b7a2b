import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { PART, partAttribute, type PagePart } from '../../core/pageContract'
import { focusable } from '../focusable'
import './index.css'

interface Props {
  title: string
  message?: string
  actionText?: string
  onAction?: () => void
  /** What the action is in the page contract (e.g. PART.homeLink for 返回首页). */
  actionPart?: PagePart
  secondaryText?: string
  onSecondary?: () => void
  secondaryPart?: PagePart
  children?: ReactNode
}

/** A friendly full-width message with a next step: never a blank screen. */
export default function EmptyState({ title, message, actionText, onAction, actionPart, secondaryText, onSecondary, secondaryPart, children }: Props) {
  return (
    <View className='empty-state' role='status'>
      <View className='empty-state__mark'>
        <Text className='empty-state__mark-text'>!</Text>
      </View>
      <Text className='empty-state__title' {...partAttribute(PART.emptyTitle)}>{title}</Text>
      {message && <Text className='empty-state__message'>{message}</Text>}
      {(actionText || secondaryText) && (
        <View className='empty-state__actions'>
          {actionText && onAction && (
            <View className='hn-button empty-state__action' onClick={onAction} role='button' {...focusable} data-hn={actionPart}>
              <Text>{actionText}</Text>
            </View>
          )}
          {secondaryText && onSecondary && (
            <View className='hn-button hn-button--ghost empty-state__action' onClick={onSecondary} role='button' {...focusable} data-hn={secondaryPart}>
              <Text>{secondaryText}</Text>
            </View>
          )}
        </View>
      )}
      {children}
    </View>
  )
}
