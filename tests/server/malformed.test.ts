import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, guestAuth, newKey, startTestServer, tableCounts, userAuth } from './helpers';
import type { CallOptions, TestServer } from './helpers';
import { pngImage } from './images';

interface Case {
  name: string;
  method: string;
  path: string;
  options: (auth: string) => CallOptions;
}

const json = (body: string, contentType = 'application/json') => ({ body, headers: { 'content-type': contentType } });
const draft = validDrafts.other as Record<string, unknown>;

function cases(png: Buffer): Case[] {
  const ticket = (name: string, body: unknown, extra: CallOptions = {}): Case => ({
    name,
    method: 'POST',
    path: '/tickets',
    options: (auth) => ({ auth, json: body, ...extra, headers: { 'idempotency-key': newKey(), ...extra.headers } }),
  });
  const rawTicket = (name: string, body: BodyInit, contentType?: string): Case => ({
    name,
    method: 'POST',
    path: '/tickets',
    options: (auth) => ({
      auth,
      body,
      headers: { 'idempotency-key': newKey(), ...(contentType === undefined ? {} : { 'content-type': contentType }) },
    }),
  });
  const upload = (name: string, body: BodyInit, contentType?: string): Case => ({
    name,
    method: 'POST',
    path: '/attachments',
    options: (auth) => ({ auth, body, ...(contentType === undefined ? {} : { headers: { 'content-type': contentType } }) }),
  });
  const multipart = (parts: string) => new Uint8Array(Buffer.from(parts.replace(/\n/g, '\r\n'), 'latin1'));
  const boundary = 'XyZ123boundary';
  const truncated = Buffer.concat([
    multipart(`--${boundary}\nContent-Disposition: form-data; name="file"; filename="a.png"\nContent-Type: image/png\n\n`),
    png.subarray(0, 40),
  ]);

  return [
    rawTicket('bad JSON', '{"category": "other",', 'application/json'),
    rawTicket('array body', '[]', 'application/json'),
    rawTicket('array of drafts', JSON.stringify([draft]), 'application/json'),
    rawTicket('null body', 'null', 'application/json'),
    rawTicket('string body', '"ticket"', 'application/json'),
    rawTicket('number body', '42', 'application/json'),
    rawTicket('empty body', '', 'application/json'),
    rawTicket('text/plain', JSON.stringify(draft), 'text/plain'),
    rawTicket('form-urlencoded', 'category=other&subject=x', 'application/x-www-form-urlencoded'),
    rawTicket('no content type', new Blob([JSON.stringify(draft)])),
    rawTicket('application/jsonp', JSON.stringify(draft), 'application/jsonp'),
    rawTicket('deeply nested JSON', `${'['.repeat(60_000)}${']'.repeat(60_000)}`, 'application/json'),
    rawTicket('invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'application/json'),
    rawTicket('JSON with a BOM and garbage', '\ufeff{garbage}', 'application/json'),
    rawTicket('huge body over 256 kB', JSON.stringify({ ...draft, description: 'я'.repeat(200_000) }), 'application/json'),
    ticket('empty object', {}),
    ticket('category as number', { ...draft, category: 7 }),
    ticket('unknown category', { ...draft, category: 'hacking' }),
    ticket('subject as array', { ...draft, subject: ['a', 'b'] }),
    ticket('subject as object', { ...draft, subject: { toString: 'x' } }),
    ticket('huge subject', { ...draft, subject: 'x'.repeat(100_000) }),
    ticket('description missing', { ...draft, description: undefined }),
    ticket('impact unknown', { ...draft, impact: 'apocalypse' }),
    ticket('browser missing', { ...draft, browser: undefined }),
    ticket('browser as string', { ...draft, browser: 'Chrome' }),
    ticket('pixelRatio as string', { ...draft, browser: { ...(draft.browser as object), pixelRatio: '2' } }),
    ticket('attachmentIds as string', { ...draft, attachmentIds: 'abc' }),
    ticket('attachmentIds with path traversal', { ...draft, attachmentIds: ['../../etc/passwd'] }),
    ticket('too many attachmentIds', { ...draft, attachmentIds: Array.from({ length: 11 }, (_, i) => `attachment${i}x`) }),
    ticket('unknown attachment id', { ...draft, attachmentIds: ['doesNotExist123'] }),
    ticket('javascript: course link', { ...validDrafts.course, course: { title: 'x', url: 'javascript:alert(1)' } }),
    ticket('oneProblemConfirmed as string', { ...draft, oneProblemConfirmed: 'yes' }),
    ticket('__proto__ and constructor keys (and nothing else valid)', JSON.parse('{"__proto__": {"polluted": true, "category": "other"}, "constructor": {"prototype": {"polluted": true}}}')),
    ticket('__proto__ smuggling a category', JSON.parse(`{"__proto__": {"category": "other"}, "subject": "s", "description": "d", "impact": "minor", "browser": ${JSON.stringify(draft.browser)}}`)),
    ticket('missing Idempotency-Key', draft, { headers: { 'idempotency-key': '' } }),
    { name: 'garbage bearer', method: 'POST', path: '/tickets', options: () => ({ auth: 'Bearer garbage', json: draft, headers: { 'idempotency-key': newKey() } }) },
    { name: 'guest contact as string', method: 'POST', path: '/tickets', options: () => ({ auth: guestAuth(), json: { ...draft, contact: 'me' }, headers: { 'idempotency-key': newKey() } }) },
    { name: 'message bad JSON', method: 'POST', path: '/tickets/abcdefgh12345/messages', options: (auth) => ({ auth, ...json('{') }) },
    { name: 'message without text', method: 'POST', path: '/tickets/abcdefgh12345/messages', options: (auth) => ({ auth, json: { attachmentIds: [] } }) },
    { name: 'message text as number', method: 'POST', path: '/tickets/abcdefgh12345/messages', options: (auth) => ({ auth, json: { text: 5 } }) },
    { name: 'message too long', method: 'POST', path: '/tickets/abcdefgh12345/messages', options: (auth) => ({ auth, json: { text: 'x'.repeat(5001) } }) },
    { name: 'message to an unknown ticket', method: 'POST', path: '/tickets/abcdefgh12345/messages', options: (auth) => ({ auth, json: { text: 'hi' } }) },
    { name: 'cancel unknown ticket', method: 'POST', path: '/tickets/abcdefgh12345/cancel', options: (auth) => ({ auth }) },
    { name: 'invalid ticket id', method: 'GET', path: '/tickets/..%2F..%2Fsecret', options: (auth) => ({ auth }) },
    { name: 'percent garbage id', method: 'GET', path: '/tickets/%ZZ%ZZ', options: (auth) => ({ auth }) },
    { name: 'events of an invalid id', method: 'GET', path: '/tickets/%00/events', options: (auth) => ({ auth, headers: { 'last-event-id': '-1' } }) },
    { name: 'agent status bad JSON', method: 'POST', path: '/agent/tickets/abcdefgh12345/status', options: () => ({ auth: agentAuth, ...json('{"status":') }) },
    { name: 'agent status empty object', method: 'POST', path: '/agent/tickets/abcdefgh12345/status', options: () => ({ auth: agentAuth, json: {} }) },
    { name: 'agent status as array', method: 'POST', path: '/agent/tickets/abcdefgh12345/status', options: () => ({ auth: agentAuth, json: { status: ['resolved'] } }) },
    { name: 'agent list with a bad status', method: 'GET', path: '/agent/tickets?status=%3Cscript%3E', options: () => ({ auth: agentAuth }) },
    upload('truncated multipart', new Uint8Array(truncated), `multipart/form-data; boundary=${boundary}`),
    upload('multipart without boundary', multipart('--x\nContent-Disposition: form-data; name="file"\n\nabc\n--x--\n'), 'multipart/form-data'),
    upload('empty multipart body', '', `multipart/form-data; boundary=${boundary}`),
    upload('JSON to the upload route', JSON.stringify({ file: 'x' }), 'application/json'),
    upload('file as a plain field', multipart(`--${boundary}\nContent-Disposition: form-data; name="file"\n\nnot a file\n--${boundary}--\n`), `multipart/form-data; boundary=${boundary}`),
    upload('octet-stream body', new Uint8Array(png), 'application/octet-stream'),
    { name: 'dev token outside dev mode', method: 'POST', path: '/dev/token', options: () => json('{}') },
  ];
}

describe('malformed requests', () => {
  let ts: TestServer;
  let auth: string;
  beforeAll(async () => {
    ts = await startTestServer();
    auth = await userAuth(ts, 'fuzzer');
  });
  afterAll(() => ts.cleanup());

  it('answers every malformed request with a 4xx error shape, stores nothing and keeps serving', async () => {
    const batch = cases(await pngImage());
    expect(batch.length).toBeGreaterThanOrEqual(40);
    for (const item of batch) {
      const reply = await call(ts, item.method, item.path, item.options(auth));
      expect(reply.status, `${item.name}: ${reply.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, `${item.name}: ${reply.text.slice(0, 200)}`).toBeLessThan(500);
      expectError(reply);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await call(ts, 'GET', '/meta')).status).toBe(200);
    expect(tableCounts(ts.dbPath)).toEqual({ tickets: 0, events: 0, attachments: 0, idempotency_keys: 0, ticket_counters: 0 });
    expect(ts.logs.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('a valid draft carrying __proto__ keys is stored without them', async () => {
    const body = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(draft).slice(1)}`) as Record<string, unknown>;
    const reply = await createTicket(ts, auth, body);
    expect(reply.status, reply.text).toBe(201);
    expect(reply.text).not.toContain('polluted');
    expect(createTicketResponseSchema.parse(reply.body).ticket.category).toBe('other');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
