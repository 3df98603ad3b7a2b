// A mini-program has no keyboard focus to activate: nothing to do.
export function enableKeyboardActivation(): void {}
