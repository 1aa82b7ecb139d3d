/**
 * Graceful shutdown: stop accepting, tell open streams to reconnect (they resume with Last-Event-ID on the
 * next server), let requests in flight finish within a grace period, cut what is left, then release storage.
 */
import type { ServerType } from '@hono/node-server';

/** What a shutdown closes besides the HTTP server, in order, once no request is running. */
export interface ShutdownSteps {
  /** Ends every open event stream (each first tells its client to reconnect). */
  endStreams(): void;
  /** Runs after the last connection closed: timers, temporary files, the database. */
  release(): Promise<void>;
}

// Streams end a tick after endStreams and their sockets turn idle then, so idle sockets are swept repeatedly.
const SWEEP_MS = 25;

/** Closes `server` within `graceMs`, then runs the steps' release. */
export async function shutdownServer(server: ServerType, steps: ShutdownSteps, graceMs: number): Promise<void> {
  steps.endStreams();
  await new Promise<void>((resolve) => {
    const closeIdle = () => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    const sweep = setInterval(closeIdle, SWEEP_MS);
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    closeIdle();
  });
  await steps.release();
}
