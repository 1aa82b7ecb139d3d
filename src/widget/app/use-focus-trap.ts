/**
 * Escape closes the launcher's panel. Tab and Shift+Tab stay inside it only where it covers the page (the
 * full-screen sheet of a phone, a modal dialog there); beside the page it is a non-modal dialog, and the keyboard
 * may leave it as the pointer may.
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';
import { coversPage } from './use-visible-viewport';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** The focusable elements inside `root`, in DOM order, that are rendered. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0 || element === root.ownerDocument.activeElement);
}

/** While `active`: Escape calls `onEscape`, and focus is kept in `ref` when the panel covers the page. */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, active: boolean, onEscape: () => void): void {
  useEffect(() => {
    const root = ref.current;
    if (!active || root === null) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        // A dialog inside (a confirmation) handles its own Escape first.
        if (root.querySelector('dialog[open]') !== null) return;
        // The panel's host keeps every key from the page (panel-host.ts): a page's own Escape does not close with it.
        event.preventDefault();
        onEscape();
        return;
      }
      if (event.key !== 'Tab' || !coversPage()) return;
      const items = focusableIn(root);
      const first = items[0];
      const last = items[items.length - 1];
      if (first === undefined || last === undefined) return;
      // The key comes from inside the panel, so the focus is in it: on its first control or before it (the title
      // the panel focuses on opening), Shift+Tab goes round to the last; on the last or after it, Tab to the first.
      const current = (root.getRootNode() as Document | ShadowRoot).activeElement ?? root;
      const back = event.shiftKey;
      // compareDocumentPosition's bits: 4 when `current` follows the first control, 2 when it precedes the last.
      if (!((back ? first : last).compareDocumentPosition(current) & (back ? 4 : 2))) {
        event.preventDefault();
        (back ? last : first).focus();
      }
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [ref, active, onEscape]);
}
