import type { ReactNode } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import type { PagePart } from '../../core/pageContract'
import { focusable } from '../focusable'
import { pressable } from '../pressable'
import './index.css'

export interface TabOption<K extends string> {
  key: K
  label: string
  /** Articles this tab lists; shown small beside the label and read out as "N 篇". */
  count?: number
}

interface Props<K extends string> {
  /** Row label read first by the eye: 地区, 城市, 分类. */
  label: string
  options: readonly TabOption<K>[]
  activeKey: K
  onChange: (key: K) => void
  /** Tells tests and styles apart the rows (region, city, topic). */
  name: string
  /** What the row is in the page contract (src/core/pageContract.ts). */
  part: PagePart
  /** Shown after the scrolling tabs, always in reach (the region row's 更多地区). */
  extra?: ReactNode
}

/** "山西，12 篇": the tab's name for screen readers, so the count is not read as a bare number. */
export function tabName(option: TabOption<string>): string {
  return option.count === undefined ? option.label : `${option.label}，${option.count} 篇`
}

/** A labelled, horizontally scrolling row of tabs; the chosen one is filled. */
export default function FilterTabs<K extends string>({ label, options, activeKey, onChange, name, part, extra }: Props<K>) {
  return (
    <View className='filter-tabs' data-tabs={name} data-hn={part}>
      <Text className='filter-tabs__label'>{label}</Text>
      {/* Focusable: a keyboard can scroll the row (WCAG 2.1.1, axe scrollable-region-focusable). */}
      <ScrollView className='filter-tabs__scroller' scrollX enhanced showScrollbar={false} {...focusable}>
        <View className='filter-tabs__list' role='tablist' aria-label={label}>
          {options.map((option) => {
            const active = option.key === activeKey
            return (
              <View
                key={option.key}
                className={`filter-tabs__tab${active ? ' filter-tabs__tab--active' : ''}`}
                {...pressable(() => onChange(option.key))}
                aria-selected={active}
                aria-label={tabName(option)}
                role='tab'
              >
                <Text className='filter-tabs__pill'>
                  <Text className='filter-tabs__name'>{option.label}</Text>
                  {option.count !== undefined && <Text className='filter-tabs__count'>{option.count}</Text>}
                </Text>
              </View>
            )
          })}
        </View>
      </ScrollView>
      {extra}
    </View>
  )
}
