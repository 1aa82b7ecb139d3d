/** Tells the launcher how many tickets changed since the user last saw them, whether the panel was ever opened. */
import { useEffect } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { useUnseenTickets } from '../my-tickets/use-unseen-tickets';

/** Reports the unseen count, once it is known, and the launcher's accessible name saying so; renders nothing. */
export function UnseenReporter({ onUnseenChange }: { onUnseenChange(count: number, label: string): void }) {
  const { t } = useTranslation('app');
  const { count, known } = useUnseenTickets();
  useEffect(() => {
    if (known) onUnseenChange(count, count > 0 ? t('launcherChanged', { count }) : t('launcher'));
  }, [onUnseenChange, count, known, t]);
  return null;
}
