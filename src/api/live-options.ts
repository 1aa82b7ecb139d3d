/** Tuning of live updates; apart from the stream code, which the client loads when a ticket is first watched. */
import type { RetryPolicy } from './retry';

/** Tuning of the live transport. */
export interface LiveOptions {
  /** Consecutive stream failures after which we poll instead. */
  maxStreamFailures: number;
  /** Time between polls (±20 % jitter). */
  pollIntervalMs: number;
  /** A stream silent for this long (no event, no heartbeat) is treated as dead. */
  idleTimeoutMs: number;
  /** A stream that stayed up this long was healthy: its end does not count towards falling back. */
  healthyMs: number;
  /** Backoff between reconnects. */
  reconnect: RetryPolicy;
  /**
   * Polling that replaced a failing stream tries the stream again after this long (default 60 s): the network
   * that failed it (a laptop asleep, a train's tunnel) is usually back. A backend without a stream is polled on.
   */
  streamRetryMs?: number;
  /** After a 401, how often the client checks, on the page alone, whether the host gave a new token (default 1 s). */
  authCheckMs?: number;
}

/** Reconnect 1 s → 30 s; poll after 3 failures in a row, every ~7 s; 45 s of silence is a dead stream. */
export const DEFAULT_LIVE_OPTIONS: LiveOptions = {
  maxStreamFailures: 3,
  pollIntervalMs: 7000,
  idleTimeoutMs: 45_000,
  healthyMs: 30_000,
  reconnect: { baseMs: 1000, factor: 2, capMs: 30_000, maxAttempts: Infinity, maxRetryAfterMs: 60_000 },
};
