import { PropsWithChildren } from 'react'
import { preloadComponentStyles } from './platform/componentStyles'
import './app.css'

preloadComponentStyles()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
