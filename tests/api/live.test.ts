/** Live updates against the real server: streaming, resuming with Last-Event-ID, falling back to polling. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSupportApi, newIdempotencyKey } from '../../src/api';
import type { EventSubscription, HttpSupportApiOptions } from '../../src/api';
import type { TicketEvent } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { eventually, shortSleep, startApiTestServer } from './server';
import type { ApiTestServer } from './server';

let ts: ApiTestServer;
beforeAll(async () => {
  ts = await startApiTestServer();
});
afterAll(() => ts.cleanup());

const open: EventSubscription[] = [];
afterAll(() => open.forEach((subscription) => subscription.close()));

let users = 0;
/** A fresh user's client (fast reconnects and polls) with one ticket. */
async function withTicket(options: Partial<HttpSupportApiOptions> = {}) {
  users++;
  const api = createHttpSupportApi({
    baseUrl: ts.baseUrl,
    token: await ts.token(`live-${users}`),
    sleep: shortSleep(),
    live: { pollIntervalMs: 20 },
    ...options,
  });
  const result = await api.createTicket(validDrafts.technical, newIdempotencyKey());
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { api, ticket: result.value.ticket };
}

/** Subscribes and records events and transport states. */
function follow(api: ReturnType<typeof createHttpSupportApi>, id: string, lastEventId: number) {
  const events: TicketEvent[] = [];
  const states: string[] = [];
  const subscription = api.subscribe(id, lastEventId, { onEvent: (event) => events.push(event), onStateChange: (state) => states.push(state) });
  open.push(subscription);
  return { events, states, subscription, ids: () => events.map((event) => event.id) };
}

/** Whether a fetch call is the event stream. */
const isStream = (input: RequestInfo | URL) => String(input).endsWith('/events');

