/** Something that could not load, and the button that tries again. */
import { useEffect, useRef } from 'react';
import { Button } from './Button';
import { Notice } from './Notice';
import type { NoticeTone } from './Notice';

/**
 * `message` and a «Повторить» button (`retryLabel`); an error is announced at once. `focus`: the button takes
 * the focus when shown, for a notice that replaces the control the user was on.
 */
export function RetryNotice({ message, retryLabel, onRetry, tone = 'error', focus = false }: { message: string; retryLabel: string; onRetry(): void; tone?: NoticeTone; focus?: boolean }) {
  const retry = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) retry.current?.focus();
  }, [focus]);
  return (
    <Notice tone={tone} live={tone === 'error'}>
      <p>{message}</p>
      <Button onClick={onRetry} ref={retry}>
        {retryLabel}
      </Button>
    </Notice>
  );
}
