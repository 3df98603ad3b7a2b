// A mini-program has no service worker: WeChat keeps the whole package on the phone.
export function registerServiceWorker(withoutWorker: () => void = () => {}): void {
  withoutWorker()
}
