/**
 * The live "one ticket — one problem" check of the description, debounced so typing stays smooth. The
 * detector is not part of the first open: it loads when the description gets its first character.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OneProblemCheck } from '../../core';
import { lazyModule, useLazyModule } from '../shared/lazy-module';

/** How long typing must pause before the description is checked again. */
export const PROBLEM_CHECK_DELAY_MS = 300;

/** The detector (src/core/one-problem), loaded on demand. */
export const oneProblemDetector = lazyModule(() => import('../../core/one-problem'));

/** Who found the parts: the detector, the server (a refused send), or nobody yet (the detector is loading). */
type Checked = OneProblemCheck & { text: string; by: 'rules' | 'server' | 'none' };

const unchecked = (text: string): Checked => ({ text, by: 'none', parts: [text], markers: [] });

/**
 * The problems found in `text` (one element for one problem) with the markers of the splits, whether a check is still pending,
 * `checkNow(text)` for a send, which must not slip through the debounce window, and `adoptServerCheck(text, check)` for a
 * send the server refused with `several_problems`: its parts hold until the text changes.
 */
export function useProblemCheck(text: string, delay = PROBLEM_CHECK_DELAY_MS) {
  const detector = useLazyModule(oneProblemDetector, text.trim() !== '');
  const [checked, setChecked] = useState<Checked>(() => (detector === undefined ? unchecked(text) : { text, by: 'rules', ...detector.checkOneProblem(text) }));
  useEffect(() => {
    if (detector === undefined || (text === checked.text && checked.by !== 'none')) return undefined;
    // The first verdict once the detector has arrived is not a keystroke to wait out.
    const timer = setTimeout(() => setChecked({ text, by: 'rules', ...detector.checkOneProblem(text) }), checked.by === 'none' ? 0 : delay);
    return () => clearTimeout(timer);
  }, [text, checked.text, checked.by, delay, detector]);
  const checkNow = useCallback(
    async (current: string): Promise<string[]> => {
      // The server's verdict on this very text outranks ours: it is what will refuse the next send.
      if (checked.by === 'server' && checked.text === current) return checked.parts;
      let check: OneProblemCheck;
      try {
        check = (await oneProblemDetector.load()).checkOneProblem(current);
      } catch {
        // The detector could not load: the server applies the same rule and answers with the parts it found.
        return [current];
      }
      setChecked({ text: current, by: 'rules', ...check });
      return check.parts;
    },
    [checked],
  );
  const adoptServerCheck = useCallback((current: string, check: OneProblemCheck) => setChecked({ text: current, by: 'server', ...check }), []);
  const pending = text !== checked.text || (checked.by === 'none' && text.trim() !== '');
  return { parts: checked.parts, markers: checked.markers, pending, checkNow, adoptServerCheck };
}
