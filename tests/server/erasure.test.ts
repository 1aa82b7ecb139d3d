/**
 * `POST /agent/erasures`: a person's personal data erased on request. The tickets stay as support's record without
 * anything of the person, on both engines; the person's files leave the disk; other people's tickets are untouched.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { attachmentSchema, createTicketResponseSchema, ticketListSchema, ticketSchema } from '../../src/core';
import { agentTicketSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk } from '../fixtures/receivers';
import { agentAuth, call, createTicket, expectError, guestAuth, guestContact, queryNumber, rowsText, startTestServer, TEST_ENGINE, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pngImage } from './images';
import { openSse } from './sse-client';

const PERSONAL_TABLES = ['tickets', 'events', 'attachments', 'idempotency_keys', 'outbox', 'notification_prefs'];

describe('erasing a person', { timeout: 60_000 }, () => {
  // A desk that refuses: every ticket's webhook stays in the outbox, with its copy of the ticket.
  const desk = new Desk(() => 500);
  let ts: TestServer;
  beforeAll(async () => {
    await desk.start();
    ts = await startTestServer({
      config: { notifications: { webhookUrls: [desk.url], webhookSecret: 'whsec-erasure-0123456789-abcdefghijklmnopqrstuvwxyz', pollMs: 60_000 } },
    });
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  const files = () => readdirSync(join(ts.dir, 'attachments')).filter((name) => !name.startsWith('.')).length;
  const upload = async (auth: string, name: string) => attachmentSchema.parse((await call(ts, 'POST', '/attachments', { auth, body: fileForm(await pngImage(), name) })).body);
  const erase = (json: unknown, auth = agentAuth) => call(ts, 'POST', '/agent/erasures', { auth, json });

  it('empties a signed-in user’s tickets of everything of theirs, removes their files, and leaves support’s record and others’ tickets', async () => {
    const alice = await userAuth(ts, 'erase-alice');
    const bob = await userAuth(ts, 'erase-bob');
    const screen = await upload(alice, 'экран-алисы.png');
    const created = await createTicket(ts, alice, {
      ...validDrafts.technical,
      subject: 'Тема Алисы',
      description: 'Описание Алисы: урок не открывается.',
      steps: 'Шаги Алисы: открыть урок.',
      pageUrl: 'https://lms.example.ru/courses/alice-page',
      attachmentIds: [screen.id],
    });
    expect(created.status, created.text).toBe(201);
    const ticket = createTicketResponseSchema.parse(created.body).ticket;
    const guide = await upload(agentAuth, 'Инструкция специалиста.png');
    const answered = await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Ответ специалиста.', attachmentIds: [guide.id] } });
    expect(answered.status, answered.text).toBe(200);
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: alice, json: { text: 'Сообщение Алисы: не помогло.' } })).status).toBe(201);
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/rating`, { auth: alice, json: { score: 2, comment: 'Комментарий Алисы.' } })).status).toBe(200);
    expect((await call(ts, 'PUT', '/me/notifications', { auth: alice, json: { email: false } })).status).toBe(200);
    const unsent = await upload(alice, 'черновик-алисы.png');
    const other = createTicketResponseSchema.parse((await createTicket(ts, bob, { ...validDrafts.other, description: 'Описание Боба.' })).body).ticket;
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${ticket.id}'`)).toBeGreaterThan(0);
    const before = files();
    // The desk finds whom to erase on the ticket itself: the user's LMS id.
    const read = agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticket.number}`, { auth: agentAuth })).body);
    expect(read.userId).toBe('erase-alice');

    const reply = await erase({ userId: read.userId });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ tickets: [{ id: ticket.id, number: ticket.number }], files: 2 });

    // Alice reads nothing of it any more, and her files are gone from the disk; the specialist's file stays.
    expect(ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth: alice })).body).tickets).toEqual([]);
    expectError(await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: alice }), 404, 'not_found');
    for (const id of [screen.id, unsent.id]) expectError(await call(ts, 'GET', `/attachments/${id}`, { auth: agentAuth }), 404, 'not_found');
    expect(files()).toBe(before - 2);
    expect((await call(ts, 'GET', `/attachments/${guide.id}`, { auth: agentAuth })).status).toBe(200);

    // Support's record: the number, the category, the statuses, support's answer and file, the rating's score.
    const kept = agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: agentAuth })).body);
    expect(kept).toMatchObject({ number: ticket.number, category: 'technical', status: 'answered', subject: '—', description: '—', steps: '—', attachments: [] });
    expect(kept.reporter).toEqual({ fullName: '—', role: 'teacher', organization: '—', lmsUrl: 'https://lms.example.ru', guest: false });
    expect(kept.pageUrl).toBeUndefined();
    expect(kept.browser.pageUrl).toBeUndefined();
    // Of the browser, what singles the device out goes; what it was stays.
    expect(kept.browser).toMatchObject({ userAgent: '—', languages: [], timeZone: '—', browser: { name: 'Chrome', version: '131.0.0.0' }, language: read.browser.language });
    expect(kept.userId).toBeNull();
    expect(kept.rating).toMatchObject({ score: 2 });
    expect(kept.rating?.comment).toBeUndefined();
    const texts = kept.events.map((event) => [event.actor, event.text ?? null]);
    expect(texts).toContainEqual(['support', 'Ответ специалиста.']);
    expect(texts).toContainEqual(['reporter', '—']);
    expect(kept.events.find((event) => event.actor === 'support')?.attachments.map((file) => file.id)).toEqual([guide.id]);

    // Nothing of hers is left in the database: not her id, name, address, words, page or files' names.
    const stored = rowsText(ts.dbPath, PERSONAL_TABLES);
    for (const trace of ['erase-alice', 'Пользователь erase-alice', 'Тема Алисы', 'Описание Алисы', 'Шаги Алисы', 'Сообщение Алисы', 'Комментарий Алисы', 'alice-page', 'экран-алисы', 'черновик-алисы']) {
      expect(stored, trace).not.toContain(trace);
    }
    // What was queued for the desk is gone; what is left is the erasure's own notice, which holds nothing of hers.
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${ticket.id}' AND payload NOT LIKE '%"type":"ticket.erased"%'`)).toBe(0);
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${ticket.id}'`)).toBe(1);

    // Bob's ticket is as it was, its webhook still queued.
    const bobs = ticketSchema.parse((await call(ts, 'GET', `/tickets/${other.id}`, { auth: bob })).body);
    expect(bobs.description).toBe('Описание Боба.');
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${other.id}'`)).toBe(1);

    // Again: nothing left to erase.
    expect((await erase({ userId: 'erase-alice' })).body).toEqual({ tickets: [], files: 0 });
  });

  it('erases by e-mail address, in any case: a guest’s tickets, which their key no longer opens', async () => {
    const guest = guestAuth();
    const draft = { ...validDrafts.other, description: 'Описание гостя.', contact: { ...guestContact, fullName: 'Гостев Гость Гостевич', email: 'Guest.Person@Example.ru' }, consent: true as const };
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, guest, draft)).body).ticket;
    expect((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: guest })).status).toBe(200);

    const reply = await erase({ email: ' guest.person@example.RU ' });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ tickets: [{ id: ticket.id, number: ticket.number }] });
    expectError(await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: guest }), 404, 'not_found');
    const stored = rowsText(ts.dbPath, PERSONAL_TABLES);
    for (const trace of ['Гостев', 'Описание гостя', 'guest.person@example.ru', 'Guest.Person@Example.ru']) expect(stored, trace).not.toContain(trace);
  });

  it('erases by the mailbox, however the guest wrote its address: a +tag, Gmail\'s dots; another mailbox of the domain stays', async () => {
    const ticketOf = async (email: string) =>
      createTicketResponseSchema.parse((await createTicket(ts, guestAuth(), { ...validDrafts.other, contact: { ...guestContact, email }, consent: true as const })).body).ticket;
    const mine = [await ticketOf('victim@example.org'), await ticketOf('Victim+shop@example.org'), await ticketOf('victim+a_b@EXAMPLE.org')];
    const others = [await ticketOf('victimized@example.org'), await ticketOf('victim@example.org.ru'), await ticketOf('other+victim@example.org')];
    const erased = ((await erase({ email: 'victim@example.org' })).body as { tickets: Array<{ id: string }> }).tickets.map((ticket) => ticket.id);
    expect(erased.sort()).toEqual(mine.map((ticket) => ticket.id).sort());
    for (const ticket of others) expect(erased).not.toContain(ticket.id);
    const gmail = [await ticketOf('john.smith@gmail.com'), await ticketOf('JohnSmith+lms@googlemail.com')];
    const kept = await ticketOf('john.smith@example.com');
    const gone = ((await erase({ email: 'johnsmith@gmail.com' })).body as { tickets: Array<{ id: string }> }).tickets.map((ticket) => ticket.id);
    expect(gone.sort()).toEqual(gmail.map((ticket) => ticket.id).sort());
    expect(gone).not.toContain(kept.id);
  });

  it('leaves a signed-in user’s tickets with the same address alone, and the address’s «no» to e-mails in place', async () => {
    const shared = 'office@example.ru';
    const user = await userAuth(ts, 'erase-office');
    const theirs = createTicketResponseSchema.parse((await createTicket(ts, user, validDrafts.other)).body).ticket;
    // The user's profile carries the office's address too: their ticket names it.
    expect(rowsText(ts.dbPath, ['tickets'])).toContain('erase-office@example.ru');
    const guest = guestAuth();
    const draft = { ...validDrafts.other, contact: { ...guestContact, email: shared }, consent: true as const };
    const guests = createTicketResponseSchema.parse((await createTicket(ts, guest, draft)).body).ticket;
    expect((await erase({ email: 'erase-office@example.ru' })).body).toEqual({ tickets: [], files: 0 });
    expect((await call(ts, 'GET', `/tickets/${theirs.id}`, { auth: user })).status).toBe(200);
    // The address said no to e-mails; erasing the guest who gave it keeps that «no».
    const noBefore = queryNumber(ts.dbPath, `SELECT COUNT(*) FROM notification_prefs WHERE owner = 'email:${shared}'`);
    expect((await erase({ email: shared })).body).toMatchObject({ tickets: [{ id: guests.id }] });
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM notification_prefs WHERE owner = 'email:${shared}'`)).toBe(noBefore);
  });

  it('erases one ticket by its number: a guest who gave no e-mail, and only that ticket of a shared browser', async () => {
    const browser = guestAuth();
    const { email: _email, ...noEmail } = guestContact;
    const first = createTicketResponseSchema.parse((await createTicket(ts, browser, { ...validDrafts.other, description: 'Первый гость без почты.', contact: { ...noEmail, fullName: 'Безпочтин Иван' }, consent: true as const })).body).ticket;
    const second = createTicketResponseSchema.parse((await createTicket(ts, browser, { ...validDrafts.other, description: 'Второй человек за тем же компьютером.', consent: true as const, contact: noEmail })).body).ticket;
    const draftUpload = await upload(browser, 'черновик-второго.png');
    // A guest has no LMS id: the ticket's number is what names them.
    expect(agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${first.id}`, { auth: agentAuth })).body).userId).toBeNull();
    expect((await erase({ ticket: ` ${first.number} ` })).body).toEqual({ tickets: [{ id: first.id, number: first.number }], files: 0 });
    expectError(await call(ts, 'GET', `/tickets/${first.id}`, { auth: browser }), 404, 'not_found');
    expect((await call(ts, 'GET', `/tickets/${second.id}`, { auth: browser })).status).toBe(200);
    expect((await call(ts, 'GET', `/attachments/${draftUpload.id}`, { auth: browser })).status).toBe(200);
    expect(rowsText(ts.dbPath, PERSONAL_TABLES)).not.toContain('Безпочтин');
    // A number that names no ticket is not «nothing left»: a mistyped one must not read as done. Any case is taken.
    expectError(await erase({ ticket: 'UP-2026-999999' }), 404, 'not_found');
    expect((await erase({ ticket: first.number.toLowerCase() })).body).toEqual({ tickets: [], files: 0 });
  });

  it('keeps of a test’s and a document’s tickets the course and the sites, not the question or the paths', async () => {
    const user = await userAuth(ts, 'erase-paths');
    const test = createTicketResponseSchema.parse((await createTicket(ts, user, { ...validDrafts.test, testQuestion: 'Вопрос с моим номером студенческого 12345' })).body).ticket;
    const document = createTicketResponseSchema.parse((await createTicket(ts, user, { ...validDrafts.document, documentUrl: 'https://lms.example.ru/documents/certificate-of-erase-paths' })).body).ticket;
    await erase({ userId: 'erase-paths' });
    const read = async (id: string) => agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })).body) as Record<string, unknown>;
    expect(await read(test.id)).toMatchObject({ testQuestion: '—', course: (validDrafts.test as { course: unknown }).course });
    expect(await read(document.id)).toMatchObject({ orderUrl: 'https://lms.example.ru/', documentUrl: 'https://lms.example.ru/' });
  });

  it('ends the person’s open event streams on the erased tickets', async () => {
    const user = await userAuth(ts, 'erase-stream');
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, user, validDrafts.other)).body).ticket;
    const stream = await openSse(`${ts.api}/tickets/${ticket.id}/events`, { authorization: user });
    try {
      expect(stream.status).toBe(200);
      await stream.next(10_000);
      await erase({ userId: 'erase-stream' });
      // Support writes afterwards: nothing of it reaches the stream, which has ended.
      expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/messages`, { auth: agentAuth, json: { text: 'После удаления' } })).status).toBe(201);
      await expect(stream.next(10_000)).rejects.toThrow('stream ended');
    } finally {
      stream.close();
    }
  });

  it('ends the streams another process of the same database serves within a heartbeat, with nothing sent', async () => {
    // A second server on the same store, whose streams hear of nothing the first one erases.
    const other = await startTestServer({ dir: ts.dir, config: { heartbeatMs: 200, ...(ts.dbPath.startsWith('postgres') ? { databaseUrl: ts.dbPath } : {}) } });
    try {
      const user = await userAuth(ts, 'erase-elsewhere');
      const ticket = createTicketResponseSchema.parse((await createTicket(ts, user, validDrafts.other)).body).ticket;
      const stream = await openSse(`${other.api}/tickets/${ticket.id}/events`, { authorization: user });
      try {
        expect(stream.status).toBe(200);
        await stream.next(10_000);
        // The other process has heard of everything so far: support's message came to it as the next event.
        expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/messages`, { auth: agentAuth, json: { text: 'До удаления' } })).status).toBe(201);
        expect((await stream.next(10_000)).data).toContain('До удаления');
        await erase({ userId: 'erase-elsewhere' });
        await expect(stream.next(10_000)).rejects.toThrow('stream ended');
      } finally {
        stream.close();
      }
    } finally {
      await other.close();
    }
  });

  it('asks for exactly one of userId, email and ticket, and is a specialist’s to ask', async () => {
    for (const body of [{}, { userId: 'a', email: 'a@example.ru' }, { userId: 'a', ticket: 'UP-2026-000001' }, { email: 'not an address' }, { userId: '' }, { ticket: '' }, { name: 'a' }]) {
      const reply = await erase(body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
    }
    // A field the body does not take is named.
    expect((await erase({ userId: 'a', name: 'a' })).body).toMatchObject({ error: { fields: { name: 'Такого поля нет.' } } });
    expectError(await erase({ userId: 'erase-alice' }, await userAuth(ts, 'erase-alice')), 403, 'forbidden');
    expectError(await call(ts, 'POST', '/agent/erasures', { json: { userId: 'x' } }), 401, 'unauthorized');
  });
});

describe.skipIf(TEST_ENGINE !== 'postgres')('an erasure committed while the person writes (PostgreSQL)', () => {
  let ts: TestServer;
  beforeAll(async () => {
    // The requests wait for the row while the test holds it: not given up as a busy database meanwhile.
    ts = await startTestServer({ config: { busyTimeoutMs: 20_000 } });
  });
  afterAll(() => ts.cleanup());

  it('the message that waited for the ticket’s lock is refused once the erasure has given the ticket away, and nothing of it is stored', { timeout: 60_000 }, async () => {
    const auth = await userAuth(ts, 'erase-race');
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, auth, validDrafts.other)).body).ticket;
    const events = () => queryNumber(ts.dbPath, `SELECT COUNT(*) FROM events WHERE ticket_id = '${ticket.id}'`);
    const before = events();
    // A session that holds the ticket's row as an erasure's transaction does, while the message checks the
    // ticket (still the person's) and then waits for the row.
    const session = spawn(join(inject('postgresBin'), 'psql'), [ts.dbPath, '-XAtq'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const said: string[] = [];
    session.stdout.on('data', (chunk: Buffer) => said.push(chunk.toString()));
    session.stdin.write(`BEGIN; SELECT 'locked' FROM tickets WHERE id = '${ticket.id}' FOR UPDATE;\n`);
    await vi.waitFor(() => expect(said.join('')).toContain('locked'), { timeout: 10_000, interval: 20 });
    const message = call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth, json: { text: 'Моё сообщение во время удаления' } });
    const rating = call(ts, 'POST', `/tickets/${ticket.id}/rating`, { auth, json: { score: 1, comment: 'Оценка во время удаления' } });
    await vi.waitFor(() => expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM pg_locks WHERE NOT granted`)).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 50 });
    session.stdin.end(`UPDATE tickets SET owner = 'erased:race' WHERE id = '${ticket.id}'; COMMIT;\n`);
    expectError(await message, 404, 'not_found');
    expectError(await rating, 404, 'not_found');
    expect(events()).toBe(before);
    expect(rowsText(ts.dbPath, ['events', 'tickets'])).not.toContain('во время удаления');
  });
});

describe.skipIf(TEST_ENGINE !== 'sqlite')('an erasure on SQLite', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.cleanup());

  it('leaves nothing of the person in the file’s free pages or its log, so a backup taken afterwards has none either', async () => {
    const auth = await userAuth(ts, 'erase-residue');
    const mark = `RESIDUE-${Date.now()}`;
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, auth, { ...validDrafts.other, subject: `${mark} тема`, description: `${mark} описание: СНИЛС 123-456-789 00` })).body).ticket;
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth, json: { text: `${mark} сообщение` } })).status).toBe(201);
    const bytes = () => [ts.dbPath, `${ts.dbPath}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path).toString('latin1')).join('');
    expect(bytes()).toContain(mark);
    expect((await call(ts, 'POST', '/agent/erasures', { auth: agentAuth, json: { userId: 'erase-residue' } })).status).toBe(200);
    expect(bytes()).not.toContain(mark);
  });
});
