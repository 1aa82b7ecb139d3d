import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  hasCalendarFor,
  isSupportOpen,
  moscowParts,
  nextSupportOpening,
  REVIEW_WORKING_MINUTES,
  reviewDeadline,
  reviewDeadlineInfo,
} from '../../../src/core/calendar';

const MINUTE = 60_000;
const RUNS = { numRuns: 200 };

// Any instant, to the millisecond, from New Year 2024 to the end of 2028 Moscow time (tabled and fallback years).
const instant = fc
  .integer({ min: Date.UTC(2023, 11, 31, 21), max: Date.UTC(2028, 11, 31, 20, 59, 59, 999) })
  .map((ms) => new Date(ms));

/**
 * Slow reference: open milliseconds in [from, to), asking isSupportOpen once per wall-clock minute. Opening
 * hours change only on whole minutes (Moscow is a whole-hour offset from UTC), so one sample per minute is exact.
 */
function openMsBetween(from: number, to: number): number {
  let total = 0;
  for (let t = from; t < to; ) {
    const next = Math.min(to, (Math.floor(t / MINUTE) + 1) * MINUTE);
    if (isSupportOpen(new Date(t))) total += next - t;
    t = next;
  }
  return total;
}

describe('reviewDeadline properties', () => {
  it('is later, inside working hours, and exactly 60 working minutes away', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const due = reviewDeadline(t);
        expect(due.getTime()).toBeGreaterThan(t.getTime());
        expect(isSupportOpen(new Date(due.getTime() - 1))).toBe(true);
        expect(openMsBetween(t.getTime(), due.getTime())).toBe(REVIEW_WORKING_MINUTES * MINUTE);
      }),
      RUNS,
    );
  });

  it('is monotonic in the receive time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 7 * 24 * 60 * MINUTE }), (t, delta) => {
        const later = new Date(t.getTime() + delta);
        expect(reviewDeadline(later).getTime()).toBeGreaterThanOrEqual(reviewDeadline(t).getTime());
      }),
      RUNS,
    );
  });

  it('is provisional exactly when it touches a year without a table', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const { value, provisional } = reviewDeadlineInfo(t);
        const years = [moscowParts(t).year, moscowParts(value).year];
        expect(provisional).toBe(years.some((y) => !hasCalendarFor(y)));
      }),
      RUNS,
    );
  });
});

describe('nextSupportOpening properties', () => {
  it('is the first open instant at or after t', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const opening = nextSupportOpening(t);
        expect(isSupportOpen(opening)).toBe(true);
        expect(openMsBetween(t.getTime(), opening.getTime())).toBe(0);
        if (isSupportOpen(t)) expect(opening.getTime()).toBe(t.getTime());
      }),
      RUNS,
    );
  });
});

describe('addWorkingMinutes properties', () => {
  it('is additive: (t + a) + b = t + (a + b) for b ≥ 1', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 3000 }), (t, a, b) => {
        const stepwise = addWorkingMinutes(addWorkingMinutes(t, a), b);
        expect(stepwise.getTime()).toBe(addWorkingMinutes(t, a + b).getTime());
      }),
      RUNS,
    );
  });
});
