/**
 * An instant as support and the user both read it: Moscow time (support's clock) and the user's own, dated
 * only where the day is not obvious. Built from separate date and time formats because ICU versions differ
 * in how they join them ("пн, 30 ноября в 08:00" vs "пн, 30 ноября, 08:00"); the join is ours.
 */
import { dateTimeFormat, formatLocalTime, formatMoscowTime, sameAsMoscow } from '../format';

const MOSCOW = 'Europe/Moscow';

/** The two readings of an instant; `local` is null when the user's clock shows the same as Moscow's. */
export interface ZonedTimes {
  /** "08:00" or "пн, 30 ноября, 08:00" (Moscow). */
  moscow: string;
  /** "10:00" or "вс, 29 ноября, 22:00" (the user's zone), or null when equal to Moscow. */
  local: string | null;
}

/** Options of {@link zonedTimes}. */
export interface ZonedTimesOptions {
  locale: string;
  /** The current time: an instant on the same day as `now` is shown without its date. */
  now: Date;
  /** The user's zone; the runtime's by default. */
  timeZone?: string | undefined;
  /** Always show the date (e.g. in a history), not only when it differs from today. */
  alwaysDate?: boolean;
}

/** Calendar day of an instant in a zone, as a comparable key. */
function dayKey(at: Date, timeZone: string | undefined): string {
  return dateTimeFormat('en-CA', {
    ...(timeZone === undefined ? {} : { timeZone }),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** "пн, 30 ноября" in a zone. */
function dateLabel(at: Date, locale: string, timeZone: string | undefined): string {
  return dateTimeFormat(locale, {
    ...(timeZone === undefined ? {} : { timeZone }),
    weekday: 'short',
    day: 'numeric',
    month: 'long',
  }).format(at);
}

/** Moscow and local readings of `at`, dated only when the day differs from today's (or from Moscow's). */
export function zonedTimes(at: Date, { locale, now, timeZone, alwaysDate = false }: ZonedTimesOptions): ZonedTimes {
  const moscowDated = alwaysDate || dayKey(at, MOSCOW) !== dayKey(now, MOSCOW);
  const moscowTime = formatMoscowTime(at, locale);
  const moscow = moscowDated ? `${dateLabel(at, locale, MOSCOW)}, ${moscowTime}` : moscowTime;
  if (sameAsMoscow(at, timeZone)) return { moscow, local: null };
  // Next to a dated Moscow time the local one needs a date only when the user's calendar day differs.
  const localDated =
    dayKey(at, timeZone) !== dayKey(at, MOSCOW) || (!moscowDated && dayKey(at, timeZone) !== dayKey(now, timeZone));
  const localTime = formatLocalTime(at, locale, timeZone);
  return { moscow, local: localDated ? `${dateLabel(at, locale, timeZone)}, ${localTime}` : localTime };
}
