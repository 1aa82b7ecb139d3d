/** "5 минут назад" for a fresh change, the date and time for an older one (the user's zone, via Intl). */
import { dateTimeFormat, formatLocalTime } from '../shared/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long ago `at` was, relative to `now`, in words the list can show. */
export function formatLastChange(at: Date, now: Date, locale: string, timeZone?: string): string {
  const ago = now.getTime() - at.getTime();
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // A clock a little behind the server's must not say "in 2 minutes".
  if (ago < MINUTE) return relative.format(0, 'second');
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < 12 * HOUR) return relative.format(-Math.floor(ago / HOUR), 'hour');
  // Date and time formatted apart and joined by us: ICU versions join them differently ("20 ноября в 14:30").
  const zone = timeZone === undefined ? {} : { timeZone };
  const year = (instant: Date) => dateTimeFormat('en', { ...zone, year: 'numeric' }).format(instant);
  const withYear = year(at) === year(now) ? {} : { year: 'numeric' as const };
  const date = dateTimeFormat(locale, { ...zone, ...withYear, day: 'numeric', month: 'long' }).format(at);
  return `${date}, ${formatLocalTime(at, locale, timeZone)}`;
}
