// Puts a tappable View in the keyboard's tab order on H5 (WCAG 2.1.1: what a finger can reach,
// a keyboard can reach; it also makes a scrolling page region reachable). Taro's View and
// ScrollView types leave tabIndex out although the H5 elements take it; weapp ignores it.
export const focusable = { tabIndex: 0 } as object
