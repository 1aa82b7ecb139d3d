/**
 * A PostgreSQL server that stops answering, rather than refusing connections: the server under test reaches the
 * cluster through a proxy that stops forwarding while holding every socket open, so requests on connections
 * the pool already has open meet the silence too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTicketResponseSchema, ticketEventSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTestDatabase, createTicket, startTestServer, tableCounts, TEST_ENGINE, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { openSse } from './sse-client';
import { startStallingProxy } from './stalling-proxy';
import type { StallingProxy } from './stalling-proxy';

// Short, so the test is quick; the bound below leaves room for a loaded two-core machine.
const TIMEOUT_MS = 1_000;
// A statement of the rate limit and one of the request, each given up after TIMEOUT_MS, plus a wait for a
// connection: about 3 s; far below it a request that hangs would take for ever.
const BOUND_MS = 10_000;
// A request still unanswered this long is taken for hanging.
const ABANDON_MS = 20_000;
// The pool of the server under test.
const POOL_SIZE = 4;

interface Timed {
  status: number | 'hung';
  retryAfter: string | null;
  ms: number;
}

/** `method path` on `ts`, given up after ABANDON_MS, with how long it took. */
async function timed(ts: TestServer, method: string, path: string, auth: string, json?: unknown): Promise<Timed> {
  const started = Date.now();
  const headers: Record<string, string> = { authorization: auth, ...(json === undefined ? {} : { 'content-type': 'application/json' }) };
  try {
    const response = await fetch(`${ts.api}${path}`, {
      method,
      headers,
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      signal: AbortSignal.timeout(ABANDON_MS),
    });
    await response.arrayBuffer();
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ms: Date.now() - started };
  } catch {
    return { status: 'hung', retryAfter: null, ms: Date.now() - started };
  }
}

function expectUnavailableInTime(reply: Timed): void {
  expect(reply.status).toBe(503);
  expect(Number(reply.retryAfter)).toBeGreaterThan(0);
  expect(reply.ms).toBeLessThan(BOUND_MS);
}

/** Waits until `path` answers 200 again (each try bounded like any request). */
async function untilAnswered(ts: TestServer, path: string, auth: string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    const reply = await timed(ts, 'GET', path, auth);
    if (reply.status === 200) return;
    if (reply.status !== 503 || Date.now() > until) throw new Error(`still ${reply.status} after the database came back`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe.skipIf(TEST_ENGINE !== 'postgres')('a PostgreSQL server that stops answering', () => {
  let databaseUrl = '';
  let proxy: StallingProxy;
  let ts: TestServer;
  let direct: TestServer | null = null;

  beforeEach(async () => {
    databaseUrl = await createTestDatabase();
    proxy = await startStallingProxy(databaseUrl);
    ts = await startTestServer({ config: { databaseUrl: proxy.url(databaseUrl), databaseTimeoutMs: TIMEOUT_MS, busyTimeoutMs: TIMEOUT_MS, databasePoolSize: POOL_SIZE } });
  });

  afterEach(async () => {
    await direct?.cleanup();
    direct = null;
    await proxy.close();
    await ts.cleanup();
  });

  it('answers 503 with Retry-After within the timeout on open connections, stores nothing, and answers again once it is back', { timeout: 90_000 }, async () => {
    const alice = await userAuth(ts, 'hang-alice');
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.technical)).body).ticket;
    // Reads at once, so the pool holds several open connections when the database stops answering.
    await Promise.all(Array.from({ length: POOL_SIZE }, async () => expect((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: alice })).status).toBe(200)));
    expect(proxy.open()).toBeGreaterThanOrEqual(3);
    const before = tableCounts(databaseUrl);

    proxy.stall();
    expectUnavailableInTime(await timed(ts, 'GET', `/tickets/${ticket.id}`, alice));
    expectUnavailableInTime(await timed(ts, 'POST', `/tickets/${ticket.id}/messages`, alice, { text: 'Пока база молчит' }));
    expectUnavailableInTime(await timed(ts, 'GET', '/tickets', alice));

    // The stopped server carries on, the connections that waited on it included.
    proxy.resume('carry-on');
    await untilAnswered(ts, `/tickets/${ticket.id}`, alice);
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: alice, json: { text: 'База снова отвечает' } })).status).toBe(201);
    // The message refused during the silence left nothing behind: only the later one is stored.
    expect(tableCounts(databaseUrl).events).toBe((before.events ?? 0) + 1);
    expect(ts.logs.filter((line) => line.text.includes('unexpected error'))).toEqual([]);
  });

  it('replaces connections the network path forgot, the one that listens for events included', { timeout: 90_000 }, async () => {
    direct = await startTestServer({ config: { databaseUrl } });
    const bob = await userAuth(ts, 'hang-bob');
    const ticket = createTicketResponseSchema.parse((await createTicket(direct, bob, validDrafts.technical)).body).ticket;
    const path = `/tickets/${ticket.id}`;
    const readsAtOnce = async () => Promise.all(Array.from({ length: POOL_SIZE }, async () => (await timed(ts, 'GET', path, bob)).status));
    expect(await readsAtOnce()).toEqual(Array.from({ length: POOL_SIZE }, () => 200));

    proxy.stall();
    expectUnavailableInTime(await timed(ts, 'GET', path, bob));

    // The path works again for new connections; the ones open through the silence never hear another word.
    proxy.resume('forgotten');
    // Reads taking every connection of the pool at once, until none of them is one the path forgot.
    for (const until = Date.now() + 30_000; ; ) {
      const statuses = await readsAtOnce();
      if (statuses.every((status) => status === 200)) break;
      expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
      if (Date.now() > until) throw new Error(`still ${statuses.join(', ')} after the path came back`);
    }
    const stream = await openSse(`${ts.api}${path}/events`, { authorization: bob });
    try {
      expect(stream.status).toBe(200);
      await stream.next(10_000);
      // An event another process commits reaches the stream only once this process listens on a connection
      // that works.
      expect((await call(direct, 'POST', `/agent${path}/status`, { auth: agentAuth, json: { status: 'in_progress' } })).status).toBe(200);
      const event = ticketEventSchema.parse(JSON.parse((await stream.next(20_000)).data ?? ''));
      expect(event).toMatchObject({ ticketId: ticket.id, type: 'status', status: 'in_progress' });
      expect(ts.logs.some((line) => line.text.includes('event listener lost its connection'))).toBe(true);
    } finally {
      stream.close();
    }
  });
});
