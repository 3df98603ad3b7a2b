import { PropsWithChildren } from 'react'
import { preloadComponentStyles } from './platform/componentStyles'
import { registerServiceWorker } from './platform/serviceWorker'
import './app.css'

preloadComponentStyles()
registerServiceWorker()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
