/**
 * A ticket's events as server-sent events: first everything after `Last-Event-ID`, then live ones.
 * We subscribe to the broker before reading the backlog, and every wake reads the table after the last id
 * sent, so an event committed by any process arrives exactly once, in order, and none falls into a gap.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SSEStreamingApi } from 'hono/streaming';
import type { TicketEvent } from '../../core';
import type { AppDeps } from '../context';
import { eventsOf } from '../tickets/view';
import type { Audience } from '../tickets/view';
import { exemptFromIdleTimeout, socketOf } from '../guard/connections';
import { createWakeSignal } from './wake-signal';

/** The SSE event name of every ticket event. */
export const TICKET_EVENT = 'ticket-event';

/** Suggested reconnect delay for EventSource-like clients, in ms. */
const RETRY_MS = 3000;

/** The SSE event that ends a stream on shutdown: reconnect (with Last-Event-ID) after the frame's `retry`. */
export const RECONNECT_EVENT = 'reconnect';

/**
 * The reconnect delay sent on shutdown: 1–5 s, spread so the clients of a restarted server do not all come
 * back in the same instant.
 */
function shutdownRetryMs(): number {
  return 1000 + Math.floor(Math.random() * 4000);
}

function send(stream: SSEStreamingApi, event: TicketEvent): Promise<void> {
  return stream.writeSSE({ id: String(event.id), event: TICKET_EVENT, data: JSON.stringify(event) });
}

/** Who opened a stream: its reporter (capped per owner) or the agent, and when its credentials expire. */
export interface StreamOpener {
  owner: string | null;
  expiresAt: Date | null;
  /** Support's streams also name the specialist of each support event. */
  audience: Audience;
  /** Asked at every wake: whether the opener may still read the ticket (null: always); the stream ends when not. */
  stillReadable: (() => Promise<boolean>) | null;
}

/**
 * Streams the ticket's events after `after` until the client leaves, the server shuts down, the opener's token
 * expires, or the same reporter opens one stream too many (the oldest is closed). On shutdown it first sends a
 * `reconnect` event with a `retry` delay.
 */
export function streamTicketEvents(c: Context, deps: AppDeps, ticketId: string, after: number, opener: StreamOpener): Response {
  c.header('X-Accel-Buffering', 'no');
  exemptFromIdleTimeout(socketOf(c));
  return streamSSE(c, async (stream) => {
    const queue = createWakeSignal();
    let shuttingDown = false;
    const unsubscribe = deps.broker.subscribe(ticketId, () => queue.ring(), () => {
      shuttingDown = true;
      queue.close();
    });
    const release = opener.owner === null ? () => undefined : deps.guards.streams.open(opener.owner, () => queue.close());
    const expiry = opener.expiresAt === null ? null : setTimeout(() => queue.close(), Math.max(0, opener.expiresAt.getTime() - deps.clock().getTime()));
    stream.onAbort(() => queue.close());
    // The opener's right to read is asked again with each heartbeat too: an erasure made by another process of the
    // same database wakes no stream here (it adds no event), and the stream ends within a heartbeat. A database that
    // does not answer ends nothing.
    let asking = false;
    const askAgain = () => {
      if (asking || opener.stillReadable === null) return;
      asking = true;
      opener.stillReadable().then((readable) => readable || queue.close(), () => undefined).finally(() => (asking = false));
    };
    const heartbeat = setInterval(() => {
      void stream.write(': heartbeat\n\n');
      askAgain();
    }, deps.config.heartbeatMs);
    try {
      // The first bytes flush the headers, so the client knows at once that the stream is open.
      await stream.write(`retry: ${RETRY_MS}\n\n`);
      let last = after;
      let first = true;
      do {
        if (!first && opener.stillReadable !== null && !(await opener.stillReadable())) break;
        first = false;
        for (const event of await eventsOf(deps.store, ticketId, last, opener.audience)) {
          if (stream.aborted) break;
          await send(stream, event);
          last = event.id;
        }
      } while (!stream.aborted && (await queue.wait()));
      // The server is going away: say so, and when to come back (EventSource and the widget reconnect by themselves).
      if (shuttingDown && !stream.aborted) {
        await stream.writeSSE({ event: RECONNECT_EVENT, data: JSON.stringify({ reason: 'shutdown', lastEventId: last }), retry: shutdownRetryMs() });
      }
    } finally {
      clearInterval(heartbeat);
      if (expiry !== null) clearTimeout(expiry);
      release();
      unsubscribe();
    }
  });
}
