import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, nextRetry, parseRetryAfter } from '../../src/api/retry';

const NOW = Date.parse('2025-03-10T09:00:00Z');

describe('isRetryableStatus', () => {
  it.each([429, 500, 502, 503, 504, 599])('retries %i', (status) => expect(isRetryableStatus(status)).toBe(true));
  it.each([400, 401, 403, 404, 405, 408, 409, 413, 415, 422, 200, 301])('never retries %i', (status) =>
    expect(isRetryableStatus(status)).toBe(false),
  );
});

describe('backoffDelay', () => {
  it('grows by the factor from the base and stops at the cap (upper bounds)', () => {
    const top = () => 0.999_999_9;
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(retry, top))).toEqual([499, 999, 1999, 3999, 7999, 15_999, 29_999, 29_999]);
  });

  it('uses full jitter: zero is possible', () => {
    expect(backoffDelay(3, () => 0)).toBe(0);
  });

  it('stays within [0, min(cap, base × 2^n)) for any random value (property)', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.double({ min: 0, max: 1, noNaN: true }), (retry, unit) => {
        const delay = backoffDelay(retry, () => unit);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(30_000, 500 * 2 ** retry));
      }),
    );
  });

  it('clamps a random source that misbehaves', () => {
    expect(backoffDelay(0, () => 7)).toBe(500);
    expect(backoffDelay(0, () => -1)).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2000],
    ['0', 0],
    [' 120 ', 120_000],
    ['Mon, 10 Mar 2025 09:00:05 GMT', 5000],
    ['Mon, 10 Mar 2025 08:59:00 GMT', 0],
  ])('reads %j as %i ms', (header, ms) => expect(parseRetryAfter(header, NOW)).toBe(ms));

  it.each([null, undefined, '', 'soon', '-5', '1.5', '2024-01-01'])('ignores %j', (header) => expect(parseRetryAfter(header, NOW)).toBeNull());
});

describe('nextRetry', () => {
  const half = () => 0.5;

  it('retries with backoff until the attempts run out', () => {
    const decisions = [1, 2, 3, 4, 5].map((attempt) => nextRetry(attempt, null, half));
    expect(decisions).toEqual([
      { retry: true, delayMs: 250 },
      { retry: true, delayMs: 500 },
      { retry: true, delayMs: 1000 },
      { retry: true, delayMs: 2000 },
      { retry: false },
    ]);
  });

  it('waits at least Retry-After, with a little jitter on top', () => {
    const decision = nextRetry(1, 2000, half);
    expect(decision).toEqual({ retry: true, delayMs: 2250 });
  });

  it('gives up rather than wait longer than the policy allows', () => {
    expect(nextRetry(1, DEFAULT_RETRY_POLICY.maxRetryAfterMs + 1, half)).toEqual({ retry: false });
    expect(nextRetry(1, DEFAULT_RETRY_POLICY.maxRetryAfterMs, half).retry).toBe(true);
  });

  it('respects a custom number of attempts', () => {
    expect(nextRetry(1, null, half, { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 })).toEqual({ retry: false });
  });
});
