/**
 * Graceful shutdown: stop accepting, tell open streams to reconnect (they resume with Last-Event-ID on the
 * next server), let requests in flight finish within a grace period, answer the uploads still arriving 503 and
 * give those answers a moment to reach their clients, cut what is left, then release storage.
 */
import type { ServerType } from '@hono/node-server';

/** What a shutdown closes besides the HTTP server, in order, once no request is running. */
export interface ShutdownSteps {
  /** Ends every open event stream (each first tells its client to reconnect). */
  endStreams(): void;
  /** When the grace runs out: every upload still arriving is answered 503, its connection closing after it. */
  cutBodies(): void;
  /** Runs after the last connection closed: timers, temporary files, the database. */
  release(): Promise<void>;
}

// Streams end a tick after endStreams and their sockets turn idle then, so idle sockets are swept repeatedly.
const SWEEP_MS = 25;

/**
 * How long the 503s of uploads cut at the grace's end have to reach their clients before every connection is
 * closed. Each such answer closes its connection with a lingering close (guard/connections.ts), which reads and
 * drops what the client still sends meanwhile, so the client is not reset before it reads it.
 */
export const ANSWER_MS = 1_000;

/** Closes `server` within `graceMs` (and up to {@link ANSWER_MS} more for the 503s of cut uploads), then runs the steps' release. */
export async function shutdownServer(server: ServerType, steps: ShutdownSteps, graceMs: number): Promise<void> {
  steps.endStreams();
  await new Promise<void>((resolve) => {
    const closeIdle = () => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    const sweep = setInterval(closeIdle, SWEEP_MS);
    let force: NodeJS.Timeout | undefined;
    const grace = setTimeout(() => {
      steps.cutBodies();
      force = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, ANSWER_MS);
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(grace);
      clearTimeout(force);
      resolve();
    });
    closeIdle();
  });
  await steps.release();
}
