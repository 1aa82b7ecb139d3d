import { describe, expect, it } from 'vitest';
import { CALENDAR_TABLES, fallbackCalendar, workingDayInfo } from '../../../src/core/calendar';

describe('fallback calendar (Labour Code art. 112 + art. 95)', () => {
  it('2027 is built from the fixed holidays, moving weekend ones except in January', () => {
    expect(fallbackCalendar(2027)).toEqual({
      year: 2027,
      // Jan 2–3 fall on a weekend and stay there; May 1 (Sat) → May 3, May 9 (Sun) → May 10, Jun 12 (Sat) → Jun 14.
      daysOff: ['01-01', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-03', '05-10', '06-14', '11-04'],
      workingWeekends: [],
      // Mar 5 (Fri) is not short: Mar 7 (Sun), not a working day, is what immediately precedes Mar 8.
      shortDays: ['02-22', '04-30', '06-11', '11-03', '12-31'],
    });
  });

  it.each([
    [1, 1, false, false],
    [1, 8, false, false],
    [1, 11, true, false],
    [5, 9, false, false],
    [5, 10, false, false],
    [5, 11, true, false],
    [2, 22, true, true],
    [12, 31, true, true],
    [7, 1, true, false],
  ])('2027-%i-%i: working %s, short %s, provisional', (m, d, working, short) => {
    expect(workingDayInfo(2027, m, d)).toEqual({ working, short, provisional: true });
  });

  it('differs from the real 2026 decree only in the days the decree transferred', () => {
    const real = CALENDAR_TABLES.get(2026);
    const guess = fallbackCalendar(2026);
    expect(real).toBeDefined();
    const diff = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => !b.includes(x));
    expect(diff(real?.daysOff ?? [], guess.daysOff)).toEqual(['01-09', '12-31']);
    expect(diff(guess.daysOff, real?.daysOff ?? [])).toEqual([]);
    expect(diff(guess.shortDays, real?.shortDays ?? [])).toEqual(['12-31']);
    expect(diff(real?.shortDays ?? [], guess.shortDays)).toEqual([]);
  });
});
