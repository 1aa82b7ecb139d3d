/** In place of the fields while their part loads (an empty, busy box), or once it failed to (a way to try again). */
import { useEffect, useRef } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { RetryNotice } from '../shared/ui';

/**
 * The fields' place before they are there: busy while loading, an error with "Повторить" after a failed load.
 * `focusOnShow`: the user has just chosen a category, so focus stays in the form (on the box, then on the
 * retry) instead of falling to the page with the option that was clicked.
 */
export function FieldsPending({ failed, onRetry, focusOnShow = false }: { failed: boolean; onRetry(): void; focusOnShow?: boolean }) {
  const { t } = useTranslation('form');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnShow && !failed) box.current?.focus();
  }, [focusOnShow, failed]);
  if (!failed) {
    return (
      <div className="us-form-part" aria-busy="true" tabIndex={-1} ref={box}>
        <span className="us-visually-hidden">{t('common:loading')}</span>
      </div>
    );
  }
  return <RetryNotice message={t('fieldsFailed')} retryLabel={t('common:retry')} onRetry={onRetry} focus={focusOnShow} />;
}
