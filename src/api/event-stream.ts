/**
 * A live subscription to one ticket: `GET /tickets/{id}/events` read with fetch streaming (so it can carry
 * the Authorization header, which EventSource cannot), resumed with `Last-Event-ID`, and replaced by polling
 * `GET /tickets/{id}` when streaming keeps failing or the answer is not a stream (a buffering proxy).
 */
import type { Ticket, TicketEvent } from '../core';
import { ticketEventSchema } from '../core';
import type { AuthState } from './auth';
import type { Timers } from './globals';
import type { LiveOptions } from './live-options';
import { parseJsonText } from './responses';
import { backoffDelay, parseRetryAfter } from './retry';
import { createSseParser } from './sse';
import type { ApiResult, EventHandlers, EventSubscription } from './types';

export { DEFAULT_LIVE_OPTIONS } from './live-options';
export type { LiveOptions } from './live-options';

/** What a subscription needs from its client. */
export interface LiveDeps {
  fetch: typeof fetch;
  auth: AuthState;
  eventsUrl: URL;
  ticketId: string;
  getTicket: (signal: AbortSignal) => Promise<ApiResult<Ticket>>;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  timers: Timers;
  options: LiveOptions;
  /** Told when the server refuses the credentials for good, as a request's 401 tells the client's `onUnauthorized`. */
  onUnauthorized?: (() => void) | undefined;
}

/** How one stream connection ended. */
type StreamEnd =
  | { kind: 'ended'; healthy: boolean; retryMs: number | null }
  | { kind: 'http'; status: number; retryAfterMs: number | null; authorization: string | null }
  | { kind: 'not-a-stream' };

/** How long polling that replaced a failing stream goes on before the stream is tried again. */
const STREAM_RETRY_MS = 60_000;
/** How often, after a 401, the page checks whether the host gave a new token (no request is sent). */
const AUTH_CHECK_MS = 1000;

/** Statuses that say "this backend has no stream here": polling the ticket may still work. */
const NO_STREAM = new Set([404, 405, 406, 501]);
/** Polling answers after which there is nothing left to follow. */
const STOP_POLLING = new Set([401, 403, 404]);

