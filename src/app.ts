import { PropsWithChildren } from 'react'
import { preloadComponentStyles } from './platform/componentStyles'
import { enableKeyboardActivation } from './platform/keyboard'
import './app.css'

preloadComponentStyles()
enableKeyboardActivation()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
