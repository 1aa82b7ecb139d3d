/** Working hours, the Russian production calendar and deadline arithmetic (docs/architecture.md). */
export { calendarCoverageWarning } from './coverage';
export {
  hasCalendarFor,
  isProvisional,
  SHORT_DAY_CLOSES_MINUTE,
  SUPPORT_CLOSES_MINUTE,
  SUPPORT_OPENS_MINUTE,
  workingDayInfo,
  workingDayInfoAt,
} from './days';
export { REVIEW_WORKING_MINUTES, reviewDeadline, reviewDeadlineInfo } from './deadlines';
export { ART_112_HOLIDAYS, fallbackCalendar } from './fallback';
export {
  addWorkingMinutes,
  addWorkingMinutesInfo,
  isSupportOpen,
  nextSupportOpening,
  nextSupportOpeningInfo,
} from './hours';
export { fromMoscow, MSK_OFFSET_MS, moscowParts } from './moscow';
export type { MoscowParts } from './moscow';
export type { CalendarResult, WorkingDayInfo, YearCalendar } from './types';
export { CALENDAR_TABLES, CALENDAR_YEARS } from './years';
