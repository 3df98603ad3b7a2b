// Mini-program navigation takes the page route itself.
export function pageUrl(route: string): string {
  return route
}
