/** Shapes shared by the production-calendar modules. */

/**
 * One year of the production calendar, dates as 'MM-DD'. Saturdays and Sundays are days off unless listed
 * in `workingWeekends`; only Mon–Fri belong in `daysOff`, which keeps the lists minimal and lets a test
 * catch a mistyped date.
 */
export interface YearCalendar {
  year: number;
  /** Mon–Fri days that are off: non-working holidays and transferred days off. */
  daysOff: readonly string[];
  /** Saturdays/Sundays made working days by a transfer. */
  workingWeekends: readonly string[];
  /** Pre-holiday working days shortened by one hour (Labour Code art. 95). */
  shortDays: readonly string[];
}

/** What the calendar says about one Moscow date; `provisional` when its year has no decree table. */
export interface WorkingDayInfo {
  working: boolean;
  short: boolean;
  provisional: boolean;
}

/** A computed instant plus whether any year it depended on lacked a decree table (show "ориентировочно"). */
export interface CalendarResult {
  value: Date;
  provisional: boolean;
}
