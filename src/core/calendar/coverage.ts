import { hasCalendarFor } from './days';
import { moscowParts } from './moscow';

/**
 * A reminder to add next year's table, or null. The decree usually appears in September–October, so from
 * 1 October (Moscow date) a missing next year is worth a warning; a missing current year always is.
 */
export function calendarCoverageWarning(now: Date): string | null {
  const { year, month } = moscowParts(now);
  const missing = [year, year + 1].filter((y) => (y === year || month >= 10) && !hasCalendarFor(y));
  if (missing.length === 0) return null;
  return (
    `Production calendar missing for ${missing.join(', ')}: deadlines in those years are provisional (Labour Code ` +
    'holidays only) and say so. To fix it, install a release that has that year\'s calendar; maintainers add ' +
    'src/core/calendar/years/<year>.ts from the government decree «О переносе выходных дней».'
  );
}
