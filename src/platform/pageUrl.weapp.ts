// Mini-program navigation takes the page route itself.
export function pageUrl(route: string): string {
  return route
}

/** A mini-program page has no address on the web, so nothing names it. */
export function followCanonicalAddress(): void {}
