import { describe, expect, it } from 'vitest';

// The calendar projects only prove zone independence if each really runs in its zone.
describe('process time zone', () => {
  const zone = process.env.TZ;
  const januaryOffset: Record<string, number> = {
    UTC: 0,
    'Europe/Moscow': -180,
    'America/Los_Angeles': 480,
    'Asia/Vladivostok': -600,
  };

  it.runIf(zone !== undefined)('matches process.env.TZ', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    const expected = zone === undefined ? undefined : januaryOffset[zone];
    if (expected !== undefined) expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(expected);
  });
});
