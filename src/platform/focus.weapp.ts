// A mini-program has no keyboard focus for views (Taro's element.focus() would only set a
// `focus` attribute and cost a setData), so there is nothing to move.
export function focusById(_id: string): void {}
export function focusElement(_find: () => HTMLElement | null): void {}
