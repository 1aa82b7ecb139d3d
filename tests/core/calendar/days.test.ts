import { describe, expect, it } from 'vitest';
import {
  CALENDAR_TABLES,
  CALENDAR_YEARS,
  fromMoscow,
  hasCalendarFor,
  isProvisional,
  workingDayInfo,
  workingDayInfoAt,
} from '../../../src/core/calendar';

type Md = readonly [month: number, day: number];
type Range = readonly [month: number, from: number, to: number];

// The decree facts of the production calendar, written as ranges exactly as announced (weekends included).
const FACTS: Record<number, { off: readonly Range[]; workingSat: readonly Md[]; short: readonly Md[] }> = {
  2025: {
    off: [[1, 1, 8], [5, 1, 4], [5, 8, 11], [6, 12, 15], [11, 2, 4], [12, 31, 31]],
    workingSat: [[11, 1]],
    short: [[3, 7], [4, 30], [6, 11], [11, 1]],
  },
  2026: {
    off: [[1, 1, 11], [2, 21, 23], [3, 7, 9], [5, 1, 3], [5, 9, 11], [6, 12, 14], [11, 4, 4], [12, 31, 31]],
    workingSat: [],
    short: [[4, 30], [5, 8], [6, 11], [11, 3]],
  },
};

const expand = (ranges: readonly Range[]): Md[] =>
  ranges.flatMap(([m, from, to]) => Array.from({ length: to - from + 1 }, (_, i): Md => [m, from + i]));
const utcWeekday = (y: number, m: number, d: number): number => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

describe.each(Object.entries(FACTS))('production calendar %s', (yearText, facts) => {
  const year = Number(yearText);
  const offKeys = new Set(expand(facts.off).map(([m, d]) => `${m}-${d}`));
  const satKeys = new Set(facts.workingSat.map(([m, d]) => `${m}-${d}`));
  const shortKeys = new Set(facts.short.map(([m, d]) => `${m}-${d}`));

  it.each(expand(facts.off))(`${year}-%i-%i is a day off`, (m, d) => {
    expect(workingDayInfo(year, m, d)).toEqual({ working: false, short: false, provisional: false });
  });

  it.each(facts.short)(`${year}-%i-%i is a short working day`, (m, d) => {
    expect(workingDayInfo(year, m, d)).toEqual({ working: true, short: true, provisional: false });
  });

  it('every other day follows the weekend rule, working Saturdays excepted', () => {
    for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      const [m, d] = [date.getUTCMonth() + 1, date.getUTCDate()];
      const key = `${m}-${d}`;
      const weekend = [0, 6].includes(utcWeekday(year, m, d));
      const working = satKeys.has(key) || (!weekend && !offKeys.has(key));
      expect(workingDayInfo(year, m, d), `${year}-${key}`).toEqual({
        working,
        short: shortKeys.has(key),
        provisional: false,
      });
    }
  });
});

describe('decree tables', () => {
  it('cover 2025 and 2026 only', () => {
    expect(CALENDAR_YEARS).toEqual([2025, 2026]);
    expect([2024, 2025, 2026, 2027].map(hasCalendarFor)).toEqual([false, true, true, false]);
  });

  // Catches typos such as a Saturday in daysOff (off anyway) or a short day that is not working.
  it.each([...CALENDAR_TABLES.values()])('$year lists are consistent', (table) => {
    const weekday = (md: string): number => utcWeekday(table.year, Number(md.slice(0, 2)), Number(md.slice(3)));
    for (const md of table.daysOff) expect([1, 2, 3, 4, 5], md).toContain(weekday(md));
    for (const md of table.workingWeekends) expect([0, 6], md).toContain(weekday(md));
    for (const md of table.shortDays) {
      expect(workingDayInfo(table.year, Number(md.slice(0, 2)), Number(md.slice(3))).working, md).toBe(true);
    }
    const all = [...table.daysOff, ...table.workingWeekends];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('workingDayInfoAt and isProvisional use the Moscow date', () => {
  it.each([
    // 2025-12-31 21:00 UTC is already 1 Jan 2026 00:00 in Moscow.
    ['2025-12-31T21:00:00Z', { working: false, short: false, provisional: false }, false],
    ['2025-11-01T05:00:00Z', { working: true, short: true, provisional: false }, false],
    ['2026-12-31T20:59:59Z', { working: false, short: false, provisional: false }, false],
    ['2026-12-31T21:00:00Z', { working: false, short: false, provisional: true }, true],
    ['2024-12-31T20:59:59Z', { working: true, short: true, provisional: true }, true],
  ])('%s', (iso, info, provisional) => {
    expect(workingDayInfoAt(new Date(iso))).toEqual(info);
    expect(isProvisional(new Date(iso))).toBe(provisional);
  });

  it('agrees with fromMoscow at both ends of a Moscow day', () => {
    expect(workingDayInfoAt(fromMoscow(2026, 2, 20, 0, 0)).working).toBe(true);
    expect(workingDayInfoAt(fromMoscow(2026, 2, 23, 23, 59)).working).toBe(false);
  });
});
