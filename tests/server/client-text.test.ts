/**
 * What a client sends, as it reaches the store: text without control and invisible characters (PostgreSQL
 * refuses NUL in text; a zero-width space makes a blank subject look filled and hides the boundary between two
 * problems), half a UTF-16 pair as U+FFFD, bodies in UTF-8 only and never compressed, and page addresses that
 * are web pages. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema, createTicketResponseSchema, ticketListSchema, ticketSchema } from '../../src/core';
import { browserInfo, guestContact, validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, guestAuth, newKey, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';

const draft = (extra: Record<string, unknown>) => ({ ...validDrafts.technical, ...extra });

// One server for every block: none of them changes what another reads.
let ts: TestServer;
let alice: string;
beforeAll(async () => {
  ts = await startTestServer();
  alice = await userAuth(ts, 'alice');
});
afterAll(() => ts.cleanup());

describe('invisible characters in what a client sends', () => {

  it('NUL, escapes and zero-width characters are removed from every text before it is stored; line breaks and emoji stay', async () => {
    const reply = await createTicket(
      ts,
      alice,
      draft({
        subject: 'Видео\u0000 не\u200b грузится',
        description: 'Белый экран\u001b[31m в уроке\u00ad 3.\nПробовала в двух браузерах\u202e 👨‍👩‍👧',
        steps: '1. Открыть\u0000 курс\n2. Нажать «Начать»',
        pageUrl: 'https://lms.example.ru/courses/abc\u0000',
        browser: { ...browserInfo, userAgent: `${browserInfo.userAgent}\u0000` },
      }),
    );
    expect(reply.status, reply.text).toBe(201);
    const { ticket } = createTicketResponseSchema.parse(reply.body);
    expect(ticket.subject).toBe('Видео не грузится');
    expect(ticket.description).toBe('Белый экран[31m в уроке 3.\nПробовала в двух браузерах 👨‍👩‍👧');
    const stored = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: alice })).body);
    expect(stored.subject).toBe('Видео не грузится');
    expect(JSON.stringify(stored)).not.toMatch(/\\u0000|\u200b|\u202e/u);
  });

  it('a guest’s name of nothing but NUL and zero-width characters is a missing name', async () => {
    const reply = await createTicket(ts, guestAuth(), draft({ contact: { ...guestContact, fullName: '\u0000\u200b' }, consent: true }));
    expectError(reply, 422, 'validation_failed');
    expect(apiErrorSchema.parse(reply.body).error.fields).toHaveProperty(['contact.fullName']);
  });

  it('a subject of zero-width spaces is a missing subject, and nothing is stored', async () => {
    const before = tableCounts(ts.dbPath);
    const reply = await createTicket(ts, alice, draft({ subject: '\u200b\u200b\u2060' }));
    expectError(reply, 422, 'validation_failed');
    expect(apiErrorSchema.parse(reply.body).error.fields).toHaveProperty('subject');
    expect(tableCounts(ts.dbPath)).toEqual(before);
  });

  it.each([['\u200b'], ['\u0000'], ['\u00ad'], ['\u202e'], ['\u2060']])('an invisible %j between two problems does not hide them from the one-problem check', async (invisible) => {
    const description = `Не загружается видео в уроке 3.${invisible} Также не могу скачать сертификат после окончания курса.`;
    const reply = await createTicket(ts, alice, draft({ description }));
    expectError(reply, 422, 'several_problems');
    expect(apiErrorSchema.parse(reply.body).error.markers).toEqual(['Также']);
  });

  it('half of a UTF-16 pair is stored as U+FFFD, the same in the ticket and in the lists', async () => {
    const { ticket } = createTicketResponseSchema.parse((await createTicket(ts, alice, draft({ subject: 'Тема \udc00 конец' }))).body);
    expect(ticket.subject).toBe('Тема \ufffd конец');
    const mine = ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth: alice })).body);
    expect(mine.tickets.find((row) => row.id === ticket.id)?.subject).toBe('Тема \ufffd конец');
    const again = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: alice })).body);
    expect(again.subject).toBe('Тема \ufffd конец');
  });

  it.each([['/tickets/%00a'], ['/tickets/UP-2026-%00'], ['/attachments/%00a'], ['/tickets/%00a/events'], ['/agent/tickets/%00a']])('an address with a NUL in it, %s, is not found', async (path) => {
    const reply = await call(ts, 'GET', path, { auth: path.startsWith('/agent') || path.endsWith('/events') ? agentAuth : alice });
    expectError(reply, 404, 'not_found');
  });

  it('support’s search with a NUL in it is a search, not a failure', async () => {
    const reply = await call(ts, 'GET', '/agent/tickets?q=%00%D0%92%D0%B8%D0%B4%D0%B5%D0%BE', { auth: agentAuth });
    expect(reply.status, reply.text).toBe(200);
  });
});

describe('bodies the server would misread', () => {

  const send = (headers: Record<string, string>) =>
    call(ts, 'POST', '/tickets', { auth: alice, body: JSON.stringify(validDrafts.other), headers: { 'idempotency-key': newKey(), ...headers } });

  it.each([['gzip'], ['br'], ['x-bogus']])('a body labelled Content-Encoding: %s is 415, and nothing is stored', async (coding) => {
    const before = tableCounts(ts.dbPath);
    const reply = await send({ 'content-type': 'application/json', 'content-encoding': coding });
    expectError(reply, 415, 'unsupported_media_type');
    expect(apiErrorSchema.parse(reply.body).error.message).toMatch(/Content-Encoding/);
    expect(tableCounts(ts.dbPath)).toEqual(before);
  });

  it.each([['iso-8859-1'], ['utf-16'], ['"windows-1251"']])('a charset=%s body is 415', async (charset) => {
    const reply = await send({ 'content-type': `application/json; charset=${charset}` });
    expectError(reply, 415, 'unsupported_media_type');
    expect(apiErrorSchema.parse(reply.body).error.message).toMatch(/UTF-8/);
  });

  it.each([['application/json; charset=utf-8'], ['application/json; charset="UTF-8"'], ['application/json;charset=utf8']])('%s is read', async (type) => {
    expect((await send({ 'content-type': type, 'content-encoding': 'identity' })).status).toBe(201);
  });
});

describe('the page a ticket was written on', () => {

  it.each([['javascript:alert(1)'], ['  javascript:alert(1)'], ['data:text/html,<script>alert(1)</script>'], ['vbscript:x'], ['file:///etc/passwd']])(
    'a page address %j is refused, at the top and in the browser info, and nothing is stored',
    async (address) => {
      const before = tableCounts(ts.dbPath);
      const reply = await createTicket(ts, alice, draft({ pageUrl: address, browser: { ...browserInfo, pageUrl: address } }));
      expectError(reply, 422, 'validation_failed');
      expect(apiErrorSchema.parse(reply.body).error.fields).toEqual({
        pageUrl: 'Адрес страницы должен начинаться с http:// или https://',
        'browser.pageUrl': 'Адрес страницы должен начинаться с http:// или https://',
      });
      expect(tableCounts(ts.dbPath)).toEqual(before);
    },
  );

  it('a web page’s address is kept', async () => {
    const page = 'https://lms.example.ru/courses/abc-123?tab=2';
    const reply = await createTicket(ts, alice, draft({ pageUrl: page, browser: { ...browserInfo, pageUrl: page } }));
    expect(reply.status, reply.text).toBe(201);
  });
});
