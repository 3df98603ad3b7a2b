// An in-memory stand-in for Taro's storage API, for tests that run the real store (it persists
// through Taro). Use inside a jest.mock factory, which may only require:
//   jest.mock('@tarojs/taro', () => require('./support/taroMemoryStorage').taroMemoryStorage())
//   const storage = (jest.requireMock('@tarojs/taro') as { memory: Map<string, unknown> }).memory
export function taroMemoryStorage() {
  const memory = new Map<string, unknown>()
  return {
    __esModule: true,
    memory,
    default: {
      getStorageSync: (key: string) => (memory.has(key) ? memory.get(key) : ''),
      setStorageSync: (key: string, value: unknown) => void memory.set(key, value),
      removeStorageSync: (key: string) => void memory.delete(key),
    },
  }
}
