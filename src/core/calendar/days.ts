import { fallbackCalendar } from './fallback';
import { dateOfDayNumber, dayNumberOf, moscowDayNumber, toEpochMs } from './moscow';
import type { WorkingDayInfo, YearCalendar } from './types';
import { CALENDAR_TABLES } from './years';

/** Support opens at 08:00 MSK, in minutes after midnight. */
export const SUPPORT_OPENS_MINUTE = 8 * 60;
/** Support closes at 17:00 MSK on an ordinary working day. */
export const SUPPORT_CLOSES_MINUTE = 17 * 60;
/** Support closes at 16:00 MSK on a shortened pre-holiday day (one hour earlier, art. 95). */
export const SHORT_DAY_CLOSES_MINUTE = 16 * 60;

interface CompiledYear {
  daysOff: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
  shortDays: ReadonlySet<string>;
  provisional: boolean;
}

// Deadline arithmetic asks about the same few days over and over; sets per year keep that cheap.
const compiled = new Map<number, CompiledYear>();

function compiledYear(year: number): CompiledYear {
  let entry = compiled.get(year);
  if (!entry) {
    const table: YearCalendar | undefined = CALENDAR_TABLES.get(year);
    const source = table ?? fallbackCalendar(year);
    entry = {
      daysOff: new Set(source.daysOff),
      workingWeekends: new Set(source.workingWeekends),
      shortDays: new Set(source.shortDays),
      provisional: table === undefined,
    };
    compiled.set(year, entry);
  }
  return entry;
}

/** Whether `year` has a decree table (otherwise its days come from the provisional fallback). */
export function hasCalendarFor(year: number): boolean {
  return CALENDAR_TABLES.has(year);
}

/** Calendar facts for a Moscow day number. */
export function dayInfoByNumber(dayNumber: number): WorkingDayInfo {
  const { year, month, day, weekday } = dateOfDayNumber(dayNumber);
  const cal = compiledYear(year);
  const key = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const working = weekday >= 6 ? cal.workingWeekends.has(key) : !cal.daysOff.has(key);
  return { working, short: working && cal.shortDays.has(key), provisional: cal.provisional };
}

/** Whether a Moscow calendar date (month 1–12) is a working day, a short one, and whether that is provisional. */
export function workingDayInfo(year: number, month: number, day: number): WorkingDayInfo {
  return dayInfoByNumber(dayNumberOf(year, month, day));
}

/** `workingDayInfo` for the Moscow date of an instant. */
export function workingDayInfoAt(at: Date): WorkingDayInfo {
  return dayInfoByNumber(moscowDayNumber(toEpochMs(at)));
}

/** Whether the calendar for the instant's Moscow year is the provisional fallback. */
export function isProvisional(at: Date): boolean {
  return !hasCalendarFor(dateOfDayNumber(moscowDayNumber(toEpochMs(at))).year);
}

/** Closing minute of a working day (16:00 if short, else 17:00). */
export function closingMinute(info: WorkingDayInfo): number {
  return info.short ? SHORT_DAY_CLOSES_MINUTE : SUPPORT_CLOSES_MINUTE;
}
