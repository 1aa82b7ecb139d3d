/** What every part of the app is built from (injected, so tests can swap the clock or the store). */
import type { ServerConfig } from './config';
import type { Storage } from './storage/types';
import type { EventBroker } from './events/broker';
import type { Identity } from './auth/identity';
import type { FileStorage } from './attachments/storage';
import type { Guards } from './guard/guards';
import type { Metrics } from './metrics';

/** The logger the server writes to; `console` by default. */
export type Logger = Pick<Console, 'info' | 'warn' | 'error'>;

/** The app's dependencies. `clock` is the only source of "now" for every rule. */
export interface AppDeps {
  config: ServerConfig;
  /** SQLite or PostgreSQL, behind one interface (src/server/storage/types.ts). */
  store: Storage;
  clock: () => Date;
  broker: EventBroker;
  files: FileStorage;
  logger: Logger;
  /** Guest quotas per IP and open streams per reporter. */
  guards: Guards;
  /**
   * Aborted when a stop's grace runs out: an upload still arriving is answered 503 and its connection closed, and a
   * request cut afterwards is the server's 503, not the client's 400.
   */
  bodiesCut?: AbortSignal;
  /** Whether the server is draining before it stops: not ready for new traffic, each answer closing its connection. */
  draining?: () => boolean;
  /** What the metrics count as the server goes (SUPPORT_METRICS_PORT); absent when they are off. */
  metrics?: Metrics;
}

/** Hono's environment of our app: the identity resolved once per request. */
export interface AppEnv {
  Variables: {
    identity: Identity;
    /** The client's address (behind a trusted proxy, the one it forwarded); unset outside Node's HTTP server. */
    clientAddress?: string;
    /** The request's id, as its request-log line and its `X-Request-Id` answer say it. */
    requestId?: string;
  };
}
