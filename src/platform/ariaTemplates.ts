// The mini-program half of how role and aria-* reach WeChat's screen reader (the build half is
// config/ariaPlugin.ts, which injects this module into app.js ahead of the app's code; nothing in
// src/ imports it, and H5 never loads it: there the same props are plain DOM attributes).
//
// Taro's runtime serialises an element's props into setData under short keys (p0, p1…) that it
// numbers from the attribute list of each component (`internalComponents` of @tarojs/shared,
// sorted by name); the templates in base.wxml read the same keys. The build adds the attributes
// of ariaAttributes.json to that list before it writes the templates, so the runtime must add
// the very same ones before it serialises the first page, or every key after them would shift.
import { mergeInternalComponents } from '@tarojs/shared'
import ariaAttributes from './ariaAttributes.json'

mergeInternalComponents(ariaAttributes)