/** Starts following the ticket's events after `lastEventId`. */
export function subscribeToEvents(deps: LiveDeps, lastEventId: number, handlers: EventHandlers): EventSubscription {
  const master = new AbortController();
  let lastId = lastEventId;
  let state: Parameters<NonNullable<EventHandlers['onStateChange']>>[0] | null = null;
  const setState = (next: NonNullable<typeof state>) => {
    if (state === next || (state === 'closed' && next !== 'closed')) return;
    state = next;
    handlers.onStateChange?.(next);
  };
  // Ids grow monotonically, so "newer than the last one" both dedupes and keeps the order.
  const deliver = (event: TicketEvent) => {
    if (event.ticketId !== deps.ticketId || event.id <= lastId) return;
    lastId = event.id;
    try {
      handlers.onEvent(event);
    } catch {
      // A throwing handler must not cut the stream (it would reconnect and skip nothing, but churn).
    }
  };

  const streamOnce = async (): Promise<StreamEnd> => {
    const connection = new AbortController();
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    // Cancelling the reader too ends a pending read even where aborting the fetch does not reach the body.
    const abort = () => {
      connection.abort();
      reader?.cancel().catch(() => undefined);
    };
    master.signal.addEventListener('abort', abort, { once: true });
    let idle: unknown = null;
    const resetIdle = () => {
      if (idle !== null) deps.timers.clearTimeout(idle);
      idle = deps.timers.setTimeout(abort, deps.options.idleTimeoutMs);
    };
    let openedAt: number | null = null;
    let delivered = false;
    let heard = false;
    // A stream that brought events, or was answered and kept sending (heartbeats) a while, was working: its end
    // starts a new count of failures. One that never answered, or stayed silent (a proxy holding the answer back
    // until it ends), was not, however long it hung: such hangs lead to polling like errors do.
    const healthy = () => delivered || (heard && openedAt !== null && deps.now() - openedAt >= deps.options.healthyMs);
    try {
      const authorization = await deps.auth.header();
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (authorization !== null) headers.Authorization = authorization;
      if (lastId > 0) headers['Last-Event-ID'] = String(lastId);
      resetIdle();
      const response = await deps.fetch(deps.eventsUrl.href, {
        headers,
        signal: connection.signal,
        credentials: 'omit',
        redirect: 'error',
      });
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok) {
        discard(response);
        // A refreshed token is worth an early reconnect, but it still counts as a failure: no loop on a bad getter.
        if (response.status === 401 && (await deps.auth.refresh(authorization))) return { kind: 'ended', healthy: false, retryMs: 0 };
        return { kind: 'http', status: response.status, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), deps.now()), authorization };
      }
      if (!/^text\/event-stream\b/i.test(type) || response.body === null) {
        discard(response);
        return { kind: 'not-a-stream' };
      }
      setState('streaming');
      openedAt = deps.now();
      reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = createSseParser(String(lastId));
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          heard = true;
          resetIdle();
          for (const message of parser.push(decoder.decode(value, { stream: true }))) {
            if (message.type !== 'ticket-event' && message.type !== 'message') continue;
            const parsed = ticketEventSchema.safeParse(parseJsonText(message.data));
            if (!parsed.success) continue;
            delivered = true;
            deliver(parsed.data);
          }
        }
      } finally {
        reader.cancel().catch(() => undefined);
      }
      return { kind: 'ended', healthy: healthy(), retryMs: parser.retryMs };
    } catch {
      return { kind: 'ended', healthy: healthy(), retryMs: null };
    } finally {
      if (idle !== null) deps.timers.clearTimeout(idle);
      master.signal.removeEventListener('abort', abort);
    }
  };

  /**
   * A 401 nobody could refresh (a token passed with `setToken` has expired): the host is told (it may sign a new
   * one), the view says it no longer follows, and nothing is sent until the header changes (the host's
   * `setToken`, a guest key), checked on the page alone; then following goes on.
   */
  const newAuthorization = async (used: string | null) => {
    setState('refused');
    while (!master.signal.aborted) {
      await deps.sleep(deps.options.authCheckMs ?? AUTH_CHECK_MS, master.signal);
      if (!master.signal.aborted && (await deps.auth.header()) !== used) return;
    }
  };

  /**
   * Reads the ticket every poll interval until `until` (a time on `deps.now`): true when there is nothing left to
   * follow (the ticket is gone or not the reporter's), false when it is time to try the stream again.
   */
  const poll = async (until: number) => {
    setState('polling');
    while (!master.signal.aborted && deps.now() < until) {
      const used = await deps.auth.header();
      const result = await deps.getTicket(master.signal);
      if (master.signal.aborted) return true;
      if (result.ok) {
        [...result.value.events].sort((a, b) => a.id - b.id).forEach(deliver);
      } else if (result.error.kind === 'http' && result.error.status === 401) {
        await newAuthorization(used);
        return false;
      } else if (result.error.kind === 'http' && STOP_POLLING.has(result.error.status)) {
        setState('closed');
        return true;
      }
      const jitter = 0.8 + 0.4 * deps.random();
      await deps.sleep(Math.round(deps.options.pollIntervalMs * jitter), master.signal);
    }
    return master.signal.aborted;
  };

  const run = async () => {
    let failures = 0;
    while (!master.signal.aborted) {
      setState('connecting');
      const end = await streamOnce();
      if (master.signal.aborted) return;
      // A backend with no stream here (or a buffering proxy) will not grow one: it is polled for good.
      if (end.kind === 'not-a-stream' || (end.kind === 'http' && NO_STREAM.has(end.status))) {
        await poll(Infinity);
        return;
      }
      if (end.kind === 'http' && end.status === 401) {
        // A poll's 401 told the host through the request itself; the stream's is told here.
        deps.onUnauthorized?.();
        await newAuthorization(end.authorization);
        failures = 0;
        continue;
      }
      failures = end.kind === 'ended' && end.healthy ? 1 : failures + 1;
      if (failures >= deps.options.maxStreamFailures) {
        // The network may be back by then: polling hands over to a new stream after a while.
        if (await poll(deps.now() + (deps.options.streamRetryMs ?? STREAM_RETRY_MS))) return;
        failures = 0;
        continue;
      }
      const backoff = backoffDelay(failures - 1, deps.random, deps.options.reconnect);
      const asked = end.kind === 'http' ? end.retryAfterMs : end.retryMs;
      await deps.sleep(Math.max(backoff, Math.min(asked ?? 0, deps.options.reconnect.maxRetryAfterMs)), master.signal);
    }
  };

  void run().catch(() => undefined);
  return {
    close() {
      master.abort();
      setState('closed');
    },
  };
}

/** Releases a body we will not read (not awaited: a cancel may wait for a tee's other branch). */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
