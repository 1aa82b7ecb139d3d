/** zonedTimes (shared/ui/zoned-time.ts): Moscow and local readings, dated only where the day is not obvious. */
import { describe, expect, it } from 'vitest';
import { fromMoscow } from '../../../src/core';
import { zonedTimes } from '../../../src/widget/shared/ui/zoned-time';
import { processTimeZone, RUNTIME_ZONES } from '../time-zones';

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

describe('zonedTimes without Intl (Russian and English, the runtime zone)', () => {
  const setZone = processTimeZone();

  // The plain path must read exactly as the Intl one does for the same zone named explicitly.
  it.each(RUNTIME_ZONES)('reads as Intl does in %s', (name) => {
    setZone(name);
    for (let hours = 0; hours < 24 * 400; hours += 7) {
      const at = new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000 + 13 * 60_000);
      const nowAt = new Date(at.getTime() - ((hours * 37) % 48) * 3_600_000);
      for (const locale of ['ru', 'en']) {
        for (const alwaysDate of [false, true]) {
          expect(zonedTimes(at, { locale, now: nowAt, alwaysDate })).toEqual(zonedTimes(at, { locale, now: nowAt, alwaysDate, timeZone: name }));
        }
      }
    }
  });
});
