/** In place of the fields while their part loads (an empty, busy box), or once it failed to (a way to try again). */
import { useEffect, useRef } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { RetryNotice } from '../shared/ui';

/** A change to what was typed ahead: a character or a paste added, Backspace taking the last one back. */
export type TypedChange = (typed: string) => string;

/**
 * The fields' place before they are there: busy while loading, an error with "Повторить" after a failed load.
 * `focusOnShow`: the user has just chosen a category, so focus stays in the form (on the box, then on the
 * retry) instead of falling to the page with the option that was clicked. What they type or paste meanwhile
 * goes to `onType`, so the first field can take it when it comes: nothing typed is lost.
 */
export function FieldsPending({ failed, onRetry, focusOnShow = false, onType }: { failed: boolean; onRetry(): void; focusOnShow?: boolean; onType(change: TypedChange): void }) {
  const { t } = useTranslation('form');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnShow && !failed) box.current?.focus();
  }, [focusOnShow, failed]);
  // The box only holds the focus and passes typing on; it is no control of its own.
  useEffect(() => {
    const element = box.current;
    if (element === null) return undefined;
    const onKey = (event: KeyboardEvent) => {
      // Tab, arrows and shortcuts keep their use; Space would scroll the panel, here it types.
      const { key } = event;
      if (event.ctrlKey || event.metaKey || event.altKey || (key.length > 1 && key !== 'Backspace')) return;
      event.preventDefault();
      onType((typed) => (key === 'Backspace' ? typed.slice(0, -1) : typed + key));
    };
    const onPaste = (event: ClipboardEvent) => {
      event.preventDefault();
      const text = event.clipboardData?.getData('text/plain') ?? '';
      onType((typed) => typed + text);
    };
    element.addEventListener('keydown', onKey);
    element.addEventListener('paste', onPaste);
    return () => {
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('paste', onPaste);
    };
  }, [failed, onType]);
  if (!failed) {
    return (
      <div className="us-form-part" aria-busy="true" tabIndex={-1} ref={box}>
        <span className="us-visually-hidden">{t('common:loading')}</span>
      </div>
    );
  }
  return <RetryNotice message={t('fieldsFailed')} retryLabel={t('common:retry')} onRetry={onRetry} focus={focusOnShow} />;
}
