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

/** "12:00" in the given zone (the user's, by default the runtime's). */
export function formatLocalTime(at: Date, locale: string, timeZone?: string): string {
  return dateTimeFormat(locale, {
    ...(timeZone === undefined ? {} : { timeZone }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** Day, month and time in the given zone ("1 декабря в 08:00" in Russian; the joining word is ICU's). */
export function formatDateTime(at: Date, locale: string, timeZone?: string): string {
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
