import { PropsWithChildren } from 'react'
import { preloadComponentStyles } from './platform/componentStyles'
import { enableKeyboardActivation } from './platform/keyboard'
import { registerServiceWorker } from './platform/serviceWorker'
import './app.css'

preloadComponentStyles()
enableKeyboardActivation()
registerServiceWorker()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
