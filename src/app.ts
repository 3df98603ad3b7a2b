import { PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
import { preloadComponentStyles } from './platform/componentStyles'
import { followEdition } from './platform/edition'
import { enableKeyboardActivation } from './platform/keyboard'
import { followCanonicalAddress } from './platform/pageUrl'
import { registerServiceWorker } from './platform/serviceWorker'
import './app.css'

preloadComponentStyles()
enableKeyboardActivation()
registerServiceWorker()
followCanonicalAddress()
// On launch, and below on every show: a newer edition of the library (weapp with a content host
// only), throttled in the follower itself.
followEdition()

function App({ children }: PropsWithChildren) {
  useDidShow(followEdition)
  return children
}

export default App
