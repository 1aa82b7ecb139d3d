/**
 * Moscow wall-clock arithmetic on epoch milliseconds.
 *
 * Moscow has been UTC+3 all year round since 26 Oct 2014 (no DST), so a fixed offset is exact for every
 * instant a ticket can have; plain arithmetic is also much faster than Intl and, unlike Date's local-time
 * getters, never depends on the machine's time zone. Instants before 26 Oct 2014 are treated as UTC+3 too.
 */

/** Moscow's offset from UTC in milliseconds (UTC+3, fixed since 26 Oct 2014). */
export const MSK_OFFSET_MS = 3 * 60 * 60 * 1000;
/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;
/** One calendar day in milliseconds (Moscow has no DST, so every day is this long). */
export const DAY_MS = 86_400_000;

/** Moscow wall-clock fields of an instant; month 1–12, weekday 1=Mon … 7=Sun (ISO). */
export interface MoscowParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** A Moscow calendar date with its ISO weekday (1=Mon … 7=Sun). */
export interface MoscowDate {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** Epoch milliseconds of a Date; throws RangeError for an Invalid Date so NaN never leaks into deadlines. */
export function toEpochMs(at: Date): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** Moscow day number (days since 1970-01-01 in Moscow) of an epoch-ms instant. */
export function moscowDayNumber(ms: number): number {
  return Math.floor((ms + MSK_OFFSET_MS) / DAY_MS);
}

/** Moscow calendar date of a day number. */
export function dateOfDayNumber(dayNumber: number): MoscowDate {
  // A UTC Date at midnight of the day number has the Moscow date in its UTC fields.
  const utc = new Date(dayNumber * DAY_MS);
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ((((dayNumber + 3) % 7) + 7) % 7) + 1;
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate(), weekday };
}

/** Day number of a Moscow calendar date; throws RangeError for a date that does not exist (e.g. 30 Feb). */
export function dayNumberOf(year: number, month: number, day: number): number {
  assertInt('year', year, 1970, 9999); // Date.UTC maps years 0–99 to 19xx; tickets never predate 1970
  assertInt('month', month, 1, 12);
  assertInt('day', day, 1, daysInMonth(year, month));
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Epoch ms of a wall-clock minute (0–1440) on a Moscow day number. */
export function instantMs(dayNumber: number, minuteOfDay: number): number {
  return dayNumber * DAY_MS + minuteOfDay * MINUTE_MS - MSK_OFFSET_MS;
}

/** Moscow wall-clock fields (hour 0–23) of an instant, independent of the machine's zone. */
export function moscowParts(at: Date): MoscowParts {
  const shifted = toEpochMs(at) + MSK_OFFSET_MS;
  const dayNumber = Math.floor(shifted / DAY_MS);
  const minuteOfDay = Math.floor((shifted - dayNumber * DAY_MS) / MINUTE_MS);
  return { ...dateOfDayNumber(dayNumber), hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

/** The instant at a Moscow wall-clock time; throws RangeError for out-of-range fields instead of rolling over. */
export function fromMoscow(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  assertInt('hour', hour, 0, 23);
  assertInt('minute', minute, 0, 59);
  return new Date(instantMs(dayNumberOf(year, month, day), hour * 60 + minute));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function assertInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${value}`);
  }
}
