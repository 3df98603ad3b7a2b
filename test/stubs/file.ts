// Image imports resolve to a stable fake path in jsdom.
export default 'test-file-stub'
