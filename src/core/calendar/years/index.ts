import type { YearCalendar } from '../types';
import { CALENDAR_2025 } from './2025';
import { CALENDAR_2026 } from './2026';

/**
 * Decree tables by year. Add next year's file once its decree is published (usually September–October);
 * `calendarCoverageWarning` nags from 1 October until then.
 */
export const CALENDAR_TABLES: ReadonlyMap<number, YearCalendar> = new Map(
  [CALENDAR_2025, CALENDAR_2026].map((table) => [table.year, table]),
);

/** Years that have a decree table, ascending; every other year uses the provisional fallback. */
export const CALENDAR_YEARS: readonly number[] = [...CALENDAR_TABLES.keys()].sort((a, b) => a - b);
