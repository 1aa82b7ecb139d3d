import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signReporterToken } from '../../src/server';
import { AGENT_TOKEN, agentAuth, call, createTicket, expectError, profile, startTestServer, TEST_SECRET, userAuth } from './helpers';
import type { TestServer } from './helpers';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('reporter token auth', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.cleanup());

  const exp = () => Math.floor(Date.now() / 1000) + 3600;

  it('accepts a valid HS256 token and records the reporter from it (contact in the body is ignored)', async () => {
    const auth = await userAuth(ts, 'alice');
    const { validDrafts } = await import('../fixtures/drafts');
    const reply = await createTicket(ts, auth, { ...validDrafts.other, contact: { fullName: 'Someone Else' } });
    expect(reply.status, reply.text).toBe(201);
    const ticket = (reply.body as { ticket: { reporter: Record<string, unknown>; contact?: unknown }; accessKey?: string }).ticket;
    expect(ticket.reporter).toMatchObject({ fullName: 'Пользователь alice', role: 'teacher', guest: false, phone: '+79123456789' });
    expect(ticket.contact).toBeUndefined();
    expect((reply.body as { accessKey?: string }).accessKey).toBeUndefined();
  });

  const bad: Array<[string, () => Promise<string>]> = [
    ['forged signature (other key)', () => signReporterToken(profile('mallory'), 'another-secret-of-sufficient-length-123456')],
    ['expired', () => signReporterToken(profile('alice'), TEST_SECRET, '-5m')],
    [
      'wrong audience',
      () =>
        new SignJWT({ ...profile('alice') })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience('someone-else')
          .setExpirationTime(exp())
          .sign(new TextEncoder().encode(TEST_SECRET)),
    ],
    [
      'no exp',
      () =>
        new SignJWT({ ...profile('alice') })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience('uchi-support')
          .sign(new TextEncoder().encode(TEST_SECRET)),
    ],
    [
      'HS512 instead of HS256',
      () =>
        new SignJWT({ ...profile('alice') })
          .setProtectedHeader({ alg: 'HS512' })
          .setAudience('uchi-support')
          .setExpirationTime(exp())
          .sign(new TextEncoder().encode(TEST_SECRET.repeat(2))),
    ],
    ['alg none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...profile('alice'), aud: 'uchi-support', exp: exp() })}.`],
    [
      'claims of the wrong shape (role not an LMS role)',
      () => signReporterToken({ ...profile('alice'), role: 'superuser' as 'teacher' }, TEST_SECRET),
    ],
    [
      'tampered payload',
      async () => {
        const [h, , s] = (await signReporterToken(profile('alice'), TEST_SECRET)).split('.');
        return `${h}.${b64({ ...profile('admin'), aud: 'uchi-support', exp: exp() })}.${s}`;
      },
    ],
    ['valid for longer than a day (exp a year away)', () => signReporterToken(profile('alice'), TEST_SECRET, '366d')],
    [
      'exp written in milliseconds',
      () =>
        new SignJWT({ ...profile('alice') })
          .setProtectedHeader({ alg: 'HS256' })
          .setAudience('uchi-support')
          .setExpirationTime(Date.now() + 3_600_000)
          .sign(new TextEncoder().encode(TEST_SECRET)),
    ],
    ['garbage', async () => 'not.a.jwt'],
    ['random string', async () => 'abc'],
  ];

  it('accepts a token that lives exactly the longest allowed time', async () => {
    const token = await signReporterToken(profile('alice'), TEST_SECRET, '24h');
    expect((await call(ts, 'GET', '/tickets', { auth: `Bearer ${token}` })).status).toBe(200);
  });

  it.each(bad)('refuses a token: %s → 401 with the error shape', async (_name, make) => {
    const reply = await call(ts, 'GET', '/tickets', { auth: `Bearer ${await make()}` });
    expectError(reply, 401, 'unauthorized');
  });

  it.each([
    ['no header', undefined, 'Требуется авторизация.'],
    ['unknown scheme', 'Basic dXNlcjpwYXNz', 'Заголовок Authorization: «Bearer <токен>» или «Guest <ключ>».'],
    // A guest key is not a token: the answer says what a key is, not that a token expired.
    ['guest key too short', 'Guest short', 'Ключ гостя — от 32 до 128 символов: латинские буквы, цифры, «_» и «-».'],
    ['guest key with bad characters', `Guest ${'a'.repeat(40)}!`, 'Ключ гостя — от 32 до 128 символов: латинские буквы, цифры, «_» и «-».'],
    ['empty bearer', 'Bearer ', 'Заголовок Authorization: «Bearer <токен>» или «Guest <ключ>».'],
  ])('reporter routes without valid credentials: %s → 401', async (_name, auth, message) => {
    const reply = await call(ts, 'GET', '/tickets', auth === undefined ? {} : { auth });
    expectError(reply, 401, 'unauthorized');
    expect((reply.body as { error: { message: string } }).error.message).toBe(message);
  });

  it('agent endpoints: missing or wrong token → 401, a reporter token → 403, the agent token → 200', async () => {
    expectError(await call(ts, 'GET', '/agent/tickets'), 401, 'unauthorized');
    expectError(await call(ts, 'GET', '/agent/tickets', { auth: `Bearer ${AGENT_TOKEN}x` }), 401, 'unauthorized');
    expectError(await call(ts, 'GET', '/agent/tickets', { auth: 'Guest ' + 'g'.repeat(43) }), 403, 'forbidden');
    expectError(await call(ts, 'GET', '/agent/tickets', { auth: await userAuth(ts, 'alice') }), 403, 'forbidden');
    expectError(
      await call(ts, 'POST', '/agent/tickets/abcdefgh1234/status', { auth: await userAuth(ts, 'alice'), json: { status: 'processing' } }),
      403,
      'forbidden',
    );
    expect((await call(ts, 'GET', '/agent/tickets', { auth: agentAuth })).status).toBe(200);
  });

  it('the agent token does not act as a reporter', async () => {
    expectError(await call(ts, 'GET', '/tickets', { auth: agentAuth }), 403, 'forbidden');
  });

  it('the dev token helper is absent outside dev mode', async () => {
    const reply = await call(ts, 'POST', '/dev/token', { json: profile('x') });
    expectError(reply, 404, 'not_found');
  });
});

describe('dev mode', () => {
  it('POST /dev/token signs a one-hour token with the configured secret that the server accepts', async () => {
    const ts = await startTestServer({ config: { dev: true } });
    try {
      const reply = await call(ts, 'POST', '/dev/token', { json: profile('demo-user') });
      expect(reply.status, reply.text).toBe(200);
      const { token } = reply.body as { token: string };
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp: number; iat: number; aud: string };
      expect(payload.exp - payload.iat).toBe(3600);
      expect(payload.aud).toBe('uchi-support');
      expect((await call(ts, 'GET', '/tickets', { auth: `Bearer ${token}` })).status).toBe(200);
      expectError(await call(ts, 'POST', '/dev/token', { json: { sub: 'x' } }), 422, 'validation_failed');
    } finally {
      await ts.cleanup();
    }
  });
});
