/**
 * Proof under storage faults and refusals, against real servers: a database locked or full at write time is
 * a 503 with Retry-After that loses nothing already stored and recovers; the real client honours the delay,
 * stops after a bounded number of attempts, and never retries 400/401/403/404/422.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSupportApi } from '../../src/api';
import type { HttpSupportApiOptions } from '../../src/api';
import { createTicketResponseSchema } from '../../src/core';
import type { Ticket } from '../../src/core';
import { agentTicketListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { AGENT_TOKEN, agentAuth, call, createTicket, expectError, newKey, startTestServer, tableCounts, userAuth } from '../server/helpers';
import type { TestServer } from '../server/helpers';
import { fileForm, pngImage } from '../server/images';
import { findOrphans, NO_ORPHANS } from './db-audit';
import { asTestServer, startOwnedServer } from './owned-server';
import type { OwnedServer } from './owned-server';

/** A client of `ts` whose sleeps are recorded and run `onSleep` instead of waiting; counts its requests. */
function recordingClient(ts: Pick<TestServer, 'api'>, options: Partial<HttpSupportApiOptions>, onSleep: (ms: number, index: number) => void = () => undefined) {
  const delays: number[] = [];
  let requests = 0;
  const api = createHttpSupportApi({
    baseUrl: ts.api,
    fetch: (input, init) => {
      requests++;
      return fetch(input, init);
    },
    sleep: async (ms) => {
      delays.push(ms);
      onSleep(ms, delays.length - 1);
    },
    ...options,
  });
  return { api, delays, requests: () => requests };
}

/** The tickets the agent sees, by subject. */
async function subjects(ts: TestServer): Promise<string[]> {
  return agentTicketListSchema.parse((await call(ts, 'GET', '/agent/tickets', { auth: agentAuth })).body).tickets.map((ticket) => ticket.subject);
}

/** Full tickets as the agent reads them, for a before/after comparison. */
async function snapshot(ts: TestServer, ids: readonly string[]): Promise<unknown[]> {
  return Promise.all(ids.map(async (id) => (await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })).body));
}

describe('database locked at write time', () => {
  let ts: TestServer;
  let locker: BetterSqlite3.Database | null = null;
  const lock = () => {
    locker = new BetterSqlite3(ts.dbPath);
    locker.exec('BEGIN IMMEDIATE');
  };
  const unlock = () => {
    locker?.exec('ROLLBACK');
    locker?.close();
    locker = null;
  };
  beforeAll(async () => {
    ts = await startTestServer({ config: { busyTimeoutMs: 50 } });
  });
  afterAll(async () => {
    unlock();
    await ts.cleanup();
  });

  it('the client waits the Retry-After of the 503, retries once with the same key, and one ticket exists', async () => {
    const token = (await userAuth(ts, 'locked-1')).slice('Bearer '.length);
    const kept = createTicketResponseSchema.parse((await createTicket(ts, `Bearer ${token}`, validDrafts.other)).body).ticket;
    const before = await snapshot(ts, [kept.id]);
    lock();
    const client = recordingClient(ts, { token }, () => unlock());
    const result = await client.api.createTicket({ ...validDrafts.course, subject: 'Заблокированная база 1' }, newKey());
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(client.requests()).toBe(2);
    expect(client.delays).toHaveLength(1);
    expect(client.delays[0]).toBeGreaterThanOrEqual(5000);
    expect((await subjects(ts)).filter((subject) => subject === 'Заблокированная база 1')).toHaveLength(1);
    expect(await snapshot(ts, [kept.id])).toEqual(before);
  });

  it('stops after a bounded number of attempts while the lock stays, then the same key creates exactly one', async () => {
    const token = (await userAuth(ts, 'locked-2')).slice('Bearer '.length);
    const counts = tableCounts(ts.dbPath);
    const key = newKey();
    const draft = { ...validDrafts.other, subject: 'Заблокированная база 2' };
    lock();
    const client = recordingClient(ts, { token });
    const refused = await client.api.createTicket(draft, key);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'http', status: 503, code: 'unavailable', retryAfterSeconds: 5 } });
    expect(client.requests()).toBe(5);
    expect(client.delays.every((ms) => ms >= 5000)).toBe(true);
    unlock();
    expect(tableCounts(ts.dbPath)).toEqual(counts);
    expect((await client.api.createTicket(draft, key)).ok).toBe(true);
    expect((await client.api.createTicket(draft, key)).ok).toBe(true);
    expect((await subjects(ts)).filter((subject) => subject === draft.subject)).toHaveLength(1);
  });

  it('an upload, a message and a status change are 503 under the lock, leave no file behind, and work after', async () => {
    const auth = await userAuth(ts, 'locked-3');
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, auth, validDrafts.other)).body).ticket;
    const filesBefore = readdirSync(join(ts.dir, 'attachments')).length;
    const png = await pngImage();
    lock();
    try {
      expectError(await call(ts, 'POST', '/attachments', { auth, body: fileForm(png, 'a.png', 'image/png') }), 503, 'unavailable');
      expectError(await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth, json: { text: 'Ещё' } }), 503, 'unavailable');
      expectError(await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'in_progress' } }), 503, 'unavailable');
      expect(readdirSync(join(ts.dir, 'attachments'))).toHaveLength(filesBefore);
    } finally {
      unlock();
    }
    expect((await call(ts, 'POST', '/attachments', { auth, body: fileForm(png, 'a.png', 'image/png') })).status).toBe(201);
    expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'in_progress' } })).status).toBe(200);
    expect(findOrphans(ts.dbPath, join(ts.dir, 'attachments'))).toEqual(NO_ORPHANS);
  });
});

