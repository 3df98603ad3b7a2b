// Mini-program components are WeChat's own and styled before the first render: nothing to do.
export function preloadComponentStyles(): void {}
