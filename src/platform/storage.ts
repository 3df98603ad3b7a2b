// Key-value storage over Taro's storage API: the mini-program has no localStorage, and Taro maps
// these calls to wx storage on weapp and to the browser's storage on H5.
// Storage can fail (quota: 1 MB per key / 10 MB in all on weapp, private mode in browsers):
// failures are reported (core/report.ts) and the app keeps running on in-memory state, so that
// persisting preferences never breaks reading.
import Taro from '@tarojs/taro'
import { reportRecovered } from '../core/report'

export interface TextStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const taroStorage: TextStorage = {
  getItem(key) {
    try {
      const value: unknown = Taro.getStorageSync(key)
      // weapp returns '' for a missing key; anything not a string was not written by us.
      return typeof value === 'string' && value !== '' ? value : null
    } catch (error) {
      reportRecovered(`reading storage key ${key} failed; treating it as empty`, error)
      return null
    }
  },
  setItem(key, value) {
    try {
      Taro.setStorageSync(key, value)
    } catch (error) {
      // Full or unavailable storage: keep running with in-memory state.
      reportRecovered(`writing storage key ${key} failed; keeping it in memory only`, error)
    }
  },
  removeItem(key) {
    try {
      Taro.removeStorageSync(key)
    } catch (error) {
      reportRecovered(`removing storage key ${key} failed`, error)
    }
  },
}
