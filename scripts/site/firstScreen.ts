// src/components/firstScreen for the site's Node renderer: a list as it looks once loaded, with
// its low-priority second pass (the cards below the first screen) already drawn.
export { FIRST_SCREEN_CARDS } from '../../src/components/firstScreen'

export function useFirstScreenOnly(_key: unknown): boolean {
  return false
}
