/** A fixed-window rate limit per reporter (per IP without an identity), timed by the injected clock. */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { ApiFailure } from '../errors';
import { remoteAddress } from '../guard/guest-quota';

const WINDOW_MS = 60_000;
// Beyond this many tracked keys, expired windows are swept (an attacker rotating IPs cannot grow memory forever).
const SWEEP_AT = 10_000;

interface Window {
  start: number;
  count: number;
}

// Guests mint their own keys for free, so they are also counted per IP, with room for a classroom behind one NAT.
const GUEST_IP_FACTOR = 10;

/**
 * The buckets a request is counted in, each with its limit. Signed-in users are counted by identity only, and
 * guests, anonymous `GET /meta` and other anonymous calls each have their own per-IP bucket, so a classroom of
 * guests behind one NAT neither blocks the hours banner nor the signed-in users there.
 */
function bucketsOf(c: Context<AppEnv>, perMinute: number, anonymousPerMinute: number): Array<[string, number]> {
  const identity = c.get('identity');
  if (identity.kind === 'user') return [[identity.owner, perMinute]];
  if (identity.kind === 'agent') return [['agent', perMinute]];
  const ip = remoteAddress(c);
  if (identity.kind === 'guest') return [[identity.owner, perMinute], [`guest-ip:${ip}`, perMinute * GUEST_IP_FACTOR]];
  if (c.req.method === 'GET' && c.req.path.endsWith('/meta')) return [[`meta-ip:${ip}`, anonymousPerMinute]];
  return [[`other-ip:${ip}`, perMinute]];
}

/** Middleware allowing `perMinute` requests a minute per bucket; 429 with Retry-After beyond. A stream counts once. */
export function rateLimit(perMinute: number, anonymousPerMinute: number, clock: () => Date) {
  const windows = new Map<string, Window>();
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const now = clock().getTime();
    for (const [key, limit] of bucketsOf(c, perMinute, anonymousPerMinute)) {
      let window = windows.get(key);
      if (window === undefined || now - window.start >= WINDOW_MS || now < window.start) {
        if (windows.size >= SWEEP_AT) sweep(windows, now);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      if (window.count > limit) {
        const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
        throw new ApiFailure(429, 'rate_limited', `Слишком много запросов. Повторите через ${retryAfter} с.`, undefined, {
          'Retry-After': String(retryAfter),
        });
      }
    }
    return next();
  });
}

function sweep(windows: Map<string, Window>, now: number): void {
  for (const [key, window] of windows) if (now - window.start >= WINDOW_MS) windows.delete(key);
}
