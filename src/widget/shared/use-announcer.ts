/** A polite live region's text: set it to have a screen reader say it once. */
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * How long an announcement stays in the region after it was said: long enough for a screen reader to speak it,
 * short enough that reading the page later does not meet a status that has changed since.
 */
export const ANNOUNCEMENT_MS = 10_000;

/** The current announcement and a setter that re-announces even an identical text; the text clears itself. */
export function useAnnouncer(): [string, (text: string) => void] {
  const [state, setState] = useState({ text: '', serial: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback((text: string) => {
    // Screen readers skip a live region whose text did not change; a trailing no-break space alternates.
    setState((previous) => ({ text: previous.serial % 2 === 0 ? `${text}\u00a0` : text, serial: previous.serial + 1 }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState((previous) => ({ ...previous, text: '' })), ANNOUNCEMENT_MS);
  }, []);
  return [state.text, announce];
}
