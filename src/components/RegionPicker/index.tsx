import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Topic } from '../../core/article'
import type { RegionCounts } from '../../core/filters'
import { focusById } from '../../platform/focus'
import { closesOnEscape, FOCUS_TARGET, pressable } from '../pressable'
import './index.css'

interface Props {
  /** Every province with articles and its cities, gazetteer order (src/core/filters.ts). */
  counts: RegionCounts
  /** The region chosen now; null = 全部地区. */
  province: string | null
  city: string | null
  /** The topic the counts are limited to, said above the list so the numbers make sense. */
  topic: Topic | null
  /** null province = 全部地区; null city = the whole province. */
  onChoose: (province: string | null, city: string | null) => void
  onClose: () => void
}

const TITLE_ID = 'region-picker-title'

/**
 * 更多地区: every province with articles, each opening to its cities, all with counts. It takes
 * the home page's place while open (home stays mounted underneath, hidden), so it scrolls with
 * the page on both targets and a long list of cities never scrolls inside a scroll.
 * Only one province is open at a time: hundreds of cities stay a few dozen elements on screen.
 */
export default function RegionPicker({ counts, province, city, topic, onChoose, onClose }: Props) {
  const [open, setOpen] = useState<string | null>(province)
  // Keyboard and screen-reader users start at the panel's heading (H5).
  useEffect(() => focusById(TITLE_ID), [])

  const chosen = (p: string | null, c: string | null) => p === province && c === city
  const optionClass = (base: string, active: boolean) => `${base}${active ? ` ${base}--active` : ''}`

  return (
    <View
      className='region-picker'
      role='dialog'
      aria-modal='true'
      aria-labelledby={TITLE_ID}
      {...closesOnEscape(onClose)}
    >
      <View className='region-picker__header'>
        <Text id={TITLE_ID} className='region-picker__title' {...FOCUS_TARGET}>
          选择地区
        </Text>
        <View className='region-picker__close' {...pressable(onClose)} role='button' aria-label='关闭，回到文章列表'>
          <Text>关闭</Text>
        </View>
      </View>
      <Text className='region-picker__note'>
        {topic ? `数字是各地「${topic}」类文章的篇数` : '数字是各地文章的篇数'}
      </Text>

      <View
        className={optionClass('region-picker__all', chosen(null, null))}
        {...pressable(() => onChoose(null, null))}
        role='button'
        aria-current={chosen(null, null) ? 'true' : undefined}
        aria-label={`全部地区，${counts.total} 篇`}
      >
        <Text className='region-picker__name'>全部地区</Text>
        <Text className='region-picker__count'>{`${counts.total} 篇`}</Text>
      </View>

      <View className='region-picker__provinces' role='list'>
        {counts.provinces.map((entry) => {
          const expandable = entry.cities.length > 0
          const expanded = expandable && open === entry.province
          const here = entry.province === province
          return (
            <View key={entry.province} className='region-picker__province' role='listitem' data-province={entry.province}>
              <View
                className={optionClass('region-picker__row', here)}
                {...pressable(() =>
                  expandable ? setOpen(expanded ? null : entry.province) : onChoose(entry.province, null),
                )}
                role='button'
                aria-expanded={expandable ? expanded : undefined}
                aria-current={!expandable && here ? 'true' : undefined}
                aria-label={`${entry.province}，${entry.count} 篇${expandable ? `，${entry.cities.length} 个城市` : ''}`}
              >
                <Text className='region-picker__name'>{entry.province}</Text>
                <Text className='region-picker__count'>{`${entry.count} 篇`}</Text>
                {expandable && <Text className='region-picker__toggle'>{expanded ? '收起' : '展开'}</Text>}
              </View>
              {expanded && (
                <View className='region-picker__cities' role='group' aria-label={`${entry.province}的城市`}>
                  <View
                    className={optionClass('region-picker__city', chosen(entry.province, null))}
                    {...pressable(() => onChoose(entry.province, null))}
                    role='button'
                    aria-current={chosen(entry.province, null) ? 'true' : undefined}
                    aria-label={`${entry.province}全省，${entry.count} 篇`}
                  >
                    <Text className='region-picker__name'>{`全${entry.province}`}</Text>
                    <Text className='region-picker__count'>{entry.count}</Text>
                  </View>
                  {entry.cities.map(({ city: name, count }) => (
                    <View
                      key={name}
                      className={optionClass('region-picker__city', chosen(entry.province, name))}
                      {...pressable(() => onChoose(entry.province, name))}
                      role='button'
                      aria-current={chosen(entry.province, name) ? 'true' : undefined}
                      aria-label={`${name}，${count} 篇`}
                    >
                      <Text className='region-picker__name'>{name}</Text>
                      <Text className='region-picker__count'>{count}</Text>
                    </View>
                  ))}
                </View>
              )}
            </View>
          )
        })}
      </View>
    </View>
  )
}
