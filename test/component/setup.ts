import '@testing-library/jest-dom'
import { taroTest } from '../stubs/taro'

// Every test starts on the home page with empty storage and fresh navigation mocks.
beforeEach(() => taroTest.reset())
