/** The live subscription's edge cases with a scripted fetch: what the real server never does on its own. */
import { describe, expect, it } from 'vitest';
import { createHttpSupportApi } from '../../src/api';
import type { HttpSupportApiOptions } from '../../src/api';
import type { TicketEvent } from '../../src/core';
import { apiError, scriptedFetch } from './fake-fetch';
import type { Step } from './fake-fetch';
import { eventually, shortSleep } from './server';

const ID = 'ticket_0001';

function event(id: number, overrides: Partial<TicketEvent> = {}): TicketEvent {
  return {
    id,
    ticketId: ID,
    type: 'status',
    status: 'in_progress',
    previousStatus: 'registered',
    actor: 'support',
    attachments: [],
    createdAt: '2025-03-10T09:00:00.000Z',
    ...overrides,
  };
}

const frame = (value: TicketEvent | string) =>
  typeof value === 'string' ? value : `id: ${value.id}\nevent: ticket-event\ndata: ${JSON.stringify(value)}\n\n`;

/** An SSE response whose body is `frames`, then stays open (or ends when `end`). */
function sse(frames: (TicketEvent | string)[], end = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const item of frames) controller.enqueue(encoder.encode(frame(item)));
      if (end) controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream; charset=utf-8' } });
}

function subscribe(steps: Step[], options: Partial<HttpSupportApiOptions> = {}, lastEventId = 0) {
  const fake = scriptedFetch(steps);
  const delays: number[] = [];
  const sleep = shortSleep(2);
  const api = createHttpSupportApi({
    baseUrl: 'https://support.example.ru/api/v1',
    token: 'tok',
    fetch: fake.fetch,
    sleep: (ms, signal) => {
      delays.push(ms);
      return sleep(ms, signal);
    },
    live: { pollIntervalMs: 10 },
    ...options,
  });
  const events: TicketEvent[] = [];
  const states: string[] = [];
  const subscription = api.subscribe(ID, lastEventId, { onEvent: (e) => events.push(e), onStateChange: (s) => states.push(s) });
  const streamRequests = () => fake.requests.filter((request) => request.url.endsWith('/events'));
  return { events, states, subscription, requests: fake.requests, streamRequests, delays };
}

describe('subscribe (scripted)', () => {
  it('sends Accept, Authorization and Last-Event-ID, and never cookies', async () => {
    const live = subscribe([sse([])], {}, 41);
    await eventually(() => expect(live.states).toContain('streaming'));
    expect(live.requests[0]?.url).toBe(`https://support.example.ru/api/v1/tickets/${ID}/events`);
    expect(live.requests[0]?.headers).toMatchObject({ accept: 'text/event-stream', authorization: 'Bearer tok', 'last-event-id': '41' });
    live.subscription.close();
  });

  it('skips duplicates, older ids, other tickets, other event types and malformed data', async () => {
    const live = subscribe([
      sse([
        ': heartbeat\n\n',
        event(5),
        event(5),
        event(3),
        event(6, { ticketId: 'someone_else' }),
        'event: ticket-event\ndata: {not json\n\n',
        `event: ticket-event\ndata: ${JSON.stringify({ ...event(7), status: 'nonsense' })}\n\n`,
        `event: other\ndata: ${JSON.stringify(event(8))}\n\n`,
        event(9),
      ]),
    ], {}, 4);
    await eventually(() => expect(live.events.map((e) => e.id)).toEqual([5, 9]));
    live.subscription.close();
  });

  it('refreshes the token after a 401 on the stream and reconnects with it', async () => {
    let asked = 0;
    const getToken = () => (asked++ === 0 ? 'old' : 'new');
    const answer: Step = (request) => (request.headers.authorization === 'Bearer new' ? sse([event(2)]) : apiError(401, 'unauthorized', 'Нет.'));
    const live = subscribe([answer], { token: null, getToken });
    await eventually(() => expect(live.events.map((e) => e.id)).toEqual([2]));
    expect(live.streamRequests().map((request) => request.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
    live.subscription.close();
  });

  it('polls at once when the backend has no stream (404)', async () => {
    const live = subscribe([apiError(404, 'not_found', 'Такого адреса нет.')]);
    await eventually(() => expect(live.states).toEqual(['connecting', 'polling', 'closed']));
    expect(live.streamRequests()).toHaveLength(1);
  });

  it('waits for Retry-After of a 503 before reconnecting', async () => {
    const live = subscribe([apiError(503, 'unavailable', 'Позже.', { 'Retry-After': '4' }), sse([event(1)])]);
    await eventually(() => expect(live.events).toHaveLength(1));
    expect(live.delays[0]).toBeGreaterThanOrEqual(4000);
    live.subscription.close();
  });

  it('treats a silent stream as dead and reconnects', async () => {
    const live = subscribe([sse([]), sse([event(1)])], { live: { idleTimeoutMs: 30 } });
    await eventually(() => expect(live.events).toHaveLength(1));
    expect(live.streamRequests()).toHaveLength(2);
    live.subscription.close();
  });

  it.each([
    ['never answers', 'hang'],
    ['answers, then sends nothing (a proxy holding the answer back)', 'silent'],
  ])('a stream that %s until the idle timeout is a failure, however long it hung: polling follows', async (_case, how) => {
    const hang: Step = (_request, signal) =>
      new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const step: Step = (request, signal) => {
      if (!request.url.endsWith('/events')) return apiError(404, 'not_found', 'Нет.');
      return how === 'hang' ? hang(request, signal) : sse([]);
    };
    // Each connection hangs for the idle timeout, longer than a healthy stream must last.
    const live = subscribe([step], { live: { pollIntervalMs: 10, idleTimeoutMs: 40, healthyMs: 10 } });
    await eventually(() => expect(live.states).toContain('polling'));
    expect(live.streamRequests()).toHaveLength(3);
    live.subscription.close();
  });

  it('reconnects after a clean end, resetting the failure count after a healthy stream', async () => {
    // Each stream delivers an event and ends: healthy every time, so it never falls back to polling.
    const steps = [1, 2, 3, 4, 5].map((id) => sse([event(id)], true));
    const live = subscribe([...steps, sse([])]);
    await eventually(() => expect(live.events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5]));
    await eventually(() => expect(live.streamRequests()).toHaveLength(6));
    expect(live.states).not.toContain('polling');
    expect(live.streamRequests().map((request) => request.headers['last-event-id'])).toEqual([undefined, '1', '2', '3', '4', '5']);
    live.subscription.close();
  });

  it('stops a pending connection on close', async () => {
    let aborted = false;
    const hang: Step = (_request, signal) =>
      new Promise<Response>((_resolve, reject) =>
        signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        }),
      );
    const live = subscribe([hang]);
    await eventually(() => expect(live.requests).toHaveLength(1));
    live.subscription.close();
    await eventually(() => expect(aborted).toBe(true));
    expect(live.states).toEqual(['connecting', 'closed']);
  });
});
