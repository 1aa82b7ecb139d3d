import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema, ticketEventSchema, ticketSchema } from '../../src/core';
import type { TicketEvent } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { openSse } from './sse-client';
import type { SseFrame, SseStream } from './sse-client';

const toEvent = (frame: SseFrame): TicketEvent => {
  expect(frame.event).toBe('ticket-event');
  const event = ticketEventSchema.parse(JSON.parse(frame.data ?? ''));
  expect(frame.id).toBe(String(event.id));
  return event;
};

describe('ticket event stream', () => {
  let ts: TestServer;
  let alice: string;
  let ticketId: string;
  const open: SseStream[] = [];
  const stream = async (headers: Record<string, string> = {}, query = '', auth = alice) => {
    const s = await openSse(`${ts.api}/tickets/${ticketId}/events${query}`, { authorization: auth, ...headers });
    open.push(s);
    return s;
  };
  const setStatus = (status: string, text?: string) =>
    call(ts, 'POST', `/agent/tickets/${ticketId}/status`, { auth: agentAuth, json: text === undefined ? { status } : { status, text } });

  beforeAll(async () => {
    ts = await startTestServer({ config: { heartbeatMs: 150 } });
    alice = await userAuth(ts, 'alice');
    ticketId = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.technical)).body).ticket.id;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await ts.cleanup();
  });

  it('replays the history, then delivers a status change made by the agent', async () => {
    const s = await stream();
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toContain('text/event-stream');
    const first = toEvent(await s.next());
    expect(first).toMatchObject({ status: 'registered', actor: 'system' });
    expect((await setStatus('processing')).status).toBe(200);
    const live = toEvent(await s.next());
    expect(live).toMatchObject({ status: 'processing', previousStatus: 'registered', actor: 'support' });
    expect(live.id).toBeGreaterThan(first.id);
    s.close();
  });

  it('resumes after Last-Event-ID (header or query) with exactly the later events', async () => {
    const ticket = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticketId}`, { auth: alice })).body);
    const firstId = ticket.events[0]?.id ?? 0;
    await setStatus('in_progress');
    const byHeader = await stream({ 'last-event-id': String(firstId) });
    const byQuery = await stream({}, `?lastEventId=${firstId}`);
    for (const s of [byHeader, byQuery]) {
      const events = (await s.take(2)).map(toEvent);
      expect(events.map((e) => e.status)).toEqual(['processing', 'in_progress']);
    }
    await setStatus('answered', 'Готово');
    for (const s of [byHeader, byQuery]) {
      expect(toEvent(await s.next()).status).toBe('answered');
      await expect(s.next(300)).rejects.toThrow(/timed out/);
      s.close();
    }
    expectError(await call(ts, 'GET', `/tickets/${ticketId}/events`, { auth: alice, headers: { 'last-event-id': 'abc' } }), 400, 'bad_request');
    // The query form takes one value, like every query parameter: given twice it is refused, not the first taken.
    expectError(await call(ts, 'GET', `/tickets/${ticketId}/events?lastEventId=1&lastEventId=2`, { auth: alice }), 400, 'bad_request');
  });

  it('sends heartbeat comments', async () => {
    const s = await stream({ 'last-event-id': '999999999' });
    const frame = await s.next(2000, true);
    expect(frame.comment ?? frame.retry).toBeDefined();
    const beat = await s.next(2000, true);
    expect(beat.comment).toBe('heartbeat');
    s.close();
  });

  it('the agent can stream any ticket; a stranger gets 404', async () => {
    const s = await stream({}, '', agentAuth);
    expect(s.status).toBe(200);
    expect(toEvent(await s.next()).status).toBe('registered');
    s.close();
    expectError(await call(ts, 'GET', `/tickets/${ticketId}/events`, { auth: await userAuth(ts, 'bob') }), 404, 'not_found');
  });

  it('is gap-free and duplicate-free while events are written concurrently with connecting', async () => {
    const id = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.other)).body).ticket.id;
    const url = `${ts.api}/tickets/${id}/events`;
    const writes: Array<Promise<unknown>> = [];
    const streams: Array<Promise<SseStream>> = [];
    for (let i = 0; i < 30; i++) {
      writes.push(call(ts, 'POST', `/tickets/${id}/messages`, { auth: alice, json: { text: `сообщение ${i}` } }));
      if (i % 6 === 0) streams.push(openSse(url, { authorization: alice }).then((s) => (open.push(s), s)));
    }
    await Promise.all(writes);
    const all = ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth: alice })).body).events.map((e) => e.id);
    expect(all).toHaveLength(31);
    for (const s of await Promise.all(streams)) {
      const ids = (await s.take(all.length)).map((frame) => toEvent(frame).id);
      expect(ids).toEqual(all);
      await expect(s.next(100)).rejects.toThrow(/timed out/);
      s.close();
    }
  });

  it('closing the server tells open streams to reconnect, then ends them', async () => {
    const own = await startTestServer();
    const auth = await userAuth(own, 'carol');
    const id = createTicketResponseSchema.parse((await createTicket(own, auth, validDrafts.other)).body).ticket.id;
    const s = await openSse(`${own.api}/tickets/${id}/events`, { authorization: auth });
    const seen = await s.next();
    await own.cleanup();
    const goodbye = await s.next(5000);
    expect(goodbye.event).toBe('reconnect');
    expect(JSON.parse(goodbye.data ?? '')).toEqual({ reason: 'shutdown', lastEventId: Number(seen.id) });
    expect(Number(goodbye.retry)).toBeGreaterThanOrEqual(1000);
    await expect(s.next(5000)).rejects.toThrow(/ended/);
  });
});
