import { describe, expect, it } from 'vitest';
import { fromMoscow, moscowParts } from '../../../src/core/calendar';

describe('moscowParts', () => {
  it.each([
    ['2025-01-01T00:00:00Z', { year: 2025, month: 1, day: 1, hour: 3, minute: 0, weekday: 3 }],
    ['2024-12-31T21:00:00Z', { year: 2025, month: 1, day: 1, hour: 0, minute: 0, weekday: 3 }],
    ['2024-12-31T20:59:59.999Z', { year: 2024, month: 12, day: 31, hour: 23, minute: 59, weekday: 2 }],
    ['2025-11-01T05:30:00Z', { year: 2025, month: 11, day: 1, hour: 8, minute: 30, weekday: 6 }],
    ['2026-03-08T20:59:00Z', { year: 2026, month: 3, day: 8, hour: 23, minute: 59, weekday: 7 }],
    ['2028-02-29T12:00:00Z', { year: 2028, month: 2, day: 29, hour: 15, minute: 0, weekday: 2 }],
  ])('%s → %o', (iso, parts) => {
    expect(moscowParts(new Date(iso))).toEqual(parts);
  });

  it('rejects an invalid date', () => {
    expect(() => moscowParts(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('fromMoscow', () => {
  it.each([
    [2025, 1, 1, 0, 0, '2024-12-31T21:00:00.000Z'],
    [2025, 6, 15, 8, 0, '2025-06-15T05:00:00.000Z'],
    [2026, 12, 31, 23, 59, '2026-12-31T20:59:00.000Z'],
  ])('%i-%i-%i %i:%i → %s', (y, mo, d, h, mi, iso) => {
    expect(fromMoscow(y, mo, d, h, mi).toISOString()).toBe(iso);
  });

  it('defaults to midnight', () => {
    expect(fromMoscow(2027, 3, 1).toISOString()).toBe('2027-02-28T21:00:00.000Z');
  });

  it('round-trips with moscowParts', () => {
    const parts = moscowParts(fromMoscow(2026, 5, 8, 15, 59));
    expect(parts).toMatchObject({ year: 2026, month: 5, day: 8, hour: 15, minute: 59 });
  });

  it.each([
    [2025, 2, 29, 0, 0],
    [2025, 13, 1, 0, 0],
    [2025, 4, 31, 0, 0],
    [2025, 1, 1, 24, 0],
    [2025, 1, 1, 8, 60],
    [2025, 1, 1.5, 0, 0],
    [99, 1, 1, 0, 0],
  ])('rejects %i-%i-%i %i:%i instead of rolling over', (y, mo, d, h, mi) => {
    expect(() => fromMoscow(y, mo, d, h, mi)).toThrow(RangeError);
  });
});