describe('disk full at write time', () => {
  let owned: OwnedServer;
  let ts: TestServer;
  beforeAll(async () => {
    owned = await startOwnedServer();
    ts = asTestServer(owned);
  });
  afterAll(() => owned.cleanup());

  it('a database that cannot grow answers 503 once, keeps every stored ticket, and recovers with the same key', async () => {
    const auth = await userAuth(ts, 'full-1');
    const kept: Ticket[] = [];
    for (const category of ['other', 'technical', 'course'] as const) {
      kept.push(createTicketResponseSchema.parse((await createTicket(ts, auth, validDrafts[category])).body).ticket);
    }
    const before = await snapshot(ts, kept.map((ticket) => ticket.id));
    const counts = tableCounts(owned.dbPath);
    const pages = owned.db.pragma('page_count', { simple: true }) as number;
    owned.db.pragma(`max_page_count = ${pages}`);
    const big = { ...validDrafts.other, subject: 'Диск заполнен', description: 'я'.repeat(4900) };
    const key = newKey();
    const full = await createTicket(ts, auth, big, key);
    expectError(full, 503, 'unavailable');
    expect(full.headers.get('retry-after')).toBe('5');
    expect(owned.logs.some((line) => line.level === 'warn' && /full/i.test(line.text))).toBe(true);
    expect(tableCounts(owned.dbPath)).toEqual(counts);
    expect(await snapshot(ts, kept.map((ticket) => ticket.id))).toEqual(before);
    expect((await call(ts, 'GET', '/tickets', { auth })).status).toBe(200);

    owned.db.pragma('max_page_count = 1073741823');
    const created = await createTicket(ts, auth, big, key);
    expect(created.status, created.text).toBe(201);
    const replay = await createTicket(ts, auth, big, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await subjects(ts)).filter((subject) => subject === big.subject)).toHaveLength(1);
    expect(findOrphans(owned.dbPath, join(owned.dir, 'attachments'))).toEqual(NO_ORPHANS);
  });

  it('an attachment write failing with ENOSPC answers 503 with Retry-After, stores no row, and recovers', async () => {
    const auth = await userAuth(ts, 'full-2');
    const png = await pngImage();
    const counts = tableCounts(owned.dbPath);
    owned.diskFull = true;
    const full = await call(ts, 'POST', '/attachments', { auth, body: fileForm(png, 'a.png', 'image/png') });
    owned.diskFull = false;
    expectError(full, 503, 'unavailable');
    expect(full.headers.get('retry-after')).toBe('5');
    expect(tableCounts(owned.dbPath)).toEqual(counts);
    expect((await call(ts, 'POST', '/attachments', { auth, body: fileForm(png, 'a.png', 'image/png') })).status).toBe(201);
    expect(findOrphans(owned.dbPath, join(owned.dir, 'attachments'))).toEqual(NO_ORPHANS);
  });
});

describe('the real client against real refusals', () => {
  let now = Date.parse('2025-03-11T09:00:00Z');
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ clock: () => new Date(now), config: { rateLimitPerMinute: 3 } });
  });
  afterAll(() => ts.cleanup());

  it('a 429 is retried after its Retry-After (the server clock moves only while the client waits)', async () => {
    const token = (await userAuth(ts, 'limited')).slice('Bearer '.length);
    const client = recordingClient(ts, { token }, (ms) => {
      now += ms;
    });
    for (let i = 0; i < 3; i++) expect((await client.api.listTickets()).ok).toBe(true);
    expect(client.delays).toEqual([]);
    const limited = await client.api.listTickets();
    expect(limited.ok).toBe(true);
    expect(client.requests()).toBe(5);
    expect(client.delays).toHaveLength(1);
    expect(client.delays[0]).toBeGreaterThanOrEqual(60_000);
  });

  it('never retries a 400, 401, 403, 404 or 422', async () => {
    const token = (await userAuth(ts, 'refused')).slice('Bearer '.length);
    now += 61_000;
    const cases: Array<[number, (options: Partial<HttpSupportApiOptions>) => Promise<unknown>]> = [
      [400, (o) => recordingClient(ts, { token, ...o }).api.createTicket(validDrafts.other, 'has spaces in it')],
      [401, (o) => recordingClient(ts, { token: 'expired.or.forged', ...o }).api.listTickets()],
      [403, (o) => recordingClient(ts, { token: AGENT_TOKEN, ...o }).api.listTickets()],
      [404, (o) => recordingClient(ts, { token, ...o }).api.getTicket('abcdefgh12345')],
      [422, (o) => recordingClient(ts, { token, ...o }).api.createTicket({ ...validDrafts.other, subject: ' ' }, newKey())],
    ];
    for (const [status, run] of cases) {
      now += 61_000;
      let requests = 0;
      const delays: number[] = [];
      const result = await run({
        fetch: (input, init) => {
          requests++;
          return fetch(input, init);
        },
        sleep: async (ms) => void delays.push(ms),
      });
      expect(result, String(status)).toMatchObject({ ok: false, error: { kind: 'http', status } });
      expect(requests, String(status)).toBe(1);
      expect(delays, String(status)).toEqual([]);
    }
  });
});
