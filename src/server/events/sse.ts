/**
 * A ticket's events as server-sent events: first everything after `Last-Event-ID`, then live ones.
 * We subscribe to the broker before reading the backlog and skip ids already sent, so an event committed
 * while the backlog is read arrives exactly once, and none falls into the gap between the two.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SSEStreamingApi } from 'hono/streaming';
import type { TicketEvent } from '../../core';
import type { AppDeps } from '../context';
import { eventsOf } from '../tickets/view';
import { createEventQueue } from './queue';

/** The SSE event name of every ticket event. */
export const TICKET_EVENT = 'ticket-event';

/** Suggested reconnect delay for EventSource-like clients, in ms. */
const RETRY_MS = 3000;

function send(stream: SSEStreamingApi, event: TicketEvent): Promise<void> {
  return stream.writeSSE({ id: String(event.id), event: TICKET_EVENT, data: JSON.stringify(event) });
}

/** Streams the ticket's events after `after` until the client leaves or the server shuts down. */
export function streamTicketEvents(c: Context, deps: AppDeps, ticketId: string, after: number): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const queue = createEventQueue();
    const unsubscribe = deps.broker.subscribe(ticketId, (event) => queue.push(event), () => queue.close());
    stream.onAbort(() => queue.close());
    const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), deps.config.heartbeatMs);
    try {
      // The first bytes flush the headers, so the client knows at once that the stream is open.
      await stream.write(`retry: ${RETRY_MS}\n\n`);
      let last = after;
      for (const event of eventsOf(deps.store, ticketId, after)) {
        await send(stream, event);
        last = event.id;
      }
      for (let event = await queue.next(); event !== null && !stream.aborted; event = await queue.next()) {
        if (event.id <= last) continue;
        await send(stream, event);
        last = event.id;
      }
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
    }
  });
}
