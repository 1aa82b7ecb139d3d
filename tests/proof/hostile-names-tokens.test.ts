/**
 * Proof: hostile file names are stored sanitised (the bytes under a random name inside the attachments folder,
 * nothing written anywhere else) and served back with a safe Content-Disposition; forged, expired, wrong-audience,
 * unsigned and otherwise bent tokens are 401 on every reporter route; a valid token whose claims carry HTML is
 * accepted and echoed only as JSON data.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema, createTicketResponseSchema, ticketSchema } from '../../src/core';
import { signReporterToken } from '../../src/server';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, newKey, profile, startTestServer, TEST_SECRET, userAuth } from '../server/helpers';
import type { TestServer } from '../server/helpers';
import { pngImage } from '../server/images';
import { findOrphans, NO_ORPHANS } from './db-audit';
import { sendRaw } from './raw-http';

const HOSTILE_NAMES: Record<string, string> = {
  traversal: '../../etc/passwd.png',
  'windows traversal': '..\\..\\..\\Windows\\System32\\evil.png',
  'right-to-left override': 'invoice\u202Egnp.exe',
  '300 characters': `${'я'.repeat(300)}.png`,
  'HTML in the name': '<img src=x onerror=alert(1)>.png',
  'header injection': 'a.png\r\nSet-Cookie: stolen=1\r\nX-Evil: 1',
  'quotes and semicolons': 'x"; filename="evil.html"; a=.png',
  'only dots': '..',
  'encoded traversal': '%2e%2e%2f%2e%2e%2fetc%2fpasswd.png',
};

// Control, bidi and path characters that must never survive into a stored name.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069/\\]/;

/** Every file under `dir`, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path).map((inner) => join(name, inner)) : [name];
  });
}

/** A one-file multipart body with the file name's bytes exactly as given (FormData would escape some). */
function multipart(name: string, bytes: Buffer): { body: Buffer; type: string } {
  const boundary = 'NamesProofBoundary42';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
    Buffer.from(name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A'), 'utf8'),
    Buffer.from(`"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(() => ts.cleanup());

describe('hostile file names', () => {
  it('refuses a part header carrying control characters as malformed, storing nothing', async () => {
    const origin = new URL(ts.api).origin;
    const auth = await userAuth(ts, 'names-nul');
    const { body, type } = multipart('report\u0000.exe.png', await pngImage());
    const before = listFiles(join(ts.dir, 'attachments')).length;
    const reply = await sendRaw(origin, { method: 'POST', path: '/api/v1/attachments', headers: { authorization: auth, 'content-type': type }, body });
    expect(reply.status, reply.text).toBe(400);
    expect(JSON.parse(reply.text)).toMatchObject({ error: { code: 'bad_request' } });
    expect(listFiles(join(ts.dir, 'attachments'))).toHaveLength(before);
  });

  it('are stored sanitised under random names inside the attachments folder and served back safely', async () => {
    const png = await pngImage();
    const origin = new URL(ts.api).origin;
    const attachmentsDir = join(ts.dir, 'attachments');
    const before = new Set(listFiles(ts.dir));
    let index = 0;
    for (const [label, raw] of Object.entries(HOSTILE_NAMES)) {
      const auth = await userAuth(ts, `names-${index++}`);
      const { body, type } = multipart(raw, png);
      const reply = await sendRaw(origin, { method: 'POST', path: '/api/v1/attachments', headers: { authorization: auth, 'content-type': type }, body });
      expect(reply.status, `${label}: ${reply.text}`).toBe(201);
      const stored = attachmentSchema.parse(JSON.parse(reply.text));
      expect(stored.name, label).not.toMatch(UNSAFE);
      expect([...stored.name].length, label).toBeLessThanOrEqual(255);
      expect(stored.name, label).toMatch(/\.png$/);
      expect(stored.name.startsWith('.'), label).toBe(false);
      // Nothing was written where the raw name points.
      const target = resolve(attachmentsDir, raw.split('\u0000').join(''));
      expect(existsSync(target) && statSync(target).isFile(), label).toBe(false);

      const download = await sendRaw(origin, { method: 'GET', path: `/api/v1/attachments/${stored.id}`, headers: { authorization: auth } });
      expect(download.status).toBe(200);
      const disposition = String(download.headers['content-disposition']);
      const match = /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9%!._~-]*)$/.exec(disposition);
      expect(match, `${label}: ${disposition}`).not.toBeNull();
      expect(match?.[1], label).not.toMatch(/["\\;]/);
      expect(decodeURIComponent(match?.[2] ?? ''), label).toBe(stored.name);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-security-policy']).toContain("default-src 'none'");
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['set-cookie']).toBeUndefined();
      expect(download.headers['x-evil']).toBeUndefined();

      // The ticket echoes the name as JSON data only.
      const ticket = await createTicket(ts, auth, { ...validDrafts.other, attachmentIds: [stored.id] });
      expect(ticket.status, ticket.text).toBe(201);
      expect(ticket.headers.get('content-type')).toMatch(/^application\/json/);
      expect(createTicketResponseSchema.parse(ticket.body).ticket.attachments[0]?.name).toBe(stored.name);
    }
    const added = listFiles(ts.dir).filter((path) => !before.has(path) && !/^support\.sqlite(-wal|-shm)?$/.test(path));
    expect(added).toHaveLength(Object.keys(HOSTILE_NAMES).length);
    for (const path of added) {
      expect(relative(attachmentsDir, join(ts.dir, path))).toMatch(/^[a-f0-9]{32}$/);
    }
    expect(findOrphans(ts.dbPath, attachmentsDir)).toEqual(NO_ORPHANS);
  });
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const secret = new TextEncoder().encode(TEST_SECRET);
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
/** An HS256 JWS over any header, signed with the real secret (jose refuses to sign some of ours). */
function hs256(header: object, payload: object): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', TEST_SECRET).update(input).digest('base64url')}`;
}
const claims = () => ({ ...profile('mallory'), aud: 'uchi-support', exp: inAnHour() });

/** Tokens that must never be accepted. */
const BAD_TOKENS: Array<[string, () => Promise<string>]> = [
  ['forged with another secret', () => signReporterToken(profile('mallory'), 'another-secret-of-sufficient-length-0123456789')],
  ['expired', () => signReporterToken(profile('mallory'), TEST_SECRET, '-1m')],
  ['wrong audience', () => new SignJWT({ ...profile('mallory') }).setProtectedHeader({ alg: 'HS256' }).setAudience('lms-internal').setExpirationTime(inAnHour()).sign(secret)],
  ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
  ['alg None', async () => `${b64({ alg: 'None', typ: 'JWT' })}.${b64(claims())}.`],
  ['alg NONE with a signature', async () => `${b64({ alg: 'NONE' })}.${b64(claims())}.${b64('sig')}`],
  ['HS256 with the signature stripped', async () => `${(await signReporterToken(profile('mallory'), TEST_SECRET)).split('.').slice(0, 2).join('.')}.`],
  ['RS256 header, HMAC-signed with the secret (key confusion)', async () => {
    const [, payload, signature] = (await signReporterToken(profile('mallory'), TEST_SECRET)).split('.');
    return `${b64({ alg: 'RS256', typ: 'JWT' })}.${payload}.${signature}`;
  }],
  ['not valid before next hour', () => new SignJWT({ ...profile('mallory') }).setProtectedHeader({ alg: 'HS256' }).setAudience('uchi-support').setNotBefore(inAnHour()).setExpirationTime(inAnHour() + 60).sign(secret)],
  ['unknown critical header, correctly signed', async () => hs256({ alg: 'HS256', crit: ['x-must-understand'], 'x-must-understand': true }, claims())],
  ['embedded jwk of the attacker', () => {
    const attacker = new TextEncoder().encode('attacker-secret-0123456789-abcdefghijklmnop');
    return new SignJWT({ ...profile('mallory') }).setProtectedHeader({ alg: 'HS256', jwk: { kty: 'oct', k: Buffer.from(attacker).toString('base64url') } } as never).setAudience('uchi-support').setExpirationTime(inAnHour()).sign(attacker);
  }],
  ['payload swapped for admin', async () => {
    const [header, , signature] = (await signReporterToken(profile('mallory'), TEST_SECRET)).split('.');
    return `${header}.${b64({ ...claims(), sub: 'admin' })}.${signature}`;
  }],
  ['HTML as the role', () => signReporterToken({ ...profile('mallory'), role: '<script>alert(1)</script>' as 'teacher' }, TEST_SECRET)],
  ['8 kB of garbage', async () => 'x'.repeat(8192)],
];

describe('tokens', () => {
  let ticketId: string;
  let attachmentId: string;
  let png: Buffer;
  beforeAll(async () => {
    const alice = await userAuth(ts, 'token-owner');
    png = await pngImage();
    ticketId = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.technical)).body).ticket.id;
    const origin = new URL(ts.api).origin;
    const { body, type } = multipart('a.png', png);
    attachmentId = attachmentSchema.parse(JSON.parse((await sendRaw(origin, { method: 'POST', path: '/api/v1/attachments', headers: { authorization: alice, 'content-type': type }, body })).text)).id;
  });

  it.each(BAD_TOKENS)('refuses a token on every reporter route and the agent routes: %s', async (_label, make) => {
    const auth = `Bearer ${await make()}`;
    const { body, type } = multipart('a.png', png);
    const origin = new URL(ts.api).origin;
    const replies = [
      await call(ts, 'GET', '/tickets', { auth }),
      await createTicket(ts, auth, validDrafts.other),
      await call(ts, 'GET', `/tickets/${ticketId}`, { auth }),
      await call(ts, 'POST', `/tickets/${ticketId}/messages`, { auth, json: { text: 'Привет' } }),
      await call(ts, 'POST', `/tickets/${ticketId}/cancel`, { auth }),
      await call(ts, 'GET', `/tickets/${ticketId}/events`, { auth }),
      await call(ts, 'GET', `/attachments/${attachmentId}`, { auth }),
      await call(ts, 'DELETE', `/attachments/${attachmentId}`, { auth }),
      await call(ts, 'GET', '/agent/tickets', { auth }),
      await call(ts, 'POST', `/agent/tickets/${ticketId}/status`, { auth, json: { status: 'resolved' } }),
    ];
    const upload = await sendRaw(origin, { method: 'POST', path: '/api/v1/attachments', headers: { authorization: auth, 'content-type': type }, body });
    for (const reply of replies) expectError(reply, 401, 'unauthorized');
    expect(upload.status).toBe(401);
    const ticket = ticketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticketId}`, { auth: agentAuth })).body);
    expect(ticket.status).toBe('registered');
    expect(ticket.events).toHaveLength(1);
  });

  it('accepts a valid token whose claims carry HTML and echoes them only as JSON data', async () => {
    const html = { name: '<img src=x onerror=alert(1)>', org: { id: '<b>1</b>', title: '<script>alert(document.cookie)</script>' }, email: '"><svg onload=alert(1)>@x.ru' };
    const auth = `Bearer ${await signReporterToken({ ...profile('html-claims'), ...html }, TEST_SECRET)}`;
    const created = await createTicket(ts, auth, validDrafts.other, newKey());
    expect(created.status, created.text).toBe(201);
    const id = createTicketResponseSchema.parse(created.body).ticket.id;
    const reads = [created, await call(ts, 'GET', `/tickets/${id}`, { auth }), await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })];
    for (const reply of reads) {
      expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('content-security-policy')).toContain("default-src 'none'");
      const body = reply.body as { ticket?: unknown };
      const ticket = ticketSchema.parse(body.ticket ?? body);
      expect(ticket.reporter).toMatchObject({ fullName: html.name, organization: html.org.title });
      // Not an e-mail address: dropped, as the guest contact fields would refuse it.
      expect(ticket.reporter.email).toBeUndefined();
    }
    // The hand-made signer behind the critical-header case makes tokens the server accepts when nothing is bent.
    expect((await call(ts, 'GET', '/tickets', { auth: `Bearer ${hs256({ alg: 'HS256', typ: 'JWT' }, claims())}` })).status).toBe(200);
    // Listed as data too; the list carries no reporter fields at all.
    const list = await call(ts, 'GET', '/tickets', { auth });
    expect(list.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
