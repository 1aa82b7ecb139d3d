/** The live "one ticket — one problem" check of the description, debounced so typing stays smooth. */
import { useCallback, useEffect, useState } from 'react';
import { checkOneProblem } from '../../core';
import type { OneProblemCheck } from '../../core';

/** How long typing must pause before the description is checked again. */
export const PROBLEM_CHECK_DELAY_MS = 300;

/**
 * The problems found in `text` (one element for one problem) with the markers of the splits, whether a check is still pending, and
 * `checkNow(text)` for a send, which must not slip through the debounce window.
 */
export function useProblemCheck(text: string, delay = PROBLEM_CHECK_DELAY_MS) {
  const [checked, setChecked] = useState(() => ({ text, ...checkOneProblem(text) }));
  useEffect(() => {
    if (text === checked.text) return undefined;
    const timer = setTimeout(() => setChecked({ text, ...checkOneProblem(text) }), delay);
    return () => clearTimeout(timer);
  }, [text, checked.text, delay]);
  const checkNow = useCallback((current: string): string[] => {
    const check: OneProblemCheck = checkOneProblem(current);
    setChecked({ text: current, ...check });
    return check.parts;
  }, []);
  return { parts: checked.parts, markers: checked.markers, pending: text !== checked.text, checkNow };
}