describe('live updates', () => {
  it('streams a specialist status change as it happens', async () => {
    const { api, ticket } = await withTicket();
    const lastId = ticket.events.at(-1)?.id ?? 0;
    const live = follow(api, ticket.id, lastId);
    await eventually(() => expect(live.states).toContain('streaming'));
    expect(await ts.setStatus(ticket.id, 'in_progress')).toBe(200);
    await eventually(() => expect(live.events).toHaveLength(1));
    expect(live.events[0]).toMatchObject({ ticketId: ticket.id, status: 'in_progress', previousStatus: 'registered', actor: 'support' });
    expect(live.events[0]?.id).toBeGreaterThan(lastId);
    live.subscription.close();
    expect(live.states).toEqual(['connecting', 'streaming', 'closed']);
  });

  it('resumes with Last-Event-ID after a cut: no duplicate, no gap', async () => {
    const seenLastEventIds: (string | null)[] = [];
    let cuts = 0;
    // The first stream is cut right after its first event, as a flaky network would.
    const cutting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!isStream(input)) return response;
      seenLastEventIds.push(new Headers(init?.headers).get('Last-Event-ID'));
      if (cuts > 0 || response.body === null) return response;
      cuts++;
      return new Response(cutAfterFirstEvent(response.body), { status: response.status, headers: response.headers });
    };
    const { api, ticket } = await withTicket({ fetch: cutting });
    expect(await ts.setStatus(ticket.id, 'processing')).toBe(200);
    expect(await ts.setStatus(ticket.id, 'in_progress')).toBe(200);
    const live = follow(api, ticket.id, 0);
    await eventually(() => expect(live.events).toHaveLength(3));
    expect(await ts.setStatus(ticket.id, 'answered', 'Очистите кэш браузера.')).toBe(200);
    await eventually(() => expect(live.events).toHaveLength(4));

    const first = ticket.events[0]?.id ?? 0;
    expect(live.events.map((event) => event.status)).toEqual(['registered', 'processing', 'in_progress', 'answered']);
    expect(new Set(live.ids()).size).toBe(4);
    expect(seenLastEventIds).toEqual([null, String(first)]);
    expect(live.states.filter((state) => state === 'streaming')).toHaveLength(2);
    expect(live.states).not.toContain('polling');
  });

  it('falls back to polling when the stream keeps failing, and delivers what it missed', async () => {
    let streamCalls = 0;
    const broken: typeof fetch = (input, init) => {
      if (!isStream(input)) return fetch(input, init);
      streamCalls++;
      return Promise.resolve(new Response('{"error":{"code":"internal","message":"x"}}', { status: 500 }));
    };
    const { api, ticket } = await withTicket({ fetch: broken });
    const live = follow(api, ticket.id, ticket.events.at(-1)?.id ?? 0);
    await eventually(() => expect(live.states).toContain('polling'));
    expect(streamCalls).toBe(3);
    expect(await ts.setStatus(ticket.id, 'clarification_requested', 'Приложите скриншот.')).toBe(200);
    expect(await ts.setStatus(ticket.id, 'in_progress')).toBe(200);
    await eventually(() => expect(live.events.map((event) => event.status)).toEqual(['clarification_requested', 'in_progress']));
    expect(live.events[0]?.text).toBe('Приложите скриншот.');
    expect(live.states).toEqual(['connecting', 'polling']);
  });

  it('tries the stream again after a while of polling, and streams once the network is back (a laptop woken up)', async () => {
    let down = true;
    let streamCalls = 0;
    const flaky: typeof fetch = (input, init) => {
      if (!isStream(input)) return fetch(input, init);
      streamCalls++;
      return down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    };
    const { api, ticket } = await withTicket({ fetch: flaky, live: { pollIntervalMs: 20, streamRetryMs: 150 } });
    const live = follow(api, ticket.id, ticket.events.at(-1)?.id ?? 0);
    await eventually(() => expect(live.states).toContain('polling'));
    down = false;
    await eventually(() => expect(live.states.at(-1)).toBe('streaming'));
    const calls = streamCalls;
    expect(await ts.setStatus(ticket.id, 'in_progress')).toBe(200);
    await eventually(() => expect(live.events.map((event) => event.status)).toEqual(['in_progress']));
    // Streaming again, it stays on the one stream.
    expect(streamCalls).toBe(calls);
    expect(live.states.slice(0, 3)).toEqual(['connecting', 'polling', 'connecting']);
  });

  it('after a refused token it sends nothing until the host gives a new one, then follows the ticket again', async () => {
    const { ticket } = await withTicket();
    const owner = `live-${users}`;
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    // The token the host passed has expired (here: was never valid); there is no getToken to ask.
    let refusals = 0;
    const onUnauthorized = () => void refusals++;
    const api = createHttpSupportApi({ baseUrl: ts.baseUrl, token: 'expired.token.value', fetch: counting, sleep: shortSleep(), onUnauthorized, live: { pollIntervalMs: 20, authCheckMs: 10 } });
    const live = follow(api, ticket.id, ticket.events.at(-1)?.id ?? 0);
    await eventually(() => expect(requests).toBe(1));
    // The host is told, as by any request's 401, and the view hears that following stopped for it.
    await eventually(() => expect(live.states.at(-1)).toBe('refused'));
    expect(refusals).toBe(1);
    // The refused stream was the one request: no reconnects, no polls with a token that cannot work.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toBe(1);
    api.setToken(await ts.token(owner));
    await eventually(() => expect(live.states.at(-1)).toBe('streaming'));
    expect(refusals).toBe(1);
    expect(await ts.setStatus(ticket.id, 'in_progress')).toBe(200);
    await eventually(() => expect(live.events.map((event) => event.status)).toEqual(['in_progress']));
  });

  it('polls at once when the answer is not a stream (a buffering proxy)', async () => {
    let streamCalls = 0;
    const buffering: typeof fetch = (input, init) => {
      if (!isStream(input)) return fetch(input, init);
      streamCalls++;
      return Promise.resolve(new Response('', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    };
    const { api, ticket } = await withTicket({ fetch: buffering });
    const live = follow(api, ticket.id, ticket.events.at(-1)?.id ?? 0);
    await eventually(() => expect(live.states).toContain('polling'));
    expect(streamCalls).toBe(1);
    expect(await ts.setStatus(ticket.id, 'resolved')).toBe(200);
    await eventually(() => expect(live.events.map((event) => event.status)).toEqual(['resolved']));
  });

  it('stops everything on close: no more requests, no more events', async () => {
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const { api, ticket } = await withTicket({ fetch: counting });
    const live = follow(api, ticket.id, ticket.events.at(-1)?.id ?? 0);
    await eventually(() => expect(live.states).toContain('streaming'));
    live.subscription.close();
    const after = requests;
    expect(await ts.setStatus(ticket.id, 'in_progress')).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(live.events).toEqual([]);
    expect(requests).toBe(after);
    expect(live.states.at(-1)).toBe('closed');
  });

  it("closes when polling finds the ticket is not the reporter's", async () => {
    const { ticket } = await withTicket();
    const stranger = createHttpSupportApi({ baseUrl: ts.baseUrl, token: await ts.token('stranger'), sleep: shortSleep(), live: { pollIntervalMs: 20 } });
    const live = follow(stranger, ticket.id, 0);
    await eventually(() => expect(live.states.at(-1)).toBe('closed'));
    expect(live.states).toEqual(['connecting', 'polling', 'closed']);
    expect(live.events).toEqual([]);
  });
});

/** A copy of an SSE body that errors right after the first complete `ticket-event`. */
function cutAfterFirstEvent(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let text = '';
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      text += decoder.decode(value, { stream: true });
      const start = text.indexOf('ticket-event');
      const end = start === -1 ? -1 : text.indexOf('\n\n', start);
      if (end === -1) return;
      controller.enqueue(encoder.encode(text.slice(0, end + 2)));
      await reader.cancel();
      controller.error(new TypeError('connection reset'));
    },
    cancel: () => reader.cancel(),
  });
}
