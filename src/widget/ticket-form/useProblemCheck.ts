/** The live "one ticket — one problem" check of the description, debounced so typing stays smooth. */
import { useCallback, useEffect, useState } from 'react';
import { checkOneProblem } from '../../core';
import type { OneProblemCheck } from '../../core';

/** How long typing must pause before the description is checked again. */
export const PROBLEM_CHECK_DELAY_MS = 300;

/**
 * The problems found in `text` (one element for one problem) with the markers of the splits, whether a check is still pending,
 * `checkNow(text)` for a send, which must not slip through the debounce window, and `adoptServerCheck(text, check)` for a
 * send the server refused with `several_problems`: its parts hold until the text changes.
 */
export function useProblemCheck(text: string, delay = PROBLEM_CHECK_DELAY_MS) {
  const [checked, setChecked] = useState(() => ({ text, server: false, ...checkOneProblem(text) }));
  useEffect(() => {
    if (text === checked.text) return undefined;
    const timer = setTimeout(() => setChecked({ text, server: false, ...checkOneProblem(text) }), delay);
    return () => clearTimeout(timer);
  }, [text, checked.text, delay]);
  const checkNow = useCallback(
    (current: string): string[] => {
      // The server's verdict on this very text outranks ours: it is what will refuse the next send.
      if (checked.server && checked.text === current) return checked.parts;
      const check: OneProblemCheck = checkOneProblem(current);
      setChecked({ text: current, server: false, ...check });
      return check.parts;
    },
    [checked],
  );
  const adoptServerCheck = useCallback((current: string, check: OneProblemCheck) => setChecked({ text: current, server: true, ...check }), []);
  return { parts: checked.parts, markers: checked.markers, pending: text !== checked.text, checkNow, adoptServerCheck };
}
