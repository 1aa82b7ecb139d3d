/**
 * On a phone the launcher's panel is a full-height sheet. `100dvh` follows the browser's bars but not the
 * on-screen keyboard: most mobile browsers lay the keyboard over the page and shrink only the visual viewport.
 * While the sheet is open this sizes it to the visual viewport (`resize` and `scroll` of `window.visualViewport`,
 * or the window's height where there is none) and, when the visible area shrinks, scrolls the focused field
 * back into view between the sticky header and send bar, with its error line, so no field is hidden under the keyboard.
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { matchesMedia } from '../shared/media';

/** When the panel becomes a sheet: a phone's width, or a height made short by zoom (the media query in styles.css). */
export const SHEET_QUERY = '(max-width: 480px), (max-height: 480px)';

/** Whether the panel is the full-screen sheet now (phones), which covers the page. */
export function coversPage(): boolean {
  return matchesMedia(SHEET_QUERY);
}

/** Calls `changed` when the panel becomes the sheet or stops being it (a phone turned, the page zoomed). */
export function onCoverChange(changed: () => void): () => void {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(SHEET_QUERY) : null;
  query?.addEventListener('change', changed);
  return () => query?.removeEventListener('change', changed);
}

/** Space kept between a revealed field and the edge of what is visible, in pixels. */
const MARGIN = 12;
/**
 * Under this visible height (a phone's keyboard up, a phone on its side) the panel is cramped (`data-cramped`): the
 * header scrolls with the form and the send bar keeps its reason to one line (styles.css, fields.css). Both kept
 * whole in view would leave a line or two of the form between them.
 */
const CRAMPED_HEIGHT = 560;

/** Scrolls `panel` so its focused control lies inside the panel's visible box, clear of the sticky header and send bar. */
export function revealFocused(panel: HTMLElement): void {
  const focused = (panel.getRootNode() as Document | ShadowRoot).activeElement;
  if (!(focused instanceof HTMLElement) || focused === panel || !panel.contains(focused)) return;
  // The header and the bar are in view (sticky); in a cramped panel the header scrolls with the form.
  const head = panel.hasAttribute('data-cramped') ? null : panel.querySelector('.us-shell__top');
  const bar = panel.querySelector('.us-submit-bar');
  if (head?.contains(focused) || bar?.contains(focused)) return;
  const inner = panel.getBoundingClientRect().top + panel.clientTop;
  const top = inner + (head?.getBoundingClientRect().height ?? 0);
  const bottom = inner + panel.clientHeight - (bar?.getBoundingClientRect().height ?? 0);
  const box = focused.getBoundingClientRect();
  // The field's error line under it is part of what must show: what to fix, beside where it is typed.
  const end = Math.max(box.bottom, focused.closest('.us-field')?.querySelector('.us-field__error')?.getBoundingClientRect().bottom ?? 0);
  if (end > bottom - MARGIN) {
    // A field taller than the visible room shows its beginning.
    panel.scrollTop += Math.min(end - bottom + MARGIN, box.top - top - MARGIN);
  } else if (box.top < top + MARGIN) {
    panel.scrollTop -= top + MARGIN - box.top;
  }
}

/** While `active`, keeps the sheet `panel` sized to what is visible and its focused field in view. */
export function useVisibleViewport(panel: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    const element = panel.current;
    if (!active || element === null) return;
    const view = window.visualViewport ?? null;
    const sheet = typeof window.matchMedia === 'function' ? window.matchMedia(SHEET_QUERY) : null;
    let lastHeight = Number.POSITIVE_INFINITY;
    const clear = () => {
      element.style.removeProperty('--us-visible-height');
      element.style.removeProperty('--us-visible-top');
      element.removeAttribute('data-cramped');
      lastHeight = Number.POSITIVE_INFINITY;
    };
    const update = () => {
      // A pinch-zoomed page keeps the sheet at the layout viewport's size; so does a wide window (no sheet).
      if (sheet?.matches !== true || (view !== null && view.scale > 1.01)) {
        clear();
        return;
      }
      const height = view?.height ?? window.innerHeight;
      element.style.setProperty('--us-visible-height', `${Math.round(height)}px`);
      element.style.setProperty('--us-visible-top', `${Math.round(view?.offsetTop ?? 0)}px`);
      element.toggleAttribute('data-cramped', height < CRAMPED_HEIGHT);
      // The keyboard came up (or the window got shorter): bring the field being typed in back into view.
      if (height < lastHeight - 1) revealFocused(element);
      lastHeight = height;
    };
    update();
    const target: EventTarget = view ?? window;
    target.addEventListener('resize', update);
    view?.addEventListener('scroll', update);
    sheet?.addEventListener('change', update);
    return () => {
      target.removeEventListener('resize', update);
      view?.removeEventListener('scroll', update);
      sheet?.removeEventListener('change', update);
      clear();
    };
  }, [panel, active]);
}
