/** The working-hours banner: open now, or closed with the nearest opening in Moscow and the user's time. */
import { RichText, useTranslation } from '../shared/i18n-react';
import { REVIEW_WORKING_MINUTES } from '../../core';
import { useWidgetEnv } from '../shared/env';
import { zonedTimes } from '../shared/ui/zoned-time';
import { getHoursState } from './hours-state';
import { useNow } from './use-now';

/** Says whether support works now; re-evaluated every minute, so it flips at 08:00 and 17:00 by itself. */
export function HoursBanner({ timeZone }: { timeZone?: string } = {}) {
  const { t, i18n } = useTranslation('support');
  const env = useWidgetEnv();
  const now = useNow(env.now);
  const state = getHoursState(now);
  if (state.kind === 'open') {
    return (
      <div className="us-hours" data-state="open">
        <p className="us-hours__text">{t('hours.open', { count: REVIEW_WORKING_MINUTES })}</p>
      </div>
    );
  }
  const times = zonedTimes(state.opensAt, { locale: i18n.language, now, timeZone, alwaysDate: true });
  const when =
    times.local === null
      ? t('hours.whenMoscow', { moscow: times.moscow })
      : t('hours.whenBoth', { moscow: times.moscow, local: times.local });
  return (
    <div className="us-hours" data-state="closed">
      <p className="us-hours__text">
        <RichText text={t('hours.closed', { when })} parts={{ when: <time dateTime={state.opensAt.toISOString()} /> }} />
      </p>
      {state.provisional ? <p className="us-hours__provisional">{t('hours.provisional')}</p> : null}
    </div>
  );
}
