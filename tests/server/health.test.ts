/** Health probes and the request log, on a real server over a real socket. */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLogLine } from '../../src/server/http/request-log';
import { queryNumber, startTestServer, TEST_ENGINE } from './helpers';
import type { TestServer } from './helpers';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.cleanup();
});

async function start(config: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(config);
  servers.push(server);
  return server;
}

/** The request log lines captured so far. */
function requestLines(ts: TestServer): RequestLogLine[] {
  return ts.logs.filter((line) => line.level === 'info' && line.text.startsWith('{')).map((line) => JSON.parse(line.text) as RequestLogLine);
}

describe('health probes', () => {
  it('answer at the root and under /api/v1: JSON, never cached, no credentials needed', async () => {
    const ts = await start();
    for (const url of [`${ts.server.url}/healthz`, `${ts.api}/healthz`, `${ts.server.url}/readyz`, `${ts.api}/readyz`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ status: 'ok' });
    }
    const ready = (await (await fetch(`${ts.api}/readyz`)).json()) as unknown;
    expect(ready).toEqual({ status: 'ok', checks: { database: { ok: true }, disk: { ok: true } } });
  });

  it('are never rate-limited, even with a bad token', async () => {
    const ts = await start({ config: { rateLimitPerMinute: 2 } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${ts.api}/healthz`, { headers: { authorization: 'Bearer not-a-token' } })).status);
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${ts.server.url}/readyz`)).status);
    expect(statuses).toEqual(Array(12).fill(200));
    // The API itself is limited at the same rate.
    const api = [];
    for (let i = 0; i < 4; i++) api.push((await fetch(`${ts.api}/tickets`, { headers: { authorization: 'Bearer not-a-token' } })).status);
    expect(api).toContain(429);
  });

  it('/readyz reads on every call and writes at most every few seconds, one write for concurrent calls', async () => {
    let now = Date.parse('2026-11-25T07:00:00.000Z');
    const ts = await start({ clock: () => new Date(now) });
    // The readiness write ticks one counter row: its count is the number of writes.
    const writes = () => queryNumber(ts.dbPath, "SELECT COALESCE((SELECT count FROM rate_counters WHERE key = 'health:ready'), 0)");
    const ready = async (url: string) => {
      const res = await fetch(url);
      expect(await res.json()).toEqual({ status: 'ok', checks: { database: { ok: true }, disk: { ok: true } } });
      return res.status;
    };
    expect(writes()).toBe(0);
    const together = await Promise.all(Array.from({ length: 20 }, (_, i) => ready(`${i % 2 === 0 ? ts.server.url : ts.api}/readyz`)));
    expect(together).toEqual(Array(20).fill(200));
    expect(writes()).toBe(1);
    for (let i = 0; i < 30; i++) expect(await ready(`${ts.server.url}/readyz`)).toBe(200);
    now += 4_000;
    for (let i = 0; i < 10; i++) expect(await ready(`${ts.api}/readyz`)).toBe(200);
    expect(writes()).toBe(1);
    // A few seconds on, the next call writes once more.
    now += 2_000;
    for (let i = 0; i < 10; i++) expect(await ready(`${ts.api}/readyz`)).toBe(200);
    expect(writes()).toBe(2);
  });

  it('/readyz is 503 when the disk has less room than SUPPORT_MIN_FREE_DISK_BYTES', async () => {
    const ts = await start({ config: { minFreeDiskBytes: Number.MAX_SAFE_INTEGER } });
    const res = await fetch(`${ts.server.url}/readyz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; checks: { disk: { ok: boolean; reason: string }; database: { ok: boolean } } };
    expect(body.status).toBe('unavailable');
    expect(body.checks.disk).toEqual({ ok: false, reason: 'too little free disk space' });
    // Where and how much is for the log only: anyone may ask /readyz.
    expect(JSON.stringify(body)).not.toContain(ts.dbPath.split('/').slice(0, -1).join('/'));
    expect(ts.logs.some((line) => line.text.includes('bytes free under'))).toBe(true);
    expect(body.checks.database.ok).toBe(true);
    // Liveness does not depend on it: the process still serves.
    expect((await fetch(`${ts.server.url}/healthz`)).status).toBe(200);
  });

  it.runIf(TEST_ENGINE === 'sqlite')('/readyz is 503 while the database takes no write', async () => {
    const ts = await start({ config: { busyTimeoutMs: 50 } });
    const other = new BetterSqlite3(ts.dbPath);
    try {
      other.exec('BEGIN EXCLUSIVE');
      const res = await fetch(`${ts.api}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ checks: { database: { ok: false, reason: 'the database takes no write' }, disk: { ok: true } } });
      other.exec('ROLLBACK');
      expect((await fetch(`${ts.api}/readyz`)).status).toBe(200);
    } finally {
      other.close();
    }
  });
});

describe('request log', () => {
  it('writes one JSON line per request: time, id, method, path without the query, status, ms, identity kind', async () => {
    const ts = await start();
    const res = await fetch(`${ts.api}/meta?token=secret-in-query`, { headers: { 'x-request-id': 'lb-42' } });
    expect(res.headers.get('x-request-id')).toBe('lb-42');
    await fetch(`${ts.api}/tickets`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    const lines = requestLines(ts);
    expect(lines).toHaveLength(2);
    const [meta, tickets] = lines;
    expect(meta).toMatchObject({ id: 'lb-42', method: 'GET', path: '/api/v1/meta', status: 200, identity: 'anonymous' });
    expect(Date.parse(meta?.time ?? '')).not.toBeNaN();
    expect(meta?.ms).toEqual(expect.any(Number));
    expect(tickets).toMatchObject({ method: 'GET', path: '/api/v1/tickets', status: 401, identity: 'invalid' });
    expect(tickets?.id).toMatch(/^[0-9a-f-]{36}$/);
    const all = ts.logs.map((line) => line.text).join('\n');
    expect(all).not.toContain('secret-in-query');
    expect(all).not.toContain('abc.def.ghi');
  });

  it('refuses a forged request id and makes its own', async () => {
    const ts = await start();
    const res = await fetch(`${ts.api}/healthz`, { headers: { 'x-request-id': 'x"}\\n{"forged":1' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a request id of up to 64 characters of [A-Za-z0-9._:-] only', async () => {
    const ts = await start();
    const answered = async (id: string) => (await fetch(`${ts.api}/healthz`, { headers: { 'x-request-id': id } })).headers.get('x-request-id');
    for (const id of ['a', 'lb-7.zone_2:req-42', 'Z'.repeat(64)]) expect(await answered(id)).toBe(id);
    for (const id of ['Z'.repeat(65), 'two words', 'id;drop', 'id%0a', 'id/../x', '{"id":1}', '']) {
      expect(await answered(id), JSON.stringify(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    // The log line carries the same id as the answer.
    const logged = requestLines(ts).map((line) => line.id);
    expect(logged.slice(0, 3)).toEqual(['a', 'lb-7.zone_2:req-42', 'Z'.repeat(64)]);
    expect(logged.slice(3).every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  it('is off with requestLog false (SUPPORT_LOG=off)', async () => {
    const ts = await start({ config: { requestLog: false } });
    await fetch(`${ts.api}/meta`);
    expect(requestLines(ts)).toEqual([]);
  });
});
