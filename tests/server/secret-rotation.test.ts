/**
 * Changing a shared secret without refusing anything: while `…_PREVIOUS` holds the old secret, reporter tokens and
 * unsubscribe links signed with it still work and every webhook is signed with both keys; without it the old
 * secret is refused. The README's receiver check runs as printed against the real deliveries.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig, signReporterToken } from '../../src/server';
import { unsubscribeUrl } from '../../src/server/outbox/unsubscribe';
import { validDrafts } from '../fixtures/drafts';
import { Desk, verify } from '../fixtures/receivers';
import { call, createTicket, guestAuth, guestContact, newKey, profile, startTestServer, TEST_SECRET } from './helpers';
import type { TestServer } from './helpers';

const OLD_SECRET = 'the-old-token-secret-0123456789-abcdefghijklmnop';
const OTHER_SECRET = 'a-secret-nobody-configured-0123456789-abcdefghij';
const NEW_WEBHOOK_KEY = 'whsec-new-0123456789-abcdefghijklmnopqrstuvwxyz';
const OLD_WEBHOOK_KEY = 'whsec-old-0123456789-abcdefghijklmnopqrstuvwxyz';
const PUBLIC_URL = 'https://support.example.ru';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('the previous secrets in the configuration', () => {
  const base = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_WEBHOOK_SECRET: 'w'.repeat(40) };

  it('are optional, and a blank one is none', () => {
    const { config } = loadConfig({ ...base, SUPPORT_TOKEN_SECRET_PREVIOUS: '  ', SUPPORT_WEBHOOK_SECRET_PREVIOUS: '' });
    expect(config.previousTokenSecret).toBeNull();
    expect(config.notifications.previousWebhookSecret).toBeNull();
    const set = loadConfig({ ...base, SUPPORT_TOKEN_SECRET_PREVIOUS: 'p'.repeat(40), SUPPORT_WEBHOOK_SECRET_PREVIOUS: 'q'.repeat(40) }).config;
    expect(set.previousTokenSecret).toBe('p'.repeat(40));
    expect(set.notifications.previousWebhookSecret).toBe('q'.repeat(40));
  });

  it('are said at every start while they are set', () => {
    const { warnings } = loadConfig({ ...base, SUPPORT_TOKEN_SECRET_PREVIOUS: 'p'.repeat(40), SUPPORT_WEBHOOK_SECRET_PREVIOUS: 'q'.repeat(40) });
    expect(warnings).toContainEqual(expect.stringMatching(/SUPPORT_TOKEN_SECRET_PREVIOUS is set: tokens signed with the old secret still sign users in/));
    expect(warnings).toContainEqual(expect.stringMatching(/SUPPORT_WEBHOOK_SECRET_PREVIOUS is set/));
    expect(loadConfig(base).warnings.join('\n')).not.toMatch(/PREVIOUS/);
  });

  it('stop the start when shorter than a secret may be, or the same as the current one', () => {
    expect(() => loadConfig({ ...base, SUPPORT_TOKEN_SECRET_PREVIOUS: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, SUPPORT_TOKEN_SECRET_PREVIOUS: 'short' })).toThrow(/SUPPORT_TOKEN_SECRET_PREVIOUS must be at least 32/);
    expect(() => loadConfig({ ...base, SUPPORT_TOKEN_SECRET_PREVIOUS: 'x'.repeat(40) })).toThrow(/SUPPORT_TOKEN_SECRET_PREVIOUS is the same as SUPPORT_TOKEN_SECRET/);
    expect(() => loadConfig({ ...base, SUPPORT_WEBHOOK_SECRET_PREVIOUS: 'short' })).toThrow(/SUPPORT_WEBHOOK_SECRET_PREVIOUS must be at least 32/);
    expect(() => loadConfig({ ...base, SUPPORT_WEBHOOK_SECRET_PREVIOUS: 'w'.repeat(40) })).toThrow(/SUPPORT_WEBHOOK_SECRET_PREVIOUS is the same/);
  });
});

describe('the reporter tokens’ secret, changed', { timeout: 30_000 }, () => {
  let rotating: TestServer;
  let plain: TestServer;
  beforeAll(async () => {
    rotating = await startTestServer({ config: { previousTokenSecret: OLD_SECRET, publicUrl: PUBLIC_URL } });
    plain = await startTestServer({ config: { publicUrl: PUBLIC_URL } });
  });
  afterAll(async () => {
    await rotating.cleanup();
    await plain.cleanup();
  });

  const bearer = async (ts: TestServer, sub: string, secret: string) => `Bearer ${await signReporterToken(profile(sub), secret, '1h', ts.clock())}`;

  it('a token signed with the previous secret is accepted while it is the previous one, and is the same user', async () => {
    const old = await bearer(rotating, 'rotated', OLD_SECRET);
    const created = await createTicket(rotating, old, validDrafts.technical);
    expect(created.status, created.text).toBe(201);
    // The same user with a token signed by the new secret sees the ticket filed under the old one.
    const mine = await call(rotating, 'GET', '/tickets', { auth: await bearer(rotating, 'rotated', TEST_SECRET) });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).toContain((created.body as { ticket: { id: string } }).ticket.id);
  });

  it('a token signed with any other secret is refused, and so is the old one once it is not the previous', async () => {
    expect((await call(rotating, 'GET', '/tickets', { auth: await bearer(rotating, 'stranger', OTHER_SECRET) })).status).toBe(401);
    expect((await call(plain, 'GET', '/tickets', { auth: await bearer(plain, 'rotated', OLD_SECRET) })).status).toBe(401);
    expect((await call(plain, 'GET', '/tickets', { auth: await bearer(plain, 'rotated', TEST_SECRET) })).status).toBe(200);
  });

  it('an expired token signed with the previous secret is still refused', async () => {
    const expired = await signReporterToken(profile('late'), OLD_SECRET, '1h', new Date(rotating.clock().getTime() - 2 * 60 * 60 * 1000));
    expect((await call(rotating, 'GET', '/tickets', { auth: `Bearer ${expired}` })).status).toBe(401);
  });

  it('an unsubscribe link from an e-mail signed before the change opens while the old secret is the previous one', async () => {
    const query = (secret: string) => new URL(unsubscribeUrl(PUBLIC_URL, secret, 'user:rotated')).search;
    expect((await call(rotating, 'GET', `/email/unsubscribe${query(OLD_SECRET)}`)).status).toBe(200);
    expect((await call(rotating, 'GET', `/email/unsubscribe${query(TEST_SECRET)}`)).status).toBe(200);
    expect((await call(rotating, 'GET', `/email/unsubscribe${query(OTHER_SECRET)}`)).status).toBe(400);
    expect((await call(plain, 'GET', `/email/unsubscribe${query(OLD_SECRET)}`)).status).toBe(400);
  });
});

const GUEST_DRAFT = { ...validDrafts.other, contact: guestContact, consent: true };

describe('a guest’s create replayed across the change', { timeout: 30_000 }, () => {
  it('answers the same access key while the old secret is the previous one, and none after', async () => {
    const before = await startTestServer({ config: { tokenSecret: OLD_SECRET } });
    const guest = guestAuth();
    const key = newKey();
    const first = await createTicket(before, guest, GUEST_DRAFT, key);
    expect(first.status, first.text).toBe(201);
    const accessKey = (first.body as { accessKey?: string }).accessKey;
    expect(accessKey).toBeDefined();
    await before.close();
    const rotating = await startTestServer({ dir: before.dir, config: { tokenSecret: TEST_SECRET, previousTokenSecret: OLD_SECRET, databaseUrl: before.dbPath.startsWith('postgres') ? before.dbPath : null } });
    try {
      const replay = await createTicket(rotating, guest, GUEST_DRAFT, key);
      expect(replay.status, replay.text).toBe(201);
      expect((replay.body as { accessKey?: string }).accessKey).toBe(accessKey);
      await rotating.close();
      const after = await startTestServer({ dir: before.dir, config: { tokenSecret: TEST_SECRET, databaseUrl: before.dbPath.startsWith('postgres') ? before.dbPath : null } });
      try {
        const late = await createTicket(after, guest, GUEST_DRAFT, key);
        expect(late.status, late.text).toBe(201);
        expect(late.body).not.toHaveProperty('accessKey');
      } finally {
        await after.cleanup();
      }
    } finally {
      await rotating.close();
    }
  });
});

describe('the webhooks’ key, changed', { timeout: 30_000 }, () => {
  const desk = new Desk();
  let ts: TestServer;
  let readmeVerify: (secret: string, header: string | undefined, rawBody: string, now?: number) => boolean;

  beforeAll(async () => {
    await desk.start();
    ts = await startTestServer({
      config: { notifications: { webhookUrls: [desk.url], webhookSecret: NEW_WEBHOOK_KEY, previousWebhookSecret: OLD_WEBHOOK_KEY, pollMs: 50 } },
    });
    // The README's receiver check, exactly as printed.
    const section = README.slice(README.indexOf('accepts the delivery when any `v1`'));
    const code = /```js\n([\s\S]*?)```/u.exec(section)?.[1];
    if (code === undefined) throw new Error('no receiver check in the README');
    const file = join(ts.dir, 'verify.mjs');
    writeFileSync(file, code);
    ({ verifyUchiSignature: readmeVerify } = (await import(pathToFileURL(file).href)) as { verifyUchiSignature: typeof readmeVerify });
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  it('every delivery carries one signature per key, the new key’s first; a receiver with either key accepts it, with another none', async () => {
    const created = await createTicket(ts, `Bearer ${await signReporterToken(profile('hooked'), TEST_SECRET, '1h', ts.clock())}`, validDrafts.technical);
    expect(created.status, created.text).toBe(201);
    const id = (created.body as { ticket: { id: string } }).ticket.id;
    const hit = await vi.waitFor(() => {
      const found = desk.hits.find((h) => h.body.includes(id));
      expect(found).toBeDefined();
      return found;
    }, { timeout: 15_000, interval: 25 });
    const header = String(hit?.headers['x-uchi-signature']);
    const body = hit?.body ?? '';
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/u);
    const now = Math.floor(Date.now() / 1000);
    for (const check of [verify, (key: string, h: string, b: string, n: number) => readmeVerify(key, h, b, n * 1000)]) {
      expect(check(NEW_WEBHOOK_KEY, header, body, now)).toBe(true);
      expect(check(OLD_WEBHOOK_KEY, header, body, now)).toBe(true);
      expect(check(OTHER_SECRET, header, body, now)).toBe(false);
      expect(check(NEW_WEBHOOK_KEY, header, body.replace(id, `${id}x`), now)).toBe(false);
      expect(check(NEW_WEBHOOK_KEY, header, body, now + 301)).toBe(false);
    }
    // The first `v1` is the new key's alone: a receiver switched to it never depends on the old one.
    const [first] = header.split(',').slice(1);
    expect(verify(NEW_WEBHOOK_KEY, `${header.split(',')[0]},${first}`, body, now)).toBe(true);
    expect(verify(OLD_WEBHOOK_KEY, `${header.split(',')[0]},${first}`, body, now)).toBe(false);
  });
});
