/**
 * An instant as support and the user both read it: Moscow time (support's clock) and the user's own, dated
 * only where the day is not obvious. Built from separate date and time formats because ICU versions differ
 * in how they join them ("пн, 30 ноября в 08:00" vs "пн, 30 ноября, 08:00"); the join is ours.
 *
 * In Russian and English, for Moscow and the runtime's own zone (what the first screen shows), the readings
 * come from plain arithmetic and Date's local fields, without Intl: a page's first Intl formatter loads the
 * ICU data, a task of 30–80 ms that opening the panel would otherwise pay. Any other zone goes through Intl.
 */
import { MSK_OFFSET_MS } from '../../../core/calendar/moscow';
import { clockTime, DATE_NAMES, dateTimeFormat, formatLocalTime, formatMoscowTime, isPlainLocale, sameAsMoscow } from '../format';

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

/** Calendar fields of an instant: month 0–11, weekday 0 = Sunday (as Date has them). */
interface Fields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

/** Moscow's fields (UTC+3 all year round), or the runtime zone's (Date's local fields). */
function fieldsOf(at: Date, zone: 'moscow' | 'local'): Fields {
  if (zone === 'local') {
    return { year: at.getFullYear(), month: at.getMonth(), day: at.getDate(), weekday: at.getDay(), hour: at.getHours(), minute: at.getMinutes() };
  }
  const shifted = new Date(at.getTime() + MSK_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const sameDay = (a: Fields, b: Fields) => a.year === b.year && a.month === b.month && a.day === b.day;

/** zonedTimes for Russian or English in the runtime's zone: no Intl. */
function plainZonedTimes(at: Date, now: Date, names: (typeof DATE_NAMES)[keyof typeof DATE_NAMES], english: boolean, alwaysDate: boolean): ZonedTimes {
  const time = (f: Fields) => clockTime(f.hour, f.minute);
  const date = (f: Fields) => `${names.weekdays[f.weekday]}, ${english ? `${names.months[f.month]} ${f.day}` : `${f.day} ${names.months[f.month]}`}`;
  const moscowAt = fieldsOf(at, 'moscow');
  const localAt = fieldsOf(at, 'local');
  const moscowDated = alwaysDate || !sameDay(moscowAt, fieldsOf(now, 'moscow'));
  const moscow = moscowDated ? `${date(moscowAt)}, ${time(moscowAt)}` : time(moscowAt);
  // getTimezoneOffset is minutes behind UTC: Moscow's is -180.
  if (at.getTimezoneOffset() === -MSK_OFFSET_MS / 60_000) return { moscow, local: null };
  const localDated = !sameDay(localAt, moscowAt) || (!moscowDated && !sameDay(localAt, fieldsOf(now, 'local')));
  return { moscow, local: localDated ? `${date(localAt)}, ${time(localAt)}` : time(localAt) };
}

/** Moscow and local readings of `at`, dated only when the day differs from today's (or from Moscow's). */
export function zonedTimes(at: Date, { locale, now, timeZone, alwaysDate = false }: ZonedTimesOptions): ZonedTimes {
  if (timeZone === undefined && isPlainLocale(locale)) return plainZonedTimes(at, now, DATE_NAMES[locale], locale === 'en', alwaysDate);
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
