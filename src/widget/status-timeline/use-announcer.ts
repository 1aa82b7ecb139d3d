/** A polite live region's text: set it to have a screen reader say it once. */
import { useCallback, useState } from 'react';

/** The current announcement and a setter that re-announces even an identical text. */
export function useAnnouncer(): [string, (text: string) => void] {
  const [state, setState] = useState({ text: '', serial: 0 });
  const announce = useCallback((text: string) => {
    // Screen readers skip a live region whose text did not change; a trailing no-break space alternates.
    setState((previous) => ({ text: previous.serial % 2 === 0 ? `${text}\u00a0` : text, serial: previous.serial + 1 }));
  }, []);
  return [state.text, announce];
}
