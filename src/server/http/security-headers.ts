/** Headers every answer carries: no sniffing, no caching of personal data, no framing, no referrer. */
import { createMiddleware } from 'hono/factory';

/** Sets the headers after the route ran, keeping any a route set itself (downloads, streams). */
export function securityHeaders() {
  return createMiddleware(async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    headers.set('Referrer-Policy', 'no-referrer');
    // The dev widget files are meant for other sites' pages and say so themselves.
    if (!headers.has('Cross-Origin-Resource-Policy')) headers.set('Cross-Origin-Resource-Policy', 'same-site');
  });
}
