import { describe, expect, it } from 'vitest';
import { canFollowUp, finalStatusAt, followUpFieldSchema, followUpOpenUntil } from '../../src/core';
import type { StatusMoment } from '../../src/core';

const RESOLVED_AT = '2026-11-01T09:00:00.000Z';
const EVENTS: StatusMoment[] = [
  { status: 'registered', previousStatus: null, createdAt: '2026-10-31T09:00:00.000Z' },
  { status: 'resolved', previousStatus: 'registered', createdAt: RESOLVED_AT },
  // A later message (such as the follow-up note) does not move the final moment.
  { status: 'resolved', previousStatus: 'resolved', createdAt: '2026-11-20T09:00:00.000Z' },
];

describe('follow-up rules', () => {
  it('counts 30 days from the event that made the ticket final, inclusive', () => {
    expect(finalStatusAt('resolved', EVENTS)).toBe(RESOLVED_AT);
    expect(followUpOpenUntil(new Date(RESOLVED_AT)).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(canFollowUp('resolved', EVENTS, new Date('2026-12-01T09:00:00.000Z'))).toBe(true);
    expect(canFollowUp('resolved', EVENTS, new Date('2026-12-01T09:00:00.001Z'))).toBe(false);
  });

  it('never offers it for an open ticket', () => {
    expect(finalStatusAt('answered', EVENTS)).toBeNull();
    expect(canFollowUp('answered', EVENTS, new Date(RESOLVED_AT))).toBe(false);
  });

  it('accepts an id or a number, trimmed, and nothing else', () => {
    expect(followUpFieldSchema.parse({ followUpOf: ' UP-2026-000123 ' })).toEqual({ followUpOf: 'UP-2026-000123' });
    expect(followUpFieldSchema.parse({})).toEqual({});
    for (const followUpOf of ['', 'UP 2026', '<b>', 'x'.repeat(65), 5]) expect(followUpFieldSchema.safeParse({ followUpOf }).success).toBe(false);
  });
});
