/**
 * A phone or tablet with no mouse: there is nothing to drag, no Ctrl+V to press, and focusing a text field opens
 * the on-screen keyboard over half of the form.
 */
export function touchOnly(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(hover: none) and (pointer: coarse)').matches;
}
