/** shared/format.ts: Russian and English in the runtime's zone are written without Intl, exactly as Intl writes them. */
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatLocalTime } from '../../../src/widget/shared/format';
import { processTimeZone, RUNTIME_ZONES } from '../time-zones';

describe('formatLocalTime and formatDateTime without Intl', () => {
  const setZone = processTimeZone();

  it.each(RUNTIME_ZONES)('read as Intl does in %s', (name) => {
    setZone(name);
    for (let minutes = 0; minutes < 60 * 24 * 400; minutes += 997) {
      const at = new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);
      for (const locale of ['ru', 'en']) {
        // With the zone named, the same instant goes through Intl.
        expect(formatLocalTime(at, locale)).toBe(formatLocalTime(at, locale, name));
        expect(formatDateTime(at, locale)).toBe(formatDateTime(at, locale, name));
      }
    }
  });
});
