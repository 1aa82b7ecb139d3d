import { dateOfDayNumber, dayNumberOf } from './moscow';
import type { YearCalendar } from './types';

/** Non-working holidays of Labour Code art. 112 as [month, day]: Jan 1–6 and 8 New Year, Jan 7 Christmas, … */
export const ART_112_HOLIDAYS: readonly (readonly [number, number])[] = [
  [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 6], [1, 7], [1, 8],
  [2, 23], [3, 8], [5, 1], [5, 9], [6, 12], [11, 4],
];

/**
 * Best guess for a year whose transfer decree we do not have: weekends + art. 112 holidays, a holiday on
 * a weekend moved to the next working day (art. 112), and the working day right before a holiday shortened
 * by an hour (art. 95). January holidays are not moved: the government redistributes them by decree, which
 * we cannot predict. Results built on this are always marked provisional.
 */
export function fallbackCalendar(year: number): YearCalendar {
  const holidays = new Set(ART_112_HOLIDAYS.map(([m, d]) => dayNumberOf(year, m, d)));
  const off = new Set<number>();
  const isWeekend = (n: number): boolean => dateOfDayNumber(n).weekday >= 6;

  for (const [month, day] of ART_112_HOLIDAYS) {
    const n = dayNumberOf(year, month, day);
    if (!isWeekend(n)) {
      off.add(n);
    } else if (month !== 1) {
      let moved = n + 1;
      while (isWeekend(moved) || holidays.has(moved) || off.has(moved)) moved++;
      off.add(moved);
    }
  }

  // Art. 95 shortens only the day *immediately* before a holiday, so a Friday before a Monday holiday is not.
  // Dec 31 precedes next year's Jan 1.
  const beforeHoliday = [...holidays].map((n) => n - 1).concat(dayNumberOf(year, 12, 31));
  const short = beforeHoliday.filter(
    (n) => dateOfDayNumber(n).year === year && !isWeekend(n) && !off.has(n),
  );

  return { year, daysOff: toKeys(off), workingWeekends: [], shortDays: toKeys(new Set(short)) };
}

function toKeys(days: ReadonlySet<number>): string[] {
  return [...days].sort((a, b) => a - b).map((n) => {
    const { month, day } = dateOfDayNumber(n);
    return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });
}
