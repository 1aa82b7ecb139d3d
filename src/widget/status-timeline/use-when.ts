/** Formats instants of a ticket as "09:00 МСК (11:00 по вашему времени)", with "ориентировочно" when asked. */
import { useCallback } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { useWidgetEnv } from '../shared/env';
import { zonedTimes } from '../shared/ui/zoned-time';

/** Options of one formatted instant. */
export interface WhenOptions {
  /** Computed from a year without a production calendar. */
  provisional?: boolean;
  /** Always show the date (history), not only when it is not today. */
  alwaysDate?: boolean;
}

/** A formatter of instants in Moscow and the user's zone (`timeZone`, the runtime's by default). */
export function useWhen(timeZone?: string): (at: string | Date, options?: WhenOptions) => string {
  const { t, i18n } = useTranslation('timeline');
  const env = useWidgetEnv();
  return useCallback(
    (at, { provisional = false, alwaysDate = false } = {}) => {
      const times = zonedTimes(new Date(at), { locale: i18n.language, now: env.now(), timeZone, alwaysDate });
      const when =
        times.local === null ? t('when.moscow', { moscow: times.moscow }) : t('when.both', { moscow: times.moscow, local: times.local });
      return provisional ? t('when.provisional', { when }) : when;
    },
    [t, i18n.language, env, timeZone],
  );
}
