/** In place of the fields while their part loads (an empty, busy box), or once it failed to (a way to try again). */
import { useTranslation } from '../shared/i18n-react';
import { Button, Notice } from '../shared/ui';

/** The fields' place before they are there: busy while loading, an error with "Повторить" after a failed load. */
export function FieldsPending({ failed, onRetry }: { failed: boolean; onRetry(): void }) {
  const { t } = useTranslation('form');
  if (!failed) return <div className="us-form-part" aria-busy="true" />;
  return (
    <Notice tone="error" live>
      <p>{t('fieldsFailed')}</p>
      <Button onClick={onRetry}>{t('common:retry')}</Button>
    </Notice>
  );
}
