// One jest run, four projects. `npm test` runs them all (after building both targets);
// `npm run test:unit` runs the fast Node/jsdom ones only.
const transform = {
  '^.+\\.[jt]sx?$': [
    'babel-jest',
    {
      // Not babel.config.js: that one is babel-preset-taro for the app builds.
      configFile: false,
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    },
  ],
}

const base = { transform, moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json', 'mjs', 'cjs'] }

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/h5DataFiles.ts'],
    },
    {
      ...base,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/component/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/support/h5DataFiles.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/component/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/test/stubs/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
        '\\.(css|scss)$': '<rootDir>/test/stubs/style.ts',
        '\\.(png|jpg|svg)$': '<rootDir>/test/stubs/file.ts',
      },
    },
    {
      ...base,
      displayName: 'weapp',
      testEnvironment: 'node',
      // The compiled build is loaded as it is (miniprogram-simulate requires its scripts).
      transformIgnorePatterns: ['/node_modules/', '/dist/', '/health-news-dist\\.'],
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
}
