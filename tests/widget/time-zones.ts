/** The zones the Intl-free date code is checked in, and a setter of the process's zone that is undone after each test. */
import { afterEach } from 'vitest';

/** Ahead of and behind Moscow, Moscow itself, and one far east (UTC+12). */
export const RUNTIME_ZONES = ['Asia/Yekaterinburg', 'Europe/Moscow', 'America/Los_Angeles', 'Asia/Kamchatka'];

/** Call in a describe block: returns a setter of `process.env.TZ`, restored to its value after each test. */
export function processTimeZone(): (zone: string) => void {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  return (zone) => {
    process.env.TZ = zone;
  };
}
