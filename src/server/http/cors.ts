/** CORS for the configured origins only; every other origin gets no CORS headers (the browser refuses). */
import { cors } from 'hono/cors';

/** How many refused origins the log names in an hour; past them it names none (a page can send any Origin it likes). */
export const REFUSED_ORIGINS_LOGGED = 20;
const WINDOW_MS = 60 * 60_000;

/** An Origin as a log line may show it: printable ASCII, everything else as \\uXXXX, at most 200 characters. */
export function printableOrigin(origin: string): string {
  return origin.slice(0, 200).replace(/[^\x20-\x7e]|["\\]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The CORS middleware; `origins` is read per request so the server can add its own origin after listening. An
 * origin it refuses is said on the log once (the browser alone tells the page, in its console): an LMS address
 * missing from SUPPORT_ALLOWED_ORIGINS shows on the server too.
 */
export function corsFor(origins: ReadonlySet<string>, warn: (line: string) => void = () => undefined, now: () => number = Date.now) {
  // The origins said in the current hour: junk origins cannot keep a real one off the log for longer.
  let told = new Set<string>();
  let since = now();
  return cors({
    origin: (origin) => {
      if (origins.has(origin)) return origin;
      if (now() - since >= WINDOW_MS) {
        told = new Set();
        since = now();
      }
      if (origin !== '' && !told.has(origin) && told.size < REFUSED_ORIGINS_LOGGED) {
        told.add(origin);
        warn(`[support] refused a call from the origin "${printableOrigin(origin)}": not in SUPPORT_ALLOWED_ORIGINS (said once per origin an hour, for the first ${REFUSED_ORIGINS_LOGGED})`);
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
