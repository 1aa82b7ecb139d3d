/** The language of the server's error sentences: Russian, or English for a caller whose Accept-Language prefers it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, guestAuth, startTestServer, userAuth } from './helpers';
import type { Reply, TestServer } from './helpers';

const messageOf = (reply: Reply) => apiErrorSchema.parse(reply.body).error.message;

describe('error sentences', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.cleanup());

  it('are Russian by default and for a Russian preference, English when English comes first', async () => {
    const auth = await userAuth(ts, 'lang-1');
    const missing = (language?: string) =>
      call(ts, 'GET', '/tickets/00000000-0000-4000-8000-000000000000', { auth, headers: language === undefined ? {} : { 'accept-language': language } });
    expect(messageOf(await missing())).toBe('Обращение не найдено.');
    expect(messageOf(await missing('ru-RU,ru;q=0.9,en;q=0.8'))).toBe('Обращение не найдено.');
    expect(messageOf(await missing('de-DE,de;q=0.9'))).toBe('Обращение не найдено.');
    const english = await missing('en-US,en;q=0.9,ru;q=0.8');
    expectError(english, 404, 'not_found');
    expect(messageOf(english)).toBe('Ticket not found.');
    expect(messageOf(await missing('ru;q=0.5,en'))).toBe('Ticket not found.');
  });

  it('say in English what is wrong with the request, the route, the move and the text, codes unchanged', async () => {
    const en = { 'accept-language': 'en' };
    const auth = await userAuth(ts, 'lang-2');
    const noKey = await call(ts, 'POST', '/tickets', { auth, json: validDrafts.other, headers: en });
    expectError(noKey, 400, 'bad_request');
    expect(messageOf(noKey)).toBe('The Idempotency-Key header is required: 8 to 128 printable characters without spaces.');
    const notJson = await call(ts, 'POST', '/tickets', { auth, body: '{', headers: { ...en, 'content-type': 'application/json', 'idempotency-key': 'key-12345678' } });
    expectError(notJson, 400, 'bad_request');
    expect(messageOf(notJson)).toBe('The request body is not valid JSON.');
    // Valid JSON nested deeper than the parser's stack: said as what it is, not as broken JSON.
    const deep = await call(ts, 'POST', '/tickets', { auth, body: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, headers: { ...en, 'content-type': 'application/json', 'idempotency-key': 'key-12345679' } });
    expectError(deep, 400, 'bad_request');
    expect(messageOf(deep)).toBe('The request body is nested too deeply.');
    // Refused before it is parsed or cleaned: at 2,500 levels inside an object the cleaning overflowed the stack (500),
    // and 20,000 keys cost 150 ms of validation each.
    const post = (body: string, key: string) => call(ts, 'POST', '/tickets', { auth, body, headers: { ...en, 'content-type': 'application/json', 'idempotency-key': key } });
    const nested = await post(`{"a":${'['.repeat(2_500)}${']'.repeat(2_500)}}`, 'key-12345680');
    expectError(nested, 400, 'bad_request');
    expect(messageOf(nested)).toBe('The request body is nested too deeply.');
    const keys = await post(JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1]))), 'key-12345681');
    expectError(keys, 400, 'bad_request');
    expect(messageOf(keys)).toBe('The request body holds too many values: 2000 at most.');
    const list = await post(JSON.stringify({ ...validDrafts.other, browser: { languages: Array.from({ length: 40_000 }, () => 'ru') } }), 'key-12345682');
    expectError(list, 400, 'bad_request');
    const nowhere = await call(ts, 'GET', '/nowhere', { headers: en });
    expectError(nowhere, 404, 'not_found');
    expect(messageOf(nowhere)).toBe('There is no such address.');
    const method = await call(ts, 'DELETE', '/meta', { headers: en });
    expectError(method, 405, 'method_not_allowed');
    expect(messageOf(method)).toMatch(/^This address does not take DELETE. It takes: GET/);

    const created = await createTicket(ts, auth, validDrafts.other);
    const id = (created.body as { ticket: { id: string } }).ticket.id;
    expect((await call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status: 'resolved' } })).status).toBe(200);
    const closed = await call(ts, 'POST', `/tickets/${id}/cancel`, { auth, headers: en });
    expectError(closed, 409, 'illegal_transition');
    expect(messageOf(closed)).toBe('The ticket is closed already: it cannot be cancelled.');
    const move = await call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status: 'processing' }, headers: en });
    expectError(move, 409, 'illegal_transition');
    expect(messageOf(move)).toBe('A ticket cannot move from «Resolved» to «Processing».');

    const several = await createTicket(ts, auth, {
      ...validDrafts.other,
      description: '1. Не открывается курс «Охрана труда».\n2. Не приходит письмо с паролем новым слушателям.',
    });
    expectError(several, 422, 'several_problems');
    const severalEn = await call(ts, 'POST', '/tickets', {
      auth,
      json: { ...validDrafts.other, description: '1. Не открывается курс «Охрана труда».\n2. Не приходит письмо с паролем новым слушателям.' },
      headers: { ...en, 'idempotency-key': 'key-several-en' },
    });
    expectError(severalEn, 422, 'several_problems');
    expect(messageOf(severalEn)).toMatch(/^The description seems to hold several different problems \(2\)\./);
    // A field's sentence too: the form's own wording in English, the paths unchanged.
    const guest = await call(ts, 'POST', '/tickets', { auth: guestAuth(), json: validDrafts.other, headers: { ...en, 'idempotency-key': 'key-guest-en' } });
    expectError(guest, 422, 'validation_failed');
    expect((guest.body as { error: { fields: Record<string, string> } }).error.fields).toMatchObject({ 'contact.fullName': 'Enter your full name', 'contact.phone': 'Enter a contact phone' });
    const guestRu = await call(ts, 'POST', '/tickets', { auth: guestAuth(), json: validDrafts.other, headers: { 'idempotency-key': 'key-guest-ru' } });
    expect((guestRu.body as { error: { fields: Record<string, string> } }).error.fields).toMatchObject({ 'contact.fullName': 'Укажите ваше ФИО' });
    // What a client offers to split is the same whatever the language.
    expect((severalEn.body as { error: { parts: string[] } }).error.parts).toEqual((several.body as { error: { parts: string[] } }).error.parts);
  });
});
