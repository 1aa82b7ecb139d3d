/**
 * Where the form scrolls when a category is chosen. The browser's own scroll on focus put the first field at
 * the panel's top edge, its label, the chip and the panel's header above it out of view (the picker had been
 * scrolled to reach an option). Instead: from the top when the field fits there whole, above the sticky bar;
 * else just far enough to show it whole.
 */

/** The nearest ancestor that scrolls vertically, if any. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/** Scrolls the form so that `field` (focused already) shows whole with its label, the top kept when it can be. */
export function revealChosenField(field: HTMLElement): void {
  const scroller = scrollParent(field);
  if (scroller === null) return;
  const whole = field.closest<HTMLElement>('.us-field') ?? field;
  const bar = field.closest('form')?.querySelector('.us-submit-bar')?.getBoundingClientRect().height ?? 0;
  const bottom = whole.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top + scroller.scrollTop;
  const room = scroller.clientHeight - bar;
  scroller.scrollTop = bottom <= room ? 0 : bottom - room;
}
