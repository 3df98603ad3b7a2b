// `npm run lint`: TypeScript and React-hooks rules, and the layer order of src/ as a rule.
//
// Layers (an arrow reads "may import"; nothing imports upwards):
//   core        → (nothing else in src/)        plain TypeScript: no Taro, React or zustand
//   data        → core                          packaged JSON and its loaders
//   platform    → core                          Taro and browser APIs; no product words, no UI state
//   stores      → core, data, platform          zustand slices, persisted through platform/storage
//   components  → core, data, platform, stores  shared UI
//   features    → all of the above              a product feature (src/features/share)
//   pages, app  → everything
// scripts/ may use core, data, platform and features (build-time tools), never the UI layers.
// test/unit/lint-layers.test.ts proves a break of these rules fails `npm run lint`.
import importPlugin from 'eslint-plugin-import'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const layer = (name) => `./src/${name}`
/** Everything in src/ a layer may not import, given what it may. */
function forbidden(target, allowed, why) {
  const all = ['core', 'data', 'platform', 'stores', 'components', 'features', 'pages']
  return all
    .filter((name) => name !== target && !allowed.includes(name))
    .map((name) => ({
      target: layer(target),
      from: layer(name),
      message: `${target} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (${why}); see eslint.config.mjs.`,
    }))
}

const layerZones = [
  ...forbidden('core', [], 'core is pure and runs in Node'),
  ...forbidden('data', ['core'], 'data is the packaged dataset and its loaders'),
  ...forbidden('platform', ['core'], 'platform depends on core and Taro only'),
  ...forbidden('stores', ['core', 'data', 'platform'], 'stores sit below the UI'),
  ...forbidden('components', ['core', 'data', 'platform', 'stores'], 'shared UI knows no feature or page'),
  ...forbidden('features', ['core', 'data', 'platform', 'stores', 'components'], 'a feature is used by pages, not the reverse'),
  // The site renderer (scripts/site) is the exception: it renders the pages themselves, in Node.
  {
    target: ['./scripts/*', './scripts/!(site)/**'],
    from: [layer('stores'), layer('components'), layer('pages')],
    message: 'build-time tools use core, data, platform and features, never the UI (only scripts/site renders pages).',
  },
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.temp/**', '.swc/**', '.cache/**', 'src/data/*.json'] },
  {
    linterOptions: {
      // A disable comment must name a rule that is on and would fire there.
      reportUnusedDisableDirectives: 'error',
    },
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] } },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The layer rule only sees imports it can resolve: an unresolvable one is an error too.
      'import/no-unresolved': ['error', { ignore: ['\\.css$'] }],
      'import/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@tarojs/*', 'react', 'react-dom', 'zustand'], message: 'core is plain TypeScript that runs in Node: no Taro, React or zustand.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'babel.config.js', 'jest.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // typescript-eslint is an ES-module-only package the node resolver cannot see.
    files: ['eslint.config.mjs'],
    rules: { 'import/no-unresolved': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } },
    rules: {
      // Stand-ins for untyped runtimes (wx, Taro's compiled output) are typed loosely on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      // miniprogram-compiler ships no types: its requires carry their own. miniprogram-simulate
      // must load after the DOM globals it reads exist (test/weapp/support/simulate.ts).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^miniprogram-compiler', '^miniprogram-simulate$'] }],
    },
  },
  {
    // No React here: useH5() and friends are test helpers, not hooks.
    files: ['test/e2e/**', 'test/weapp/**', 'scripts/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'react-hooks/exhaustive-deps': 'off' },
  },
  {
    // The Taro stand-ins register a page-lifecycle callback once per mount, as Taro does.
    files: ['test/stubs/**'],
    rules: { 'react-hooks/exhaustive-deps': 'off' },
  },
)
