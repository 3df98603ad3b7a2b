import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { focusable } from '../focusable'
import './index.css'

interface Props {
  title: string
  message?: string
  actionText?: string
  onAction?: () => void
  secondaryText?: string
  onSecondary?: () => void
  children?: ReactNode
}

/** A friendly full-width message with a next step: never a blank screen. */
export default function EmptyState({ title, message, actionText, onAction, secondaryText, onSecondary, children }: Props) {
  return (
    <View className='empty-state' role='status'>
      <View className='empty-state__mark'>
        <Text className='empty-state__mark-text'>!</Text>
      </View>
      <Text className='empty-state__title'>{title}</Text>
      {message && <Text className='empty-state__message'>{message}</Text>}
      {(actionText || secondaryText) && (
        <View className='empty-state__actions'>
          {actionText && onAction && (
            <View className='hn-button empty-state__action' onClick={onAction} role='button' {...focusable}>
              <Text>{actionText}</Text>
            </View>
          )}
          {secondaryText && onSecondary && (
            <View className='hn-button hn-button--ghost empty-state__action' onClick={onSecondary} role='button' {...focusable}>
              <Text>{secondaryText}</Text>
            </View>
          )}
        </View>
      )}
      {children}
    </View>
  )
}
