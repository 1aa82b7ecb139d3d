/**
 * When to retry a request and how long to wait: exponential backoff with full jitter, and the server's
 * `Retry-After` honoured. Pure functions; the caller supplies `random` and `now`.
 */

/** The backoff policy. */
export interface RetryPolicy {
  /** The first backoff ceiling, in milliseconds. */
  baseMs: number;
  /** Growth of the ceiling per attempt. */
  factor: number;
  /** The largest backoff ceiling. */
  capMs: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** The longest `Retry-After` we wait for; a longer one ends the retries and goes to the caller. */
  maxRetryAfterMs: number;
}

/** base 500 ms, ×2, capped at 30 s, 5 attempts; a `Retry-After` of up to 60 s is waited for. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 500,
  factor: 2,
  capMs: 30_000,
  maxAttempts: 5,
  maxRetryAfterMs: 60_000,
};

/** Whether an HTTP status is worth retrying: 5xx and 429. Any other 4xx is the request's own fault. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * The full-jitter backoff before retry number `retry` (0 for the first retry):
 * a uniform wait in [0, min(cap, base × factor^retry)).
 */
export function backoffDelay(retry: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, retry));
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.floor(unit * ceiling);
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP-date (relative to `nowMs`). Null when absent or
 * unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only something shaped like an HTTP-date: Date.parse accepts far too much ("1", "2024") on its own.
  if (!/^[A-Za-z]{3},\s/.test(value) && !/\d{4}.*\d{2}:\d{2}/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** What to do after a failed attempt. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Decides whether attempt number `attempt` (1-based) is followed by another, and after how long.
 * `retryAfterMs` is the server's wish (null when it sent none): we wait at least that long, and give up
 * rather than wait longer than `maxRetryAfterMs` — the caller then shows the server's delay to the user.
 */
export function nextRetry(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false };
  if (retryAfterMs !== null) {
    if (retryAfterMs > policy.maxRetryAfterMs) return { retry: false };
    // A little jitter on top spreads clients that were all told the same instant.
    return { retry: true, delayMs: retryAfterMs + backoffDelay(0, random, { ...policy, capMs: policy.baseMs }) };
  }
  return { retry: true, delayMs: backoffDelay(attempt - 1, random, policy) };
}
