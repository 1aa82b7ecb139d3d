/**
 * Dev-only helpers (SUPPORT_DEV=1): sign a reporter token for the demo's user switch, and hand the demo's
 * operator page the agent token. Absent otherwise.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { reporterClaimsSchema } from '../../core';
import { signReporterToken } from '../auth/tokens';
import type { AppDeps, AppEnv } from '../context';
import { jsonSizeLimit, parseWith, readJsonObject } from '../http/json-body';

/** The body of `POST /dev/token`: the claims without `exp` (the server sets one hour). */
export const devTokenBodySchema = z.omit(reporterClaimsSchema, { exp: true });

/** The dev routes; the caller mounts them only in dev mode. */
export function devRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/dev/token', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
      const claims = parseWith(devTokenBodySchema, await readJsonObject(c));
      const token = await signReporterToken(claims, deps.config.tokenSecret, '1h', deps.clock());
      return c.json({ token });
    })
    .get('/dev/agent-token', (c) => c.json({ token: deps.config.agentToken }));
}
