// In the mini-program WeChat itself calls the page's onReachBottom (onReachBottomDistance in
// the page config) however the page got there, so the list needs no second signal.
export function watchVisible(_id: string, _onVisible: () => void): () => void {
  return () => {}
}
