/** `GET /meta`: the server's clock, whether support is open, the channels and the upload limits. No auth. */
import { Hono } from 'hono';
import { DEFAULT_CHANNELS, isSupportOpen, nextSupportOpeningInfo } from '../../core';
import type { Meta } from '../../core';
import type { AppDeps, AppEnv } from '../context';
import { SERVER_VERSION } from '../version';


/** Builds the meta answer at `now`. */
export function buildMeta(deps: AppDeps, now: Date): Meta {
  const next = nextSupportOpeningInfo(now);
  return {
    serverTime: now.toISOString(),
    open: isSupportOpen(now),
    nextOpening: next.value.toISOString(),
    provisional: next.provisional,
    timeZone: 'Europe/Moscow',
    channels: DEFAULT_CHANNELS,
    limits: deps.config.limits,
    version: SERVER_VERSION,
  };
}

/** The meta route. */
export function metaRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/meta', (c) => c.json(buildMeta(deps, deps.clock())));
}
