/** Warns before the page is left while there are unsent changes; no listener at all otherwise. */
import { useEffect } from 'react';
import { listenWindow } from './browser';

/** Adds a `beforeunload` warning while `active`, and removes it when inactive or unmounted. */
export function useBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    return listenWindow('beforeunload', (event) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    });
  }, [active]);
}
