/** CORS for the configured origins only; every other origin gets no CORS headers (the browser refuses). */
import { cors } from 'hono/cors';

/** The CORS middleware; `origins` is read per request so the server can add its own origin after listening. */
export function corsFor(origins: ReadonlySet<string>) {
  return cors({
    origin: (origin) => (origins.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID', 'Accept-Language'],
    exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
    credentials: false,
  });
}
