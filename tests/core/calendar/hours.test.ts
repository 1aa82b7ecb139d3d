import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  addWorkingMinutesInfo,
  isSupportOpen,
  nextSupportOpening,
  nextSupportOpeningInfo,
} from '../../../src/core/calendar';
import { fmt, msk } from './helpers';

describe('isSupportOpen', () => {
  it.each([
    // ordinary working days: 08:00 ≤ t < 17:00
    ['2025-06-10 07:59', false],
    ['2025-06-10 08:00', true],
    ['2025-06-10 12:00', true],
    ['2025-06-10 16:59', true],
    ['2025-06-10 17:00', false],
    ['2026-11-25 10:00', true],
    // short pre-holiday days close at 16:00
    ['2025-03-07 15:59', true],
    ['2025-03-07 16:00', false],
    ['2025-04-30 15:59', true],
    ['2025-04-30 16:00', false],
    ['2025-06-11 15:59', true],
    ['2025-06-11 16:00', false],
    ['2025-11-01 08:00', true],
    ['2025-11-01 15:59', true],
    ['2025-11-01 16:00', false],
    ['2026-04-30 15:59', true],
    ['2026-04-30 16:00', false],
    ['2026-05-08 15:59', true],
    ['2026-05-08 16:00', false],
    ['2026-06-11 15:59', true],
    ['2026-06-11 16:00', false],
    ['2026-11-03 15:59', true],
    ['2026-11-03 16:00', false],
    // weekends, holidays and transferred days off
    ['2025-06-14 10:00', false],
    ['2025-06-15 10:00', false],
    ['2025-05-02 10:00', false],
    ['2025-12-31 10:00', false],
    ['2026-01-09 10:00', false],
    ['2026-02-23 10:00', false],
    ['2026-03-09 10:00', false],
    ['2026-03-10 10:00', true],
    // fallback year
    ['2027-01-01 10:00', false],
    ['2027-05-10 10:00', false],
    ['2027-05-11 10:00', true],
    ['2027-12-31 15:59', true],
    ['2027-12-31 16:00', false],
  ])('%s → %s', (at, open) => {
    expect(isSupportOpen(msk(at))).toBe(open);
  });

  it('is exact to the millisecond at the edges', () => {
    expect(isSupportOpen(new Date(msk('2025-06-10 08:00').getTime() - 1))).toBe(false);
    expect(isSupportOpen(new Date(msk('2025-06-10 17:00').getTime() - 1))).toBe(true);
  });

  it('rejects an invalid date', () => {
    expect(() => isSupportOpen(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('nextSupportOpening', () => {
  it.each([
    '2025-06-10 08:00',
    '2025-06-10 16:59',
    '2025-11-01 09:00',
    '2027-07-01 12:00',
  ])('returns the same instant when open (%s)', (at) => {
    const instant = new Date(msk(at).getTime() + 12_345);
    expect(nextSupportOpening(instant).getTime()).toBe(instant.getTime());
  });

  it.each([
    ['2025-06-10 07:00', '2025-06-10 08:00', false],
    ['2025-06-10 17:00', '2025-06-11 08:00', false],
    ['2025-06-11 16:00', '2025-06-16 08:00', false],
    ['2025-06-06 17:30', '2025-06-09 08:00', false],
    ['2025-10-31 18:00', '2025-11-01 08:00', false],
    ['2025-12-30 17:00', '2026-01-12 08:00', false],
    ['2026-12-30 17:00', '2027-01-11 08:00', true],
    ['2027-05-08 12:00', '2027-05-11 08:00', true],
  ])('%s → %s (provisional %s)', (at, expected, provisional) => {
    expect(fmt(nextSupportOpening(msk(at)))).toBe(expected);
    expect(nextSupportOpeningInfo(msk(at)).provisional).toBe(provisional);
  });
});

describe('addWorkingMinutes', () => {
  it.each([
    ['2025-06-10 10:00', 0, '2025-06-10 10:00'],
    ['2025-06-10 16:30', 30, '2025-06-10 17:00'],
    ['2025-06-10 16:30', 31, '2025-06-11 08:01'],
    ['2025-06-06 16:30', 60, '2025-06-09 08:30'],
    ['2025-06-07 03:00', 0, '2025-06-09 08:00'],
    ['2025-06-09 08:00', 540, '2025-06-09 17:00'],
    ['2025-06-09 08:00', 541, '2025-06-10 08:01'],
    ['2025-07-07 08:00', 5 * 540, '2025-07-11 17:00'],
    ['2025-06-09 08:00', 5 * 540, '2025-06-18 09:00'],
    ['2025-03-07 15:30', 30, '2025-03-07 16:00'],
    ['2025-03-07 15:30', 60, '2025-03-10 08:30'],
    ['2025-10-31 16:30', 60, '2025-11-01 08:30'],
    ['2025-11-01 15:30', 60, '2025-11-05 08:30'],
    ['2025-12-30 16:30', 60, '2026-01-12 08:30'],
  ])('%s + %i → %s', (from, minutes, expected) => {
    expect(fmt(addWorkingMinutes(msk(from), minutes))).toBe(expected);
  });

  it('keeps sub-minute precision', () => {
    const from = new Date(msk('2025-06-10 09:00').getTime() + 1_500);
    expect(addWorkingMinutes(from, 0.5).getTime()).toBe(from.getTime() + 30_000);
  });

  it('marks results that cross into a year without a table as provisional', () => {
    expect(addWorkingMinutesInfo(msk('2026-12-30 16:30'), 60)).toEqual({
      value: msk('2027-01-11 08:30'),
      provisional: true,
    });
    expect(addWorkingMinutesInfo(msk('2026-12-30 10:00'), 60).provisional).toBe(false);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 1e9])('rejects %s minutes', (minutes) => {
    expect(() => addWorkingMinutes(msk('2025-06-10 10:00'), minutes)).toThrow(RangeError);
  });
});
