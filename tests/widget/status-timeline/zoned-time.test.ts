/** zonedTimes (shared/ui/zoned-time.ts): Moscow and local readings, dated only where the day is not obvious. */
import { describe, expect, it } from 'vitest';
import { fromMoscow } from '../../../src/core';
import { zonedTimes } from '../../../src/widget/shared/ui/zoned-time';

const now = fromMoscow(2026, 11, 27, 8, 5);

describe('zonedTimes', () => {
  it.each([
    ['today, user UTC+5', fromMoscow(2026, 11, 27, 9, 0), undefined, { moscow: '09:00', local: '11:00' }],
    ['today, user on Moscow time', fromMoscow(2026, 11, 27, 9, 0), 'Europe/Moscow', { moscow: '09:00', local: null }],
    ['another day', fromMoscow(2026, 11, 30, 8, 0), undefined, { moscow: 'пн, 30 ноября, 08:00', local: '10:00' }],
    ['local day differs', fromMoscow(2026, 11, 30, 8, 0), 'America/Los_Angeles', { moscow: 'пн, 30 ноября, 08:00', local: 'вс, 29 ноября, 21:00' }],
    ['today in Moscow, tomorrow locally', fromMoscow(2026, 11, 27, 22, 30), undefined, { moscow: '22:30', local: 'сб, 28 ноября, 00:30' }],
  ])('%s', (_name, at, timeZone, expected) => {
    expect(zonedTimes(at, { locale: 'ru', now, timeZone })).toEqual(expected);
  });

  it('dates both on request', () => {
    expect(zonedTimes(fromMoscow(2026, 11, 27, 9, 0), { locale: 'ru', now, alwaysDate: true })).toEqual({
      moscow: 'пт, 27 ноября, 09:00',
      local: '11:00',
    });
  });
});
