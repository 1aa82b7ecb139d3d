/**
 * A fixed-window rate limit per reporter (per IP without an identity), timed by the injected clock. The
 * windows are counted in the database, so several processes together let through what one would.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { API_PREFIX } from '../api-prefix';
import type { AppEnv } from '../context';
import { ApiFailure, isStorageSilent, isStorageUnavailable } from '../errors';
import { remoteAddress } from '../guard/guest-quota';
import { RESUBSCRIBE_PATH, UNSUBSCRIBE_PATH } from '../outbox/unsubscribe';
import type { Counters } from '../storage/types';

/** The window of the rate limit. */
export const RATE_WINDOW_MS = 60_000;

/** What the rate limit's counter keys start with: the cleanup forgets their windows once a window is over. */
export const RATE_KEY_PREFIX = 'rate:';

const EMAIL_LINKS = [UNSUBSCRIBE_PATH, RESUBSCRIBE_PATH];

// Guests mint their own keys for free, so they are also counted per IP, with room for a classroom behind one NAT.
const GUEST_IP_FACTOR = 10;

/**
 * The buckets a request is counted in, each with its limit. Signed-in users are counted by identity only, and
 * guests, anonymous `GET /meta` and other anonymous calls each have their own per-IP bucket, so a classroom of
 * guests behind one NAT neither blocks the hours banner nor the signed-in users there.
 */
function bucketsOf(c: Context<AppEnv>, limits: RateLimits): Array<[string, number]> {
  const { perMinute, anonymousPerMinute } = limits;
  const identity = c.get('identity');
  if (identity.kind === 'user') return [[identity.owner, perMinute]];
  // One bucket per agent token: a named specialist's, or the shared one's for everyone using it.
  if (identity.kind === 'agent') return [[identity.name === null ? 'agent' : `agent:${identity.name}`, limits.agentPerMinute]];
  const ip = remoteAddress(c);
  // The address first: a guest key is a new row in the counters, and a request over its address's limit is refused
  // before its key is counted, so fresh keys sent on past the limit add nothing to the database.
  if (identity.kind === 'guest') return [[`guest-ip:${ip}`, perMinute * GUEST_IP_FACTOR], [identity.owner, perMinute]];
  // Credentials that failed are counted with the other anonymous calls, whatever the path: the larger buckets
  // below are for what needs no credentials, not for guessing a token.
  if (identity.kind === 'invalid') return [[`other-ip:${ip}`, perMinute]];
  // The routes by their exact path (`/agent/x/meta` is not the hours banner).
  const path = c.req.path.slice(API_PREFIX.length);
  if (c.req.method === 'GET' && path === '/meta') return [[`meta-ip:${ip}`, anonymousPerMinute]];
  // The e-mails' unsubscribe links: people and mail providers' one-click POSTs (many recipients behind one
  // provider's address), never blocked by other anonymous calls from that address.
  if (EMAIL_LINKS.includes(path)) return [[`email-ip:${ip}`, perMinute * GUEST_IP_FACTOR]];
  return [[`other-ip:${ip}`, perMinute]];
}

/** Requests a minute: per reporter (and guests' IP, ten times it), of anonymous `GET /meta` per IP, of the agent token. */
export interface RateLimits {
  perMinute: number;
  anonymousPerMinute: number;
  agentPerMinute: number;
}

/** Middleware allowing each bucket its requests a minute; 429 with Retry-After beyond. A stream counts once. */
export function rateLimit(limits: RateLimits, clock: () => Date, counters: Counters) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const now = clock().getTime();
    for (const [key, limit] of bucketsOf(c, limits)) {
      // A locked or unreachable database must not turn reads into 503s: the request is let through uncounted
      // (a write it makes gets its own 503), and its other buckets are not tried. A database that does not answer
      // at all is the request's 503 at once: its own first statement would wait as long again for nothing.
      const window = await counters.add(`${RATE_KEY_PREFIX}${key}`, 1, RATE_WINDOW_MS, now).catch((error: unknown) => {
        if (isStorageUnavailable(error) && !isStorageSilent(error)) return null;
        throw error;
      });
      if (window === null) break;
      if (window.count > limit) {
        const retryAfter = Math.max(1, Math.ceil((window.start + RATE_WINDOW_MS - now) / 1000));
        const sentence = { ru: `Слишком много запросов. Повторите через ${retryAfter} с.`, en: `Too many requests. Try again in ${retryAfter} s.` };
        throw new ApiFailure(429, 'rate_limited', sentence, undefined, {
          'Retry-After': String(retryAfter),
        });
      }
    }
    return next();
  });
}
