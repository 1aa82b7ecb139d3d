import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaSchema } from '../../src/core';
import { ERROR_STATUSES } from '../../src/server/errors';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, ALLOWED_ORIGIN, call, createTicket, expectError, fixedClock, execSql, guestAuth, queryNumber, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';

describe('meta, CORS and the OpenAPI document', () => {
  let ts: TestServer;
  beforeAll(async () => {
    // Wednesday 25 November 2026, 10:00 MSK: open.
    ts = await startTestServer({ clock: fixedClock('2026-11-25T07:00:00.000Z') });
  });
  afterAll(() => ts.cleanup());

  it('GET /meta needs no auth and matches the schema', async () => {
    const reply = await call(ts, 'GET', '/meta');
    expect(reply.status).toBe(200);
    const meta = metaSchema.parse(reply.body);
    expect(meta).toMatchObject({
      serverTime: '2026-11-25T07:00:00.000Z',
      open: true,
      nextOpening: '2026-11-25T07:00:00.000Z',
      provisional: false,
      timeZone: 'Europe/Moscow',
      channels: { email: 'support@uchi.pro', phone: '88001000862', phoneDisplay: '8 (800) 100-08-62' },
    });
    expect(meta.limits.maxFileBytes).toBe(10 * 1024 * 1024);
  });

  it('says closed at night and when it opens next', async () => {
    const night = await startTestServer({ clock: fixedClock('2026-11-27T16:00:00.000Z') }); // Fri 19:00 MSK
    try {
      const meta = metaSchema.parse((await call(night, 'GET', '/meta')).body);
      expect(meta.open).toBe(false);
      expect(meta.nextOpening).toBe('2026-11-30T05:00:00.000Z'); // Mon 08:00 MSK
    } finally {
      await night.cleanup();
    }
  });

  it('CORS: the allowed origin gets the headers (and Retry-After exposed), others none', async () => {
    const allowed = await call(ts, 'GET', '/meta', { headers: { origin: ALLOWED_ORIGIN } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const refused = await call(ts, 'GET', '/meta', { headers: { origin: 'https://evil.example' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await fetch(`${ts.api}/tickets`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const allowHeaders = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'last-event-id']) expect(allowHeaders).toContain(header);
    // The widget's e-mail switch saves with a PUT from the LMS page's origin.
    const putPreflight = await fetch(`${ts.api}/me/notifications`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(putPreflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(putPreflight.headers.get('access-control-allow-methods')).toContain('PUT');
    const evilPreflight = await fetch(`${ts.api}/tickets`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evilPreflight.headers.get('access-control-allow-origin')).toBeNull();
    // The refused origin is said on the server's log, once, naming the setting (the browser tells only the page).
    const told = ts.logs.filter((line) => line.level === 'warn' && line.text.includes('"https://evil.example"'));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain('not in SUPPORT_ALLOWED_ORIGINS');
    expect(ts.logs.some((line) => line.text.includes(ALLOWED_ORIGIN))).toBe(false);
  });

  it('serves an OpenAPI 3.1 document listing every path with bodies, responses and the error schema', async () => {
    const reply = await call(ts, 'GET', '/openapi.json');
    expect(reply.status).toBe(200);
    const doc = reply.body as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const expected: Record<string, string[]> = {
      '/meta': ['get'],
      '/attachments': ['post'],
      '/attachments/{id}': ['get'],
      '/tickets': ['get', 'post'],
      '/tickets/{id}': ['get'],
      '/tickets/{id}/messages': ['post'],
      '/tickets/{id}/cancel': ['post'],
      '/tickets/{id}/events': ['get'],
      '/agent/tickets': ['get'],
      '/agent/tickets/{id}': ['get'],
      '/agent/tickets/{id}/status': ['post'],
      '/healthz': ['get'],
      '/readyz': ['get'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      for (const method of methods) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(doc.paths['/tickets']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/tickets']?.post?.responses['201']).toBeDefined();
    expect(doc.paths['/tickets']?.post?.responses['422']).toBeDefined();
    for (const name of ['TicketDraft', 'Ticket', 'CreateTicketResponse', 'TicketEvent', 'Attachment', 'Meta', 'Error', 'MessageBody', 'AgentStatusBody']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    expect(JSON.stringify(doc.components.schemas.TicketDraft)).toContain('"course"');
  });

  it('the contract and the OpenAPI document name every error status the server answers, 403 where a reporter route refuses the agent', async () => {
    const contract = readFileSync(join(import.meta.dirname, '../../docs/http-contract.md'), 'utf8');
    const section = contract.slice(contract.indexOf('## Errors'), contract.indexOf('\n## ', contract.indexOf('## Errors') + 1));
    const listed = [...section.matchAll(/^\| (\d{3}) \|/gm)].map((match) => Number(match[1]));
    expect(listed).toEqual([...ERROR_STATUSES]);
    const doc = (await call(ts, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>>;
      components: { responses: Record<string, unknown> };
    };
    expect(Object.keys(doc.components.responses).sort()).toEqual(ERROR_STATUSES.map((status) => `E${status}`).sort());
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const errors = Object.keys(operation.responses).map(Number).filter((status) => status >= 400);
        expect(ERROR_STATUSES, `${method} ${path}`).toEqual(expect.arrayContaining(errors));
        const reporterOnly = operation.security.length > 0 && operation.security.every((scheme) => !Object.hasOwn(scheme as object, 'agentToken'));
        if (reporterOnly) expect(errors, `${method} ${path}`).toContain(403);
      }
    }
    // The agent on a reporter route is that 403.
    expectError(await call(ts, 'GET', '/tickets/UP-2026-000001', { auth: agentAuth }), 403, 'forbidden');
  });

  it('unknown routes answer 404, known ones asked with another method 405 naming the methods they have', async () => {
    expectError(await call(ts, 'GET', '/nope'), 404, 'not_found');
    expectError(await call(ts, 'GET', '/tickets/x/y/z'), 404, 'not_found');
    // A trailing slash is no route either: 404, not a 405 that would name the very method asked.
    expectError(await call(ts, 'GET', '/meta/'), 404, 'not_found');
    expectError(await call(ts, 'POST', '/tickets/', { json: {} }), 404, 'not_found');
    const outside = await fetch(`${ts.server.url}/etc/passwd`);
    expect(outside.status).toBe(404);

    const cases: Array<[string, string, string]> = [
      ['DELETE', '/meta', 'GET, HEAD'],
      ['PUT', '/tickets', 'GET, HEAD, POST'],
      ['PATCH', '/tickets/UP-2026-000001', 'GET, HEAD'],
      ['GET', '/tickets/any-id/cancel', 'POST'],
      ['POST', '/attachments/any-id', 'DELETE, GET, HEAD'],
      ['GET', '/agent/tickets/any-id/status', 'POST'],
    ];
    const auth = await userAuth(ts, 'someone');
    for (const [method, path, allow] of cases) {
      const reply = await call(ts, method, path, { auth: path.startsWith('/agent') ? agentAuth : auth, ...(method === 'GET' ? {} : { json: {} }) });
      expectError(reply, 405, 'method_not_allowed');
      expect(reply.headers.get('allow'), `${method} ${path}`).toBe(allow);
    }
    // The probes, at the root and under the API prefix, are addresses too.
    for (const url of [`${ts.server.url}/healthz`, `${ts.server.url}/readyz`, `${ts.api}/healthz`]) {
      const reply = await fetch(url, { method: 'POST' });
      expect(reply.status, url).toBe(405);
      expect(reply.headers.get('allow'), url).toBe('GET, HEAD');
    }
    // HEAD is served wherever GET is.
    expect((await fetch(`${ts.api}/meta`, { method: 'HEAD' })).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('allows N requests a minute per reporter, then 429 with Retry-After; others and the next window are unaffected', async () => {
    let now = new Date('2026-11-25T07:00:00.000Z').getTime();
    const ts = await startTestServer({ clock: () => new Date(now), config: { rateLimitPerMinute: 5 } });
    try {
      const alice = await userAuth(ts, 'alice');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await call(ts, 'GET', '/tickets', { auth: alice })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      now += 20_000;
      const limited = await call(ts, 'GET', '/tickets', { auth: alice, headers: { origin: ALLOWED_ORIGIN } });
      expectError(limited, 429, 'rate_limited');
      expect(limited.headers.get('retry-after')).toBe('40');
      expect(limited.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      // Writes are limited too, and a limited create stores nothing.
      expectError(await createTicket(ts, alice, validDrafts.other), 429, 'rate_limited');
      // Another reporter has their own budget.
      expect((await call(ts, 'GET', '/tickets', { auth: guestAuth() })).status).toBe(200);
      now += 40_000;
      expect((await call(ts, 'GET', '/tickets', { auth: alice })).status).toBe(200);
    } finally {
      await ts.cleanup();
    }
  });

  it('adds no counter rows for fresh guest keys past their address’s limit, and forgets a rate window once it is over', async () => {
    let now = new Date('2026-11-25T07:00:00.000Z').getTime();
    let ts = await startTestServer({ clock: () => new Date(now), config: { rateLimitPerMinute: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await call(ts, 'GET', '/tickets', { auth: guestAuth() })).status);
      // Ten times the rate per address for guests, then 429 whatever key comes.
      expect(statuses.filter((status) => status === 200)).toHaveLength(20);
      expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
      // The address's window and the 20 keys it let through: the 40 refused keys wrote nothing.
      expect(tableCounts(ts.dbPath, ['rate_counters']).rate_counters).toBe(21);
      // More windows than one statement deletes, and two of a guest quota's hour, which outlive the minute.
      execSql(ts.dbPath, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)
        INSERT INTO rate_counters (key, window_start, count) SELECT 'rate:old-' || i, ${now - 3_600_000}, 1 FROM n`);
      execSql(ts.dbPath, `INSERT INTO rate_counters (key, window_start, count) VALUES ('quota-a', ${now}, 1), ('quota-b', ${now}, 1)`);
      // The cleanup (at start, then every sweep) forgets the rate windows whose minute is over, in batches.
      now += 61_000;
      ts = await ts.restart();
      expect(queryNumber(ts.dbPath, "SELECT COUNT(*) FROM rate_counters WHERE key LIKE 'rate:%'")).toBe(0);
      expect(queryNumber(ts.dbPath, "SELECT COUNT(*) FROM rate_counters WHERE key LIKE 'quota-%'")).toBe(2);
    } finally {
      await ts.cleanup();
    }
  });

  it('counts the e-mails’ unsubscribe links apart: other anonymous calls from the same address do not block them', async () => {
    const now = new Date('2026-11-25T07:00:00.000Z').getTime();
    const ts = await startTestServer({ clock: () => new Date(now), config: { rateLimitPerMinute: 2 } });
    try {
      for (let i = 0; i < 2; i++) expectError(await call(ts, 'GET', '/tickets'), 401);
      expectError(await call(ts, 'GET', '/tickets'), 429, 'rate_limited');
      // Still answered (a broken link's page), and limited only at ten times the rate.
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await call(ts, 'POST', '/email/unsubscribe?t=x.y')).status);
      expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
      expect(statuses[20]).toBe(429);
    } finally {
      await ts.cleanup();
    }
  });

  it('counts failed credentials with the other anonymous calls, whatever the path ends with', async () => {
    const now = new Date('2026-11-25T07:00:00.000Z').getTime();
    const ts = await startTestServer({ clock: () => new Date(now), config: { rateLimitPerMinute: 3 } });
    try {
      const wrong = { auth: 'Bearer wrong-agent-token-0123456789' };
      // Paths that end like the hours banner's or the unsubscribe link's are not those routes.
      const statuses: number[] = [];
      for (const path of ['/agent/tickets/meta', '/agent/x/email/unsubscribe', '/agent/tickets/meta', '/agent/x/email/unsubscribe']) {
        statuses.push((await call(ts, 'GET', path, wrong)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // The hours banner itself keeps its own bucket.
      expect((await call(ts, 'GET', '/meta')).status).toBe(200);
    } finally {
      await ts.cleanup();
    }
  });

  it('logs refused tokens one by one up to 100 a minute, then how many more were refused', async () => {
    let now = new Date('2026-11-25T07:00:00.000Z').getTime();
    const ts = await startTestServer({ clock: () => new Date(now) });
    try {
      const refusedLines = () => ts.logs.filter((line) => line.level === 'warn' && line.text.includes('reporter token'));
      for (let i = 0; i < 130; i++) expectError(await call(ts, 'GET', '/tickets', { auth: 'Bearer x.y.z' }), 401);
      expect(refusedLines()).toHaveLength(100);
      now += 60_000;
      expectError(await call(ts, 'GET', '/tickets', { auth: 'Bearer x.y.z' }), 401);
      const lines = refusedLines().slice(100).map((line) => line.text);
      expect(lines).toEqual([expect.stringContaining('30 more in the last minute'), expect.stringContaining('reporter token refused: malformed')]);
      // Something that is no token at all may be a specialist's mistyped one: the line says so too.
      expect(lines[1]).toContain('nor is it a specialist’s token of SUPPORT_AGENT_TOKEN or SUPPORT_AGENTS');
    } finally {
      await ts.cleanup();
    }
  });

  it('gives the agent token a bucket of its own size: the specialists are not limited like one reporter', async () => {
    let now = new Date('2026-11-25T07:00:00.000Z').getTime();
    const ts = await startTestServer({ clock: () => new Date(now), config: { rateLimitPerMinute: 3, agentRateLimitPerMinute: 6 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await call(ts, 'GET', '/agent/tickets', { auth: agentAuth })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
      now += 60_000;
      expect((await call(ts, 'GET', '/agent/tickets', { auth: agentAuth })).status).toBe(200);
    } finally {
      await ts.cleanup();
    }
  });
});
