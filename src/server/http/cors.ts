/** CORS for the configured origins only; every other origin gets no CORS headers (the browser refuses). */
import { cors } from 'hono/cors';

/** How many refused origins the log names; past them it names none (a page can send any Origin it likes). */
export const REFUSED_ORIGINS_LOGGED = 20;

/**
 * The CORS middleware; `origins` is read per request so the server can add its own origin after listening. An
 * origin it refuses is said on the log once (the browser alone tells the page, in its console): an LMS address
 * missing from SUPPORT_ALLOWED_ORIGINS shows on the server too.
 */
export function corsFor(origins: ReadonlySet<string>, warn: (line: string) => void = () => undefined) {
  const told = new Set<string>();
  return cors({
    origin: (origin) => {
      if (origins.has(origin)) return origin;
      if (origin !== '' && !told.has(origin) && told.size < REFUSED_ORIGINS_LOGGED) {
        told.add(origin);
        warn(`[support] refused a call from the origin ${JSON.stringify(origin.slice(0, 200))}: not in SUPPORT_ALLOWED_ORIGINS (said once per origin, for the first ${REFUSED_ORIGINS_LOGGED})`);
      }
      return null;
    },
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID', 'Accept-Language'],
    exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
    credentials: false,
  });
}
