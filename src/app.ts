import { PropsWithChildren } from 'react'
import { preloadComponentStyles } from './platform/componentStyles'
import { enableKeyboardActivation } from './platform/keyboard'
import { followCanonicalAddress } from './platform/pageUrl'
import { registerServiceWorker } from './platform/serviceWorker'
import './app.css'

preloadComponentStyles()
enableKeyboardActivation()
registerServiceWorker()
followCanonicalAddress()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
