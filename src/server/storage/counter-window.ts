/**
 * The fixed window a counter reads in, the same on both engines (their upserts apply the same rule in SQL): a new
 * window starts when the stored one is over, or when the clock went back by more than a window. A time a little
 * before the stored window's start is a request that read the clock before another one counted first: it is in
 * that window.
 */
import type { CounterState } from './types';

/** What `peek` answers: the stored window while it is current, else an empty one starting now. */
export function currentWindow(stored: CounterState | undefined, nowMs: number, windowMs: number): CounterState {
  if (stored === undefined || nowMs - stored.start >= windowMs || stored.start - nowMs > windowMs) return { start: nowMs, count: 0 };
  return stored;
}
