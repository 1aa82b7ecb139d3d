/** Dates and times as the widget shows them: Moscow time (support's clock) and the user's own. */

const MOSCOW = 'Europe/Moscow';

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * The date formatter for `locale` and `options`, made once and kept: a formatter costs far more to make than to
 * use (the first one loads the time-zone data), and lists and timelines format many instants.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (made === undefined) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** "08:00" in Moscow time. */
export function formatMoscowTime(at: Date, locale: string): string {
  return dateTimeFormat(locale, { timeZone: MOSCOW, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/**
 * Weekday (short, from Sunday) and month (long; Russian in the genitive, as a date has it) names, as ICU writes
 * them. Russian and English in the runtime's own zone are written without Intl: a page's first Intl formatter
 * loads the ICU data (30–80 ms in one task), which the first screen must not cost.
 */
export const DATE_NAMES = {
  ru: {
    weekdays: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
    months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  },
  en: {
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
} as const;

/** Whether `locale` is one written without Intl. */
export const isPlainLocale = (locale: string): locale is keyof typeof DATE_NAMES => locale === 'ru' || locale === 'en';

/** "08:00" from hours and minutes. */
export const clockTime = (hour: number, minute: number) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** "12:00" in the given zone (the user's, by default the runtime's). */
export function formatLocalTime(at: Date, locale: string, timeZone?: string): string {
  if (timeZone === undefined && isPlainLocale(locale)) return clockTime(at.getHours(), at.getMinutes());
  return dateTimeFormat(locale, {
    ...(timeZone === undefined ? {} : { timeZone }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** Day, month and time in the given zone ("1 декабря в 08:00" in Russian; the joining word is ICU's). */
export function formatDateTime(at: Date, locale: string, timeZone?: string): string {
  if (timeZone === undefined && isPlainLocale(locale)) {
    const month = DATE_NAMES[locale].months[at.getMonth()];
    const time = clockTime(at.getHours(), at.getMinutes());
    return locale === 'ru' ? `${at.getDate()} ${month} в ${time}` : `${month} ${at.getDate()} at ${time}`;
  }
  return dateTimeFormat(locale, {
    ...(timeZone === undefined ? {} : { timeZone }),
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** Whether the user's zone has the same offset as Moscow at that instant (then one time is enough). */
export function sameAsMoscow(at: Date, timeZone?: string): boolean {
  const time = (zone: string | undefined) =>
    dateTimeFormat('en', { ...(zone === undefined ? {} : { timeZone: zone }), dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(at);
  return time(MOSCOW) === time(timeZone);
}
