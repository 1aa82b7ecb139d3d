import { describe, expect, it } from 'vitest';
import { REVIEW_WORKING_MINUTES, reviewDeadline, reviewDeadlineInfo } from '../../../src/core/calendar';
import { fmt, msk } from './helpers';

describe('reviewDeadline (60 working minutes)', () => {
  it('is 60 minutes', () => {
    expect(REVIEW_WORKING_MINUTES).toBe(60);
  });

  it.each([
    // the policy's examples
    ['2025-06-06 16:30', '2025-06-09 08:30', 'Friday 16:30 → Monday 08:30'],
    ['2025-06-07 00:00', '2025-06-09 09:00', 'Saturday night → Monday 09:00'],
    ['2025-06-07 12:00', '2025-06-09 09:00', 'Saturday noon → Monday 09:00'],
    ['2025-06-08 23:59', '2025-06-09 09:00', 'Sunday → Monday 09:00'],
    ['2026-02-21 10:00', '2026-02-24 09:00', 'Saturday before the Feb 23 Monday holiday'],
    // ordinary days
    ['2025-06-10 10:00', '2025-06-10 11:00', 'inside hours'],
    ['2025-06-10 16:00', '2025-06-10 17:00', 'lands on closing'],
    ['2025-06-10 16:01', '2025-06-11 08:01', 'spills into the next morning'],
    ['2025-06-10 06:00', '2025-06-10 09:00', 'before opening'],
    ['2025-06-10 20:00', '2025-06-11 09:00', 'after closing'],
    // short days and holidays
    ['2025-03-07 15:00', '2025-03-07 16:00', 'short day, lands on 16:00'],
    ['2025-03-07 15:30', '2025-03-10 08:30', 'short day spills over the weekend'],
    ['2025-11-01 10:00', '2025-11-01 11:00', 'working Saturday'],
    ['2025-11-01 15:45', '2025-11-05 08:45', 'working Saturday before Nov 2–4'],
    ['2025-04-30 15:30', '2025-05-05 08:30', 'short day before May 1–4'],
    ['2025-05-07 16:30', '2025-05-12 08:30', 'before May 8–11'],
    ['2026-03-06 16:30', '2026-03-10 08:30', 'before Mar 7–9'],
    ['2026-05-08 15:30', '2026-05-12 08:30', 'short day before May 9–11'],
    // New Year
    ['2025-12-30 16:30', '2026-01-12 08:30', 'New Year 2026'],
    ['2025-12-31 12:00', '2026-01-12 09:00', 'Dec 31 2025 is a day off'],
    ['2026-01-05 12:00', '2026-01-12 09:00', 'inside the January break'],
    ['2026-12-30 16:30', '2027-01-11 08:30', 'New Year 2027 (fallback)'],
  ])('%s → %s (%s)', (received, due) => {
    expect(fmt(reviewDeadline(msk(received)))).toBe(due);
  });

  it.each([
    ['2025-06-06 16:30', false],
    ['2026-12-30 10:00', false],
    ['2026-12-30 16:30', true],
    ['2027-03-01 10:00', true],
    ['2024-12-30 10:00', true],
  ])('%s provisional: %s', (received, provisional) => {
    expect(reviewDeadlineInfo(msk(received)).provisional).toBe(provisional);
  });
});
