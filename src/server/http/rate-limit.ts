/** A fixed-window rate limit per reporter (per IP without an identity), timed by the injected clock. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';
import { ApiFailure } from '../errors';

const WINDOW_MS = 60_000;
// Beyond this many tracked keys, expired windows are swept (an attacker rotating IPs cannot grow memory forever).
const SWEEP_AT = 10_000;

interface Window {
  start: number;
  count: number;
}

// Guests mint their own keys for free, so they are also counted per IP, with room for a classroom behind one NAT.
const GUEST_IP_FACTOR = 10;

/** The buckets a request is counted in, each with its limit. */
function bucketsOf(c: Context<AppEnv>, perMinute: number): Array<[string, number]> {
  const identity = c.get('identity');
  if (identity.kind === 'user') return [[identity.owner, perMinute]];
  if (identity.kind === 'agent') return [['agent', perMinute]];
  const ip: [string, number] = [`ip:${remoteAddress(c)}`, identity.kind === 'guest' ? perMinute * GUEST_IP_FACTOR : perMinute];
  return identity.kind === 'guest' ? [[identity.owner, perMinute], ip] : [ip];
}

function remoteAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not running on Node's HTTP server (e.g. app.request in a test): all such calls share one bucket.
    return 'unknown';
  }
}

/** Middleware allowing `perMinute` requests a minute per bucket; 429 with Retry-After beyond. A stream counts once. */
export function rateLimit(perMinute: number, clock: () => Date) {
  const windows = new Map<string, Window>();
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const now = clock().getTime();
    for (const [key, limit] of bucketsOf(c, perMinute)) {
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
