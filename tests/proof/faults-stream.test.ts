/**
 * Proof: an event stream dropped after event k — cut in the middle of frame k+1 — resumes with Last-Event-ID
 * and the client sees events k+1…n exactly once, in order; on the wire the server resends none of 1…k.
 * Extends tests/api/live.test.ts (k = 1, n = 4) to n = 20 with k and the backlog/live split drawn at random.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSupportApi, newIdempotencyKey } from '../../src/api';
import type { TicketEvent } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { eventually, shortSleep, startApiTestServer } from '../api/server';
import type { ApiTestServer } from '../api/server';

const N = 20;
const SEED = Number(process.env.PROOF_SEED ?? Date.now() % 1_000_000_007);

/** One stream connection as the wrapper saw it. */
interface WireStream {
  lastEventId: string | null;
  forwarded: number[];
}

/**
 * A fetch whose first event stream is cut after `k` complete ticket events: half of frame k+1 goes through,
 * then the connection errors like a reset. Every stream is re-chunked by frame and its event ids recorded.
 */
function cuttingFetch(k: number, streams: WireStream[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input).endsWith('/events') || response.body === null) return response;
    const wire: WireStream = { lastEventId: new Headers(init?.headers).get('Last-Event-ID'), forwarded: [] };
    streams.push(wire);
    const cut = streams.length === 1;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    let buffer = '';
    let halfSent = false;
    /** The next complete frame from the server, or null when its stream ended. */
    const nextFrame = async (): Promise<string | null> => {
      for (let end = buffer.indexOf('\n\n'); end < 0; end = buffer.indexOf('\n\n')) {
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
      const end = buffer.indexOf('\n\n');
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      return frame;
    };
    // One frame per pull with no queue (high-water mark 0): everything enqueued before the cut has been read
    // by the client, as bytes already taken off a socket are, so the cut loses only what it is meant to.
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (halfSent) {
            await reader.cancel();
            controller.error(new TypeError('connection reset'));
            return;
          }
          const frame = await nextFrame();
          if (frame === null) return controller.close();
          const id = /^id: ?(\d+)$/m.exec(frame)?.[1];
          const isEvent = /^event: ?ticket-event$/m.test(frame) && id !== undefined;
          if (cut && isEvent && wire.forwarded.length === k) {
            controller.enqueue(encoder.encode(frame.slice(0, Math.ceil(frame.length / 2))));
            halfSent = true;
            return;
          }
          controller.enqueue(encoder.encode(`${frame}\n\n`));
          if (isEvent) wire.forwarded.push(Number(id));
        },
        cancel: () => reader.cancel(),
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

let ts: ApiTestServer;
beforeAll(async () => {
  ts = await startApiTestServer();
});
afterAll(() => ts.cleanup());

/** The agent's moves: in_progress ↔ clarification_requested (which needs a question). */
async function move(id: string, index: number): Promise<void> {
  const status = index % 2 === 0 ? 'in_progress' : 'clarification_requested';
  expect(await ts.setStatus(id, status, status === 'clarification_requested' ? `Вопрос ${index}` : undefined)).toBe(200);
}

const draws = fc.sample(fc.record({ k: fc.integer({ min: 1, max: N - 1 }), backlog: fc.integer({ min: 0, max: N - 1 }) }), { seed: SEED, numRuns: 3 });

describe(`event stream dropped after event k of ${N} (seed ${SEED})`, () => {
  it.each(draws)('k = $k, $backlog events before subscribing: k+1…n arrive exactly once', async ({ k, backlog }) => {
    const streams: WireStream[] = [];
    const api = createHttpSupportApi({
      baseUrl: ts.baseUrl,
      token: await ts.token(`drop-${k}-${backlog}-${Math.random()}`),
      fetch: cuttingFetch(k, streams),
      sleep: shortSleep(),
      live: { pollIntervalMs: 20 },
    });
    const created = await api.createTicket(validDrafts.technical, newIdempotencyKey());
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const id = created.value.ticket.id;
    for (let i = 0; i < backlog; i++) await move(id, i);

    const seen: TicketEvent[] = [];
    const states: string[] = [];
    const subscription = api.subscribe(id, 0, { onEvent: (event) => seen.push(event), onStateChange: (state) => states.push(state) });
    try {
      for (let i = backlog; i < N - 1; i++) await move(id, i);
      await eventually(() => expect(seen).toHaveLength(N), 10_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      subscription.close();
    }
    const ticket = await api.getTicket(id);
    if (!ticket.ok) throw new Error(JSON.stringify(ticket.error));
    const ids = ticket.value.events.map((event) => event.id);
    expect(ids).toHaveLength(N);
    expect(seen.map((event) => event.id)).toEqual(ids);
    expect(streams).toHaveLength(2);
    expect(streams[0]).toEqual({ lastEventId: null, forwarded: ids.slice(0, k) });
    expect(streams[1]).toEqual({ lastEventId: String(ids[k - 1]), forwarded: ids.slice(k) });
    expect(states.filter((state) => state === 'streaming')).toHaveLength(2);
    expect(states).not.toContain('polling');
  });
});
