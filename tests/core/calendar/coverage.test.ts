import { describe, expect, it } from 'vitest';
import { calendarCoverageWarning } from '../../../src/core/calendar';
import { msk } from './helpers';

describe('calendarCoverageWarning', () => {
  it.each([
    ['2026-09-30 23:59', null],
    ['2026-10-01 00:00', '2027'],
    ['2026-11-25 12:00', '2027'],
    ['2025-12-31 23:59', null],
    ['2027-03-01 12:00', '2027'],
    ['2027-10-01 12:00', '2027, 2028'],
  ])('%s → %s', (now, missing) => {
    const warning = calendarCoverageWarning(msk(now));
    if (missing === null) expect(warning).toBeNull();
    else expect(warning).toContain(`missing for ${missing}:`);
  });

  // Uses the real clock on purpose: a reminder to add next year's decree table. Never fails.
  it('warns (without failing) when next year has no table', () => {
    const warning = calendarCoverageWarning(new Date());
    if (warning !== null) console.warn(`[calendar] ${warning}`);
    expect(true).toBe(true);
  });
});
