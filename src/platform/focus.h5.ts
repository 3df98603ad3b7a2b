// Moving keyboard focus on H5, where a panel that opens or closes must take a keyboard or
// screen-reader user along (to its heading, then back to the button that opened it).

/** Focuses the element with this id, if it is on the page and can take focus. */
export function focusById(id: string): void {
  if (typeof document === 'undefined') return
  const element = document.getElementById(id)
  if (element && typeof element.focus === 'function') element.focus()
}
