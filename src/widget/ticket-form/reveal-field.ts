/**
 * Where the form scrolls when a category is chosen. The browser's own scroll on focus put the first field at
 * the panel's top edge, its label, the chip and the panel's header above it out of view (the picker had been
 * scrolled to reach an option). Instead: from the top when the field fits there whole, above the sticky bar;
 * else just far enough to show it whole.
 */
import { revealFromTop } from '../shared/reveal';

/** Scrolls the form so that `field` (focused already) shows whole with its label, the top kept when it can be. */
export function revealChosenField(field: HTMLElement): void {
  const bar = field.closest('form')?.querySelector('.us-submit-bar')?.getBoundingClientRect().height ?? 0;
  revealFromTop(field.closest<HTMLElement>('.us-field') ?? field, bar);
}

/**
 * Focuses the one-problem panel far down the form and shows it whole above the sticky bar. The focus scrolls as the
 * browser does, which is all the inline widget has (the page scrolls, not the panel); in the launcher's panel the
 * reveal then puts it where it reads best.
 */
export function focusProblems(panel: HTMLElement | null | undefined): void {
  if (panel === null || panel === undefined) return;
  panel.focus();
  revealChosenField(panel);
}
