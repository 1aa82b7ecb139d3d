/**
 * The first sign that the user is using the widget since it was shown: a pointer moved or pressed over it, a
 * click (an assistive technology's too), a key pressed, a wheel turned (a file dropped or pasted brings what it
 * needs itself). Parts the first screen does not show and a category choice needs (the attachment zone and
 * queue, the draft's schemas) load then rather than with the first frame: an open that is looked at and closed
 * costs only what it showed, and they are there before a pointer that moved in reaches a category.
 */
import { useEffect, useState } from 'react';
import { useWidgetEnv } from './env';

/** What counts as use: events a person causes, never the focus the widget moves itself (pointer events cover touch). */
const USE_EVENTS = ['pointermove', 'pointerdown', 'click', 'keydown', 'wheel'] as const;

/** True from the first use of the widget's root (its shadow root, or the document without one) while `shown`. */
export function useFirstUse(shown: boolean): boolean {
  const { container } = useWidgetEnv();
  const [used, setUsed] = useState(false);
  useEffect(() => {
    if (!shown || used) return undefined;
    const target = container?.() ?? document;
    const onUse = () => setUsed(true);
    for (const type of USE_EVENTS) target.addEventListener(type, onUse, { capture: true, passive: true });
    return () => {
      for (const type of USE_EVENTS) target.removeEventListener(type, onUse, { capture: true });
    };
  }, [shown, used, container]);
  return used;
}
