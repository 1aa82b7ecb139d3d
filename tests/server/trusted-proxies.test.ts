/** Behind a reverse proxy: the per-IP limits count the client address the proxy forwards, and only a trusted proxy's. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server';
import { clientAddress, trustedProxyList } from '../../src/server/http/client-address';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';
import { validDrafts } from '../fixtures/drafts';
import { call, expectError, guestAuth, guestContact, newKey, startTestServer } from './helpers';
import type { TestServer } from './helpers';

const guestDraft = { ...validDrafts.other, contact: guestContact, consent: true };

describe('the client address', () => {
  const proxies = trustedProxyList(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);

  it('is the socket\'s without trusted proxies, or when the socket is not one of them', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', null)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7');
  });

  it('behind trusted proxies is the nearest forwarded address that is not one of them; what a client wrote is never read', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // Two proxies: the outer one (10.1.2.3) appended the client, the inner one (127.0.0.1) appended the outer one.
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.1.2.3', proxies)).toBe('198.51.100.1');
    // A client sending its own X-Forwarded-For puts it left of what the proxy appends.
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '2001:db8::5', proxies)).toBe('2001:db8::5');
    // Nothing forwarded, or something that is no address: the proxy's own address.
    expect(clientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', 'unknown', proxies)).toBe('127.0.0.1');
  });

  it('takes addresses and CIDR ranges in SUPPORT_TRUSTED_PROXIES and refuses anything else', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...secret, SUPPORT_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8, ::1, fd00::/8' }).config.trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    expect(loadConfig(secret).config.trustedProxies).toEqual([]);
    for (const wrong of ['proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', '10.0.0/8']) {
      expect(() => loadConfig({ ...secret, SUPPORT_TRUSTED_PROXIES: wrong })).toThrow(/SUPPORT_TRUSTED_PROXIES: ".*" is not an IP address or a CIDR range/);
    }
  });
});

describe('guest quotas behind a proxy', () => {
  let trusting: TestServer;
  let plain: TestServer;
  const guard = { ...DEFAULT_GUARD_LIMITS, guestTicketsPerIpHour: 1 };
  beforeAll(async () => {
    [trusting, plain] = await Promise.all([
      startTestServer({ config: { guard, trustedProxies: ['127.0.0.1', '::1'] } }),
      startTestServer({ config: { guard } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([trusting.cleanup(), plain.cleanup()]);
  });

  const create = (ts: TestServer, forwardedFor: string) =>
    call(ts, 'POST', '/tickets', { auth: guestAuth(), json: guestDraft, headers: { 'idempotency-key': newKey(), 'x-forwarded-for': forwardedFor } });

  it('count each client the trusted proxy forwards apart, and one client as one', async () => {
    expect((await create(trusting, '198.51.100.1')).status).toBe(201);
    expect((await create(trusting, '198.51.100.2')).status).toBe(201);
    expectError(await create(trusting, '198.51.100.1'), 429, 'rate_limited');
    // A client cannot buy a new quota by writing the header itself: the proxy's entry is the one counted.
    expectError(await create(trusting, '203.0.113.9, 198.51.100.2'), 429, 'rate_limited');
  });

  it('ignore X-Forwarded-For from an address that is not a trusted proxy', async () => {
    expect((await create(plain, '198.51.100.1')).status).toBe(201);
    expectError(await create(plain, '198.51.100.2'), 429, 'rate_limited');
  });
});
