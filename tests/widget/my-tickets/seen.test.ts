/** The pure "seen" rules behind the list marker and the launcher badge. */
import { describe, expect, it } from 'vitest';
import { baselineSeen, formatLastChange, getChangedIds, isTicketChanged, parseSeen, seenKey, serializeSeen, withSeen } from '../../../src/widget/my-tickets';

const a = { id: 'a', lastEventId: 10 };
const b = { id: 'b', lastEventId: 4 };

describe('seen state', () => {
  it('is kept per user under uchi-support:seen:<userKey>', () => {
    expect(seenKey('u-42')).toBe('uchi-support:seen:u-42');
  });

  it('marks a ticket changed when it has an event newer than seen (or than the baseline if never opened)', () => {
    const seen = { base: 5, tickets: { a: 10 } };
    expect(isTicketChanged(a, seen)).toBe(false);
    expect(isTicketChanged({ id: 'a', lastEventId: 11 }, seen)).toBe(true);
    expect(isTicketChanged(b, seen)).toBe(false);
    expect(isTicketChanged({ id: 'b', lastEventId: 6 }, seen)).toBe(true);
    expect(getChangedIds([{ id: 'a', lastEventId: 11 }, b], seen)).toEqual(new Set(['a']));
  });

  it('never moves backwards, and starts a baseline on the first ticket seen', () => {
    const seen = { base: 5, tickets: { a: 10 } };
    expect(withSeen(seen, 'a', 8)).toBe(seen);
    expect(withSeen(seen, 'a', 12).tickets.a).toBe(12);
    expect(withSeen(null, 'c', 30)).toEqual({ base: 30, tickets: { c: 30 } });
  });

  it('takes the list as it is on the first visit', () => {
    const seen = baselineSeen([a, b]);
    expect(getChangedIds([a, b], seen).size).toBe(0);
    expect(baselineSeen([])).toEqual({ base: 0, tickets: {} });
  });

  it('keeps a question waiting for the user\'s answer as news on the first visit, until it is seen', () => {
    const waiting = { id: 'w', lastEventId: 7, status: 'clarification_requested' as const };
    const seen = baselineSeen([a, { ...b, status: 'answered' as const }, waiting]);
    expect(getChangedIds([a, b, waiting], seen)).toEqual(new Set(['w']));
    expect(getChangedIds([a, b, waiting], withSeen(seen, 'w', 7)).size).toBe(0);
  });

  it('round-trips through storage and ignores anything unreadable', () => {
    const seen = { base: 3, tickets: { a: 10 } };
    expect(parseSeen(serializeSeen(seen))).toEqual(seen);
    expect(parseSeen(null)).toBeNull();
    expect(parseSeen('not json')).toBeNull();
    expect(parseSeen('{"base":-1,"tickets":{}}')).toBeNull();
    expect(parseSeen('{"base":1,"tickets":{"a":"x"}}')).toBeNull();
  });
});

describe('formatLastChange', () => {
  const now = new Date('2026-11-27T05:05:00.000Z');
  it.each([
    ['2026-11-27T05:04:30.000Z', 'сейчас'],
    ['2026-11-27T05:10:00.000Z', 'сейчас'], // a server clock slightly ahead never reads "in 5 minutes"
    ['2026-11-27T04:50:00.000Z', '15 минут назад'],
    ['2026-11-27T02:00:00.000Z', '3 часа назад'],
    ['2026-11-20T09:30:00.000Z', '20 ноября, 14:30'],
    ['2025-11-20T09:30:00.000Z', '20 ноября 2025 г., 14:30'],
  ])('%s → %s (UTC+5)', (at, expected) => {
    expect(formatLastChange(new Date(at), now, 'ru')).toBe(expected);
  });
});
