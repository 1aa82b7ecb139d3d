/**
 * Reporter tokens as an LMS backend makes them: the README's signing recipes run as they are and get 200, each
 * usual mistake is refused with its own reason (logged always, in the answer only in dev mode, never echoing
 * the token), and the claims are cleaned the way the guest contact fields are.
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LMS_ROLES } from '../../src/core';
import { checkReporterToken, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, TOKEN_CLOCK_TOLERANCE_SECONDS, TOKEN_REJECTIONS } from '../../src/server/auth/tokens';
import { call, createTicket, startTestServer, TEST_SECRET } from './helpers';
import type { TestServer } from './helpers';
import { validDrafts } from '../fixtures/drafts';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

/** The README's fenced block of `lang` in the token section. */
function recipe(lang: string): string {
  const section = README.slice(README.indexOf('### Signing a reporter token'));
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(section);
  if (match?.[1] === undefined) throw new Error(`no ${lang} recipe in the README`);
  return match[1];
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A token signed by hand, so every field (header included) can be wrong on purpose. */
function sign(claims: Record<string, unknown>, secret = TEST_SECRET, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const good = () => ({
  sub: 'u-7',
  name: 'Петров Пётр',
  role: 'teacher',
  org: { id: '5', title: 'Школа №5' },
  lms: 'https://school5.uchi.pro',
  aud: 'uchi-support',
  iat: now(),
  exp: now() + 3600,
});

describe('the README keeps up with the code', () => {
  const codes = (row: string | undefined) => [...(row ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);

  it('the claim table lists exactly the role codes the server accepts', () => {
    const row = README.split('\n').find((line) => line.startsWith('| `role` |'));
    expect(codes(row?.split('|')[4]).sort()).toEqual([...LMS_ROLES].sort());
  });

  it('the reason table names every reason the server gives, and no other', () => {
    const table = README.slice(README.indexOf('| `reason` |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
    expect(rows.flatMap((row) => codes(row.split('|')[1])).sort()).toEqual([...TOKEN_REJECTIONS].sort());
  });
});

describe('the signing recipes of the README', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.cleanup());

  const recipes: Array<[string, () => string]> = [
    ['Python 3, standard library', () => execFileSync('python3', ['-c', recipe('python')], { env: { PATH: process.env.PATH, SUPPORT_TOKEN_SECRET: TEST_SECRET }, encoding: 'utf8' })],
    // `php -r` takes the code without the opening tag, exactly as the README prints it.
    ['PHP, no library', () => execFileSync('php', ['-n', '-r', recipe('php')], { env: { PATH: process.env.PATH, SUPPORT_TOKEN_SECRET: TEST_SECRET }, encoding: 'utf8' })],
    [
      'Node without libraries',
      () => {
        const file = join(ts.dir, 'recipe.mjs');
        writeFileSync(file, recipe('js'));
        return execFileSync(process.execPath, [file], { env: { SUPPORT_TOKEN_SECRET: TEST_SECRET }, encoding: 'utf8' });
      },
    ],
  ];

  it.each(recipes)('%s: the token is accepted and the ticket carries its claims', async (_name, run) => {
    const token = run().trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const auth = `Bearer ${token}`;
    expect((await call(ts, 'GET', '/tickets', { auth })).status).toBe(200);
    const reply = await createTicket(ts, auth, validDrafts.other);
    expect(reply.status, reply.text).toBe(201);
    expect((reply.body as { ticket: { reporter: unknown } }).ticket.reporter).toMatchObject({
      fullName: 'Иванова Мария Петровна',
      role: 'listener',
      organization: 'ООО «Ромашка»',
      lmsUrl: 'https://romashka.uchi.pro',
      guest: false,
    });
  });
});

describe('an LMS server whose clock is a little off', () => {
  const at = new Date('2026-12-07T09:00:00Z');
  const t = at.getTime() / 1000;
  const claims = { ...good(), iat: t, exp: t + 3600 };
  const reason = async (changes: Record<string, unknown>) => {
    const check = await checkReporterToken(sign({ ...claims, ...changes }), TEST_SECRET, at);
    return check.ok ? 'ok' : check.reason;
  };
  const leeway = TOKEN_CLOCK_TOLERANCE_SECONDS;

  it('gets its tokens through within the leeway: issued a little ahead, expired a moment ago, a day and a little', async () => {
    expect(await reason({ nbf: t + leeway - 5, iat: t + leeway - 5 })).toBe('ok');
    expect(await reason({ exp: t - leeway + 5 })).toBe('ok');
    expect(await reason({ exp: t + DEFAULT_MAX_TOKEN_LIFETIME_SECONDS + leeway - 5 })).toBe('ok');
  });

  it('not beyond it', async () => {
    expect(await reason({ nbf: t + leeway + 5 })).toBe('not_yet_valid');
    expect(await reason({ exp: t - leeway - 5 })).toBe('expired');
    expect(await reason({ exp: t + DEFAULT_MAX_TOKEN_LIFETIME_SECONDS + leeway + 5 })).toBe('lifetime');
  });
});

/** Each mistake, its token and the reason the server must give. */
const MISTAKES: Array<[string, () => string, string, RegExp]> = [
  ['wrong audience', () => sign({ ...good(), aud: 'uchi' }), 'audience', /aud must be "uchi-support"/],
  ['no audience', () => sign({ ...good(), aud: undefined }), 'audience', /aud/],
  ['no exp', () => sign({ ...good(), exp: undefined }), 'exp_missing', /exp is required/],
  ['expired', () => sign({ ...good(), exp: now() - 120 }), 'expired', /exp has passed/],
  ['exp in milliseconds', () => sign({ ...good(), exp: Date.now() + 3_600_000 }), 'lifetime', /seconds, not milliseconds/],
  ['nbf in the future', () => sign({ ...good(), nbf: now() + 600 }), 'not_yet_valid', /nbf is in the future/],
  ['unknown role', () => sign({ ...good(), role: 'student' }), 'claim_role', new RegExp(`role must be one of: ${LMS_ROLES.join(', ')}`)],
  ['org as a string', () => sign({ ...good(), org: 'Школа №5' }), 'claim_org', /org must be an object/],
  ['org.id as a number', () => sign({ ...good(), org: { id: 17, title: 'Школа №5' } }), 'claim_org', /org\.id, when given, must be a string/],
  ['org.title as a number', () => sign({ ...good(), org: { title: 5 } }), 'claim_org', /org\.title must be a string/],
  ['exp as a string', () => sign({ ...good(), exp: String(now() + 600) }), 'claim_exp', /a number, not a string/],
  ['iat as a string', () => sign({ ...good(), iat: 'x' }), 'claims', /iat, when given, must be a number/],
  ['nbf as a string', () => sign({ ...good(), nbf: 'x' }), 'claims', /nbf, when given, must be a number/],
  ['payload a JSON array', () => sign([1] as unknown as Record<string, unknown>), 'claims', /payload must be a JSON object/],
  ['payload null', () => sign(null as unknown as Record<string, unknown>), 'claims', /payload must be a JSON object/],
  ['name of spaces and zero-width characters', () => sign({ ...good(), name: ' \u200b\u200d\u00a0 ' }), 'claim_name', /name must have visible characters/],
  ['lms not an http(s) URL', () => sign({ ...good(), lms: 'javascript:alert(1)' }), 'claim_lms', /lms must be an absolute http\(s\) URL/],
  ['no sub', () => sign({ ...good(), sub: undefined }), 'claim_sub', /sub/],
  // sub is the user's identity and is never changed: one that trimming or cleaning would change is refused.
  ['sub of spaces', () => sign({ ...good(), sub: ' ' }), 'claim_sub', /sub must be the LMS user id as it is/],
  ['sub of a zero-width space', () => sign({ ...good(), sub: '\u200b' }), 'claim_sub', /no control or zero-width characters/],
  ['sub with a control character', () => sign({ ...good(), sub: 'u-7\n' }), 'claim_sub', /no control or zero-width characters/],
  ['sub with a bidi override', () => sign({ ...good(), sub: '\u202eu-7' }), 'claim_sub', /no control or zero-width characters/],
  ['sub with a space at an end', () => sign({ ...good(), sub: 'u-7 ' }), 'claim_sub', /no spaces at either end/],
  // Half of a UTF-16 pair has no UTF-8 form: stored, it would read back as another id.
  ['sub with half a UTF-16 pair', () => sign({ ...good(), sub: 'u-7\ud800' }), 'claim_sub', /no half of a UTF-16 pair/],
  // Far from now, so the check never runs across the second in which the token would already be past its exp.
  ['exp not a whole number', () => sign({ ...good(), exp: now() + 600.5 }), 'claim_exp', /exp must be a whole number of seconds/],
  ['wrong secret', () => sign(good(), 'another-secret-of-sufficient-length-0123456789'), 'signature', /signature does not match/],
  ['payload changed after signing', () => { const [h, , s] = sign(good()).split('.'); return `${h}.${b64({ ...good(), sub: 'admin' })}.${s}`; }, 'signature', /signature/],
  ['HS512', () => sign(good(), TEST_SECRET, { alg: 'HS512' }), 'algorithm', /alg must be HS256/],
  ['alg none', () => `${b64({ alg: 'none' })}.${b64(good())}.`, 'algorithm', /alg must be HS256/],
  ['an unknown crit extension', () => sign(good(), TEST_SECRET, { alg: 'HS256', typ: 'JWT', crit: ['urn:example:policy'], 'urn:example:policy': 'strict' }), 'crit', /crit/],
  ['crit not a list', () => sign(good(), TEST_SECRET, { alg: 'HS256', crit: 'exp' }), 'crit', /crit/],
  ['crit with another alg', () => sign(good(), TEST_SECRET, { alg: 'HS512', crit: ['urn:example:policy'], 'urn:example:policy': 1 }), 'crit', /crit/],
  ['malformed', () => 'not-a-jwt', 'malformed', /not a compact JWT/],
  // The signature's last character with other unused low bits decodes to the same bytes: one token, one spelling.
  ['signature in another spelling', () => { const token = sign(good()); const last = token.at(-1) ?? 'A'; const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'; return token.slice(0, -1) + (alphabet[alphabet.indexOf(last) ^ 1] ?? ''); }, 'malformed', /one spelling/],
  ['padded payload', () => { const [h, p, s] = sign(good()).split('.'); return `${h}.${p}=.${s}`; }, 'malformed', /without padding/],
  ['payload not JSON', () => { const input = `${b64({ alg: 'HS256' })}.${b64('{oops')}`; return `${input}.${createHmac('sha256', TEST_SECRET).update(input).digest('base64url')}`; }, 'malformed', /not a compact JWT/],
];

describe('each token mistake has its own reason', () => {
  let dev: TestServer;
  let prod: TestServer;
  beforeAll(async () => {
    [dev, prod] = await Promise.all([startTestServer({ config: { dev: true } }), startTestServer()]);
  });
  afterAll(async () => {
    await Promise.all([dev.cleanup(), prod.cleanup()]);
  });

  it('the mistakes are told apart (the table covers distinct checks)', () => {
    expect(new Set(MISTAKES.map(([, , reason]) => reason)).size).toBe(16);
  });

  it.each(MISTAKES)('%s → %s', async (_name, make, reason, detail) => {
    const token = make();
    for (const ts of [dev, prod]) {
      const before = ts.logs.length;
      const reply = await call(ts, 'GET', '/tickets', { auth: `Bearer ${token}` });
      expect(reply.status).toBe(401);
      const error = (reply.body as { error: Record<string, unknown> }).error;
      expect(error.code).toBe('unauthorized');
      if (ts === dev) {
        expect(error.reason).toBe(reason);
        expect(error.detail).toMatch(detail);
      } else {
        expect(error.reason).toBeUndefined();
        expect(error.detail).toBeUndefined();
      }
      expect(reply.text).not.toContain(token);
      const logged = ts.logs.slice(before).filter((line) => line.level === 'warn' && line.text.includes('reporter token refused'));
      expect(logged).toHaveLength(1);
      expect(logged[0]?.text).toContain(`refused: ${reason}:`);
      // Never the token, nor any part of it.
      for (const part of token.split('.').filter((p) => p.length > 8)) expect(ts.logs.map((l) => l.text).join('\n')).not.toContain(part);
    }
  });
});

describe('claims are cleaned like the guest contact fields', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.cleanup());

  it('trims, removes control and zero-width characters, normalises the phone and drops a bad e-mail', async () => {
    const token = sign({
      ...good(),
      name: '  Петров\u200b Пётр\u0007\udc00 ',
      org: { id: '  ', title: ' \u202eШкола №5 ' },
      lms: ' https://school5.uchi.pro/ ',
      phone: '8 (912) 345-67-89',
      email: 'not an e-mail',
    });
    const reply = await createTicket(ts, `Bearer ${token}`, validDrafts.other);
    expect(reply.status, reply.text).toBe(201);
    const reporter = (reply.body as { ticket: { reporter: Record<string, unknown> } }).ticket.reporter;
    expect(reporter).toMatchObject({ fullName: 'Петров Пётр\ufffd', organization: 'Школа №5', lmsUrl: 'https://school5.uchi.pro/', phone: '+79123456789' });
    expect(reporter.email).toBeUndefined();
  });

  it('keeps sub exactly as signed: spaces inside and any script are part of it', async () => {
    for (const sub of ['Иванов 42', 'org 5 / user 7']) {
      const reply = await createTicket(ts, `Bearer ${sign({ ...good(), sub })}`, validDrafts.other);
      expect(reply.status, reply.text).toBe(201);
    }
  });

  it('drops a phone that is not one and keeps a valid e-mail', async () => {
    const token = sign({ ...good(), sub: 'u-8', phone: 'звоните вечером', email: ' petrov@school5.ru ' });
    const reply = await createTicket(ts, `Bearer ${token}`, validDrafts.other);
    expect(reply.status, reply.text).toBe(201);
    const reporter = (reply.body as { ticket: { reporter: Record<string, unknown> } }).ticket.reporter;
    expect(reporter.phone).toBeUndefined();
    expect(reporter.email).toBe('petrov@school5.ru');
  });
});
