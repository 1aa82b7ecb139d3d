import { closingMinute, dayInfoByNumber, SUPPORT_OPENS_MINUTE } from './days';
import { instantMs, MINUTE_MS, moscowDayNumber, toEpochMs } from './moscow';
import type { CalendarResult } from './types';

// The longest run of days off is the New Year break (~12 days); a month of scanning means a broken table.
const MAX_SCAN_DAYS = 31;
// About ten years of working time: far beyond any target, and keeps a bad argument from spinning the loop.
const MAX_WORKING_MINUTES = 10 * 250 * 9 * 60;

interface MsResult {
  ms: number;
  provisional: boolean;
}

/** Whether support is open at `at`: working day, 08:00 ≤ time < 17:00 MSK (16:00 on a short day). */
export function isSupportOpen(at: Date): boolean {
  const ms = toEpochMs(at);
  const dayNumber = moscowDayNumber(ms);
  const info = dayInfoByNumber(dayNumber);
  return (
    info.working &&
    ms >= instantMs(dayNumber, SUPPORT_OPENS_MINUTE) &&
    ms < instantMs(dayNumber, closingMinute(info))
  );
}

/** `at` itself when support is open, otherwise the next opening instant. */
export function nextSupportOpening(at: Date): Date {
  return nextSupportOpeningInfo(at).value;
}

/** `nextSupportOpening` plus whether any day it looked at came from the fallback calendar. */
export function nextSupportOpeningInfo(at: Date): CalendarResult {
  const { ms, provisional } = openingMs(toEpochMs(at));
  return { value: new Date(ms), provisional };
}

/** Adds working minutes, counting only open time; starts at the next opening when `from` is closed. */
export function addWorkingMinutes(from: Date, minutes: number): Date {
  return addWorkingMinutesInfo(from, minutes).value;
}

/**
 * `addWorkingMinutes` plus the provisional flag. A result that lands exactly on closing time stays there
 * (16:30 + 30 min = 17:00) rather than jumping to the next morning: the work is due by close of business.
 */
export function addWorkingMinutesInfo(from: Date, minutes: number): CalendarResult {
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > MAX_WORKING_MINUTES) {
    throw new RangeError(`minutes must be a finite number in 0..${MAX_WORKING_MINUTES}, got ${minutes}`);
  }
  let { ms: t, provisional } = openingMs(toEpochMs(from));
  let remaining = Math.round(minutes * MINUTE_MS);
  for (;;) {
    const dayNumber = moscowDayNumber(t);
    const close = instantMs(dayNumber, closingMinute(dayInfoByNumber(dayNumber)));
    if (remaining <= close - t) return { value: new Date(t + remaining), provisional };
    remaining -= close - t;
    const next = openingMs(close);
    t = next.ms;
    provisional ||= next.provisional;
  }
}

/** First open instant ≥ ms, and whether any day inspected on the way was provisional. */
function openingMs(ms: number): MsResult {
  const first = moscowDayNumber(ms);
  let provisional = false;
  for (let dayNumber = first; dayNumber < first + MAX_SCAN_DAYS; dayNumber++) {
    const info = dayInfoByNumber(dayNumber);
    provisional ||= info.provisional;
    if (info.working && ms < instantMs(dayNumber, closingMinute(info))) {
      return { ms: Math.max(ms, instantMs(dayNumber, SUPPORT_OPENS_MINUTE)), provisional };
    }
  }
  throw new Error(`no working day within ${MAX_SCAN_DAYS} days after ${new Date(ms).toISOString()}`);
}
