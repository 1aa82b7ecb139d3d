/**
 * The first sign that the user is using the widget since it was shown: a pointer moved or pressed over it, a
 * click (an assistive technology's too), a key pressed (a file dropped or pasted brings what it needs itself).
 * Parts the first screen does not show and a category choice needs (the attachment zone and queue, the draft's
 * schemas) load then rather than with the first frame: an open that is looked at and closed costs only what it
 * showed, and they are there before a pointer that moved in reaches a category.
 */
import { useEffect, useRef } from 'react';
import { useWidgetEnv } from './env';

/**
 * What counts as use: events a person causes, never the focus the widget moves itself. Pointer events cover touch,
 * and a wheel turns over the panel only after the pointer moved there.
 */
const USE_EVENTS = ['pointermove', 'pointerdown', 'click', 'keydown'] as const;

/**
 * Calls `onUse` at the first use of the widget's root (its shadow root, or the document without one) each time it
 * is `shown`; it renders nothing by itself, so the use costs no render of the caller.
 */
export function useFirstUse(shown: boolean, onUse: () => void): void {
  const { container } = useWidgetEnv();
  const latest = useRef(onUse);
  useEffect(() => {
    latest.current = onUse;
  });
  useEffect(() => {
    if (!shown) return undefined;
    const target = container?.() ?? document;
    const stop = () => {
      for (const type of USE_EVENTS) target.removeEventListener(type, use, { capture: true });
    };
    function use() {
      stop();
      latest.current();
    }
    for (const type of USE_EVENTS) target.addEventListener(type, use, { capture: true, passive: true });
    return stop;
  }, [shown, container]);
}
