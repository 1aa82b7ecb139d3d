/**
 * One JSON line per request on stdout: when, what (method and path, never the query or any header), the
 * answer's status, how long it took, who asked (the kind of identity only) and the request id, which the
 * answer also carries as `X-Request-Id`. Turned off with SUPPORT_LOG=off.
 */
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Identity } from '../auth/identity';
import type { AppEnv, Logger } from '../context';

// A request id the request brings (a proxy's, or any client's) is kept only when it is short and plain, so it
// cannot forge log lines (docs/http-contract.md); any other is replaced by a fresh UUID.
const FORWARDED_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The fields of one request's line. */
export interface RequestLogLine {
  time: string;
  id: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  identity: string;
  /** Which worker answered, under `--workers` (node:cluster's id); absent in a single process. */
  worker?: number;
}

/** The middleware; `enabled` false only sets the request id. */
export function requestLog(logger: Logger, clock: () => Date, enabled: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const forwarded = c.req.header('x-request-id');
    const id = forwarded !== undefined && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
    // For the error lines on stderr, which name it so they can be matched to this request's line.
    c.set('requestId', id);
    try {
      await next();
    } finally {
      c.res.headers.set('X-Request-Id', id);
      if (enabled) {
        const line: RequestLogLine = {
          time: clock().toISOString(),
          id,
          method: c.req.method,
          // The path only: a query may carry a token or a search text.
          path: c.req.path.slice(0, 512),
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          identity: (c.get('identity') as Identity | undefined)?.kind ?? 'none',
          ...(cluster.worker === undefined ? {} : { worker: cluster.worker.id }),
        };
        logger.info(JSON.stringify(line));
      }
    }
  });
}
