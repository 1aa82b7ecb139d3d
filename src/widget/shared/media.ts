/** Media queries the widget reads at the moment it acts (no subscription: each answer is used once). */

/** Whether `query` matches now (never where the browser has no `matchMedia`). */
export function matchesMedia(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/**
 * A phone or tablet with no mouse: there is nothing to drag, no Ctrl+V to press, and focusing a text field opens
 * the on-screen keyboard over half of the form.
 */
export const TOUCH_ONLY_QUERY = '(hover: none) and (pointer: coarse)';

/** Whether the screen is touch-only now (see {@link TOUCH_ONLY_QUERY}). */
export function touchOnly(): boolean {
  return matchesMedia(TOUCH_ONLY_QUERY);
}
