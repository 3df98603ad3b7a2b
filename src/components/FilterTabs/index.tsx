import { ScrollView, Text, View } from '@tarojs/components'
import './index.css'

export interface TabOption<K extends string> {
  key: K
  label: string
}

interface Props<K extends string> {
  /** Row label read first by the eye: 地区, 城市, 分类. */
  label: string
  options: readonly TabOption<K>[]
  activeKey: K
  onChange: (key: K) => void
  /** Tells tests and styles apart the rows (region, city, topic). */
  name: string
}

/** A labelled, horizontally scrolling row of tabs; the chosen one is filled. */
export default function FilterTabs<K extends string>({ label, options, activeKey, onChange, name }: Props<K>) {
  return (
    <View className='filter-tabs' data-tabs={name}>
      <Text className='filter-tabs__label'>{label}</Text>
      <ScrollView className='filter-tabs__scroller' scrollX enhanced showScrollbar={false}>
        {options.map((option) => {
          const active = option.key === activeKey
          return (
            <View
              key={option.key}
              className={`filter-tabs__tab${active ? ' filter-tabs__tab--active' : ''}`}
              onClick={() => onChange(option.key)}
              aria-selected={active}
              role='tab'
            >
              <Text className='filter-tabs__pill'>{option.label}</Text>
            </View>
          )
        })}
      </ScrollView>
    </View>
  )
}
