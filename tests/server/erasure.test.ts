/**
 * `POST /agent/erasures`: a person's personal data erased on request. The tickets stay as support's record without
 * anything of the person, on both engines; the person's files leave the disk; other people's tickets are untouched.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema, createTicketResponseSchema, ticketListSchema, ticketSchema } from '../../src/core';
import { agentTicketSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk } from '../fixtures/receivers';
import { agentAuth, call, createTicket, expectError, guestAuth, guestContact, queryNumber, rowsText, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pngImage } from './images';

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

    const reply = await erase({ userId: 'erase-alice' });
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
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${ticket.id}'`)).toBe(0);

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

  it('asks for exactly one of userId and email, and is a specialist’s to ask', async () => {
    for (const body of [{}, { userId: 'a', email: 'a@example.ru' }, { email: 'not an address' }, { userId: '' }, { name: 'a' }]) {
      const reply = await erase(body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
    }
    expectError(await erase({ userId: 'erase-alice' }, await userAuth(ts, 'erase-alice')), 403, 'forbidden');
    expectError(await call(ts, 'POST', '/agent/erasures', { json: { userId: 'x' } }), 401, 'unauthorized');
  });
});
