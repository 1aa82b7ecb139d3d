/**
 * A specialist's message (`POST /agent/tickets/{id}/messages`): a word to the user that moves no status. The user
 * reads it in their ticket (without the specialist's name) and gets it by e-mail, a desk as `ticket.message`; a
 * closed ticket takes none, a ticket changed since the specialist read it is refused, and a reporter cannot post one.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachmentSchema, createTicketResponseSchema, ticketSchema } from '../../src/core';
import { agentTicketChangeSchema, agentTicketListSchema, agentTicketSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk, Smtp } from '../fixtures/receivers';
import { agentAuth, call, createTicket, expectError, newKey, queryNumber, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pngImage } from './images';

const ANNA = { name: 'Анна Смирнова', token: 'anna-message-0123456789-abcdefghijklmnopqrstuvwxyz' };
const WEBHOOK_SECRET = 'whsec-message-0123456789-abcdefghijklmnopqrstuvwxyz';

describe('a specialist’s message', { timeout: 45_000 }, () => {
  const desk = new Desk();
  const smtp = new Smtp();
  let ts: TestServer;
  let reporter: string;

  beforeAll(async () => {
    await desk.start();
    await smtp.start();
    ts = await startTestServer({
      config: { agents: [ANNA], notifications: { webhookUrls: [desk.url], webhookSecret: WEBHOOK_SECRET, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, pollMs: 50 } },
    });
    reporter = await userAuth(ts, 'message-reporter');
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
    await smtp.stop();
  });

  const newTicket = async () => createTicketResponseSchema.parse((await createTicket(ts, reporter, validDrafts.technical)).body).ticket;
  const write = (id: string, json: unknown, auth = `Bearer ${ANNA.token}`) => call(ts, 'POST', `/agent/tickets/${id}/messages`, { auth, json });
  const lastEventOf = async (id: string) => agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })).body).lastEventId;
  const move = async (id: string, status: string, text?: string) =>
    expect((await call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status, ...(text === undefined ? {} : { text }) } })).status).toBe(200);

  it('reaches the user in their ticket, by e-mail and a desk by webhook, and moves no status', async () => {
    const ticket = await newTicket();
    await move(ticket.id, 'in_progress');
    const reply = await write(ticket.id, { text: 'Исправление займёт два дня: напишем, как будет готово.' });
    expect(reply.status, reply.text).toBe(201);
    const answer = agentTicketChangeSchema.parse(reply.body);
    expect(answer.status).toBe('in_progress');
    expect(answer.event).toMatchObject({ type: 'message', status: 'in_progress', previousStatus: 'in_progress', actor: 'support', agent: ANNA.name, text: 'Исправление займёт два дня: напишем, как будет готово.' });

    // The user reads it, without the specialist's name.
    const mine = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: reporter })).body);
    const event = mine.events.at(-1);
    expect(event).toMatchObject({ type: 'message', actor: 'support', text: 'Исправление займёт два дня: напишем, как будет готово.' });
    expect(event).not.toHaveProperty('agent');

    // One e-mail says a specialist wrote, with the text.
    await vi.waitFor(() => expect(smtp.about(ticket.number)).toHaveLength(1), { timeout: 15_000, interval: 25 });
    const mail = smtp.about(ticket.number)[0];
    expect(mail?.subject).toBe(`Обращение № ${ticket.number}: специалист написал`);
    expect(mail?.text).toContain('Исправление займёт два дня: напишем, как будет готово.');
    // A desk gets it as a message, with the specialist's name.
    await vi.waitFor(() => expect(desk.hits.some((hit) => (JSON.parse(hit.body) as { event?: { id: number } }).event?.id === answer.event.id)).toBe(true), { timeout: 15_000, interval: 25 });
    const hook = desk.hits.map((hit) => JSON.parse(hit.body) as { type: string; event?: { id: number; actor: string; agent?: string } }).find((body) => body.event?.id === answer.event.id);
    expect(hook).toMatchObject({ type: 'ticket.message', event: { actor: 'support', agent: ANNA.name } });
  });

  it('is made once per Idempotency-Key: a desk’s retry gets the first answer, another request under the key is refused', async () => {
    const ticket = await newTicket();
    await move(ticket.id, 'in_progress');
    const key = newKey();
    const json = { text: 'Проверили: ошибка на нашей стороне, исправим к вечеру.', lastEventId: (await lastEventOf(ticket.id)) };
    const once = () => call(ts, 'POST', `/agent/tickets/${ticket.id}/messages`, { auth: `Bearer ${ANNA.token}`, json, headers: { 'idempotency-key': key } });
    const first = await once();
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The answer was lost; the desk sends the same request again (its lastEventId is old now: without the key, 409).
    const again = await once();
    expect(again.status, again.text).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM events WHERE ticket_id = '${ticket.id}' AND type = 'message'`)).toBe(1);
    // One e-mail of the message (the other is the ticket's receipt).
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM outbox WHERE ticket_id = '${ticket.id}' AND kind = 'email' AND event_id IN (SELECT id FROM events WHERE type = 'message')`)).toBe(1);
    // The same ticket by its number, in another case, is another request (named otherwise), the same however typed.
    const byNumber = (number: string) => call(ts, 'POST', `/agent/tickets/${number}/messages`, { auth: `Bearer ${ANNA.token}`, json: { text: 'По номеру' }, headers: { 'idempotency-key': `${key}-number` } });
    expect((await byNumber(ticket.number)).status).toBe(201);
    expect((await byNumber(ticket.number.toLowerCase())).headers.get('idempotent-replayed')).toBe('true');
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM events WHERE ticket_id = '${ticket.id}' AND type = 'message'`)).toBe(2);
    // A status move is keyed the same way, and the same key on another request (another text, another route) is 409.
    const moveKey = newKey();
    const answer = (text: string) => call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: `Bearer ${ANNA.token}`, json: { status: 'answered', text }, headers: { 'idempotency-key': moveKey } });
    expect((await answer('Исправлено.')).status).toBe(200);
    const repeated = await answer('Исправлено.');
    expect(repeated.status).toBe(200);
    expect(repeated.headers.get('idempotent-replayed')).toBe('true');
    expectError(await answer('Исправлено, проверьте.'), 409, 'idempotency_conflict');
    expectError(await call(ts, 'POST', `/agent/tickets/${ticket.id}/messages`, { auth: `Bearer ${ANNA.token}`, json, headers: { 'idempotency-key': moveKey } }), 409, 'idempotency_conflict');
    expect(queryNumber(ts.dbPath, `SELECT COUNT(*) FROM events WHERE ticket_id = '${ticket.id}' AND status = 'answered'`)).toBe(1);
    // A key that is not one is refused before anything is made.
    expectError(await call(ts, 'POST', `/agent/tickets/${ticket.id}/messages`, { auth: `Bearer ${ANNA.token}`, json: { text: 'Ещё' }, headers: { 'idempotency-key': 'short' } }), 400, 'bad_request');
  });

  it('answers the user who wrote after an answer: the ticket leaves the queue, its status stays', async () => {
    const ticket = await newTicket();
    await move(ticket.id, 'answered', 'Очистите кэш браузера.');
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: reporter, json: { text: 'Не помогло' } })).status).toBe(201);
    const queued = async () => agentTicketListSchema.parse((await call(ts, 'GET', '/agent/tickets?order=due', { auth: agentAuth })).body).tickets.some((t) => t.id === ticket.id);
    expect(await queued()).toBe(true);
    const reply = await write(ticket.id, { text: 'Тогда откройте тест в другом браузере: так мы поймём, в чём дело.' });
    expect(reply.status, reply.text).toBe(201);
    // The answer says so itself: a desk updates its queue from it without reading the list again.
    expect(agentTicketChangeSchema.parse(reply.body)).toMatchObject({ status: 'answered', awaitingSupport: false });
    expect(await queued()).toBe(false);
  });

  it('is refused on a closed ticket, over a change the specialist did not see, without a text, and to a reporter', async () => {
    const older = await newTicket();
    const olderEvent = ticketSchema.parse((await call(ts, 'GET', `/tickets/${older.id}`, { auth: reporter })).body).events.at(-1)?.id ?? 0;
    const ticket = await newTicket();
    const seen = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: reporter })).body).events.at(-1)?.id ?? 0;
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: reporter, json: { text: 'Ещё деталь' } })).status).toBe(201);
    expectError(await write(ticket.id, { text: 'Ответ', lastEventId: seen }), 409, 'conflict');
    // An event the ticket does not have (another ticket's, a made-up one) is not what the specialist read.
    expectError(await write(ticket.id, { text: 'Ответ', lastEventId: seen + 1000 }), 422, 'validation_failed');
    expectError(await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'in_progress', lastEventId: seen + 1000 } }), 422, 'validation_failed');
    // Older than the ticket's newest, it is still not the ticket's: the id is wrong, not the ticket changed.
    expect(olderEvent).toBeGreaterThan(0);
    expect(olderEvent).toBeLessThan(seen);
    const foreign = await write(ticket.id, { text: 'Ответ', lastEventId: olderEvent });
    expectError(foreign, 422, 'validation_failed');
    expect(JSON.stringify(foreign.body)).toContain(`lastEventId ${olderEvent}: у обращения № ${ticket.number} нет такого события.`);
    expectError(await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'in_progress', lastEventId: 0 } }), 422, 'validation_failed');
    expectError(await write(ticket.id, { text: '   ' }), 422, 'validation_failed');
    expectError(await write(ticket.id, {}), 422, 'validation_failed');
    expectError(await write(ticket.id, { text: 'Ответ' }, reporter), 403);
    expectError(await write('no-such-ticket', { text: 'Ответ' }), 404, 'not_found');
    await move(ticket.id, 'resolved', 'Готово.');
    expectError(await write(ticket.id, { text: 'И ещё' }), 409, 'illegal_transition');
    // Nothing of the refused ones was stored.
    const events = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: reporter })).body).events;
    expect(events.filter((e) => e.actor === 'support' && e.type === 'message')).toEqual([]);
  });

  it('carries the specialist’s own files: the user opens them from the ticket, the e-mail names them, a desk gets them', async () => {
    const ticket = await newTicket();
    const upload = (auth: string, name: string) => pngImage().then((png) => call(ts, 'POST', '/attachments', { auth, body: fileForm(png, name, 'image/png') }));
    const mine = await upload(`Bearer ${ANNA.token}`, 'Где кнопка.png');
    expect(mine.status, mine.text).toBe(201);
    const file = attachmentSchema.parse(mine.body);
    const reply = await write(ticket.id, { text: 'Кнопка «Начать тест» здесь, на снимке.', attachmentIds: [file.id] });
    expect(reply.status, reply.text).toBe(201);
    expect(agentTicketChangeSchema.parse(reply.body).event.attachments.map((a) => a.name)).toEqual(['Где кнопка.png']);

    // The user's ticket has it, and the user (and no other user) downloads it.
    const seen = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: reporter })).body).events.at(-1);
    expect(seen?.attachments.map((a) => a.id)).toEqual([file.id]);
    const download = await call(ts, 'GET', `/attachments/${file.id}`, { auth: reporter });
    expect(download.status).toBe(200);
    expectError(await call(ts, 'GET', `/attachments/${file.id}`, { auth: await userAuth(ts, 'message-stranger') }), 404);
    await vi.waitFor(() => expect(smtp.about(ticket.number)).toHaveLength(1), { timeout: 15_000, interval: 25 });
    expect(smtp.about(ticket.number)[0]?.text).toContain('Специалист приложил файл «Где кнопка.png»: скачать его можно в обращении.');
    const eventId = agentTicketChangeSchema.parse(reply.body).event.id;
    // Notices that are no event (a ticket taken by an answer: ticket.assigned) carry none.
    await vi.waitFor(() => expect(desk.hits.some((hit) => (JSON.parse(hit.body) as { event?: { id: number } }).event?.id === eventId)).toBe(true), { timeout: 15_000, interval: 25 });
    const hook = desk.hits.map((hit) => JSON.parse(hit.body) as { event?: { id: number; attachments: { id: string }[] } }).find((body) => body.event?.id === eventId);
    expect(hook?.event?.attachments.map((a) => a.id)).toEqual([file.id]);

    // A file is its uploader's to attach: not a reporter's to the specialist, not a specialist's to the user, nor
    // the shared token's to a named specialist; and a specialist's upload is theirs to delete.
    const theirs = attachmentSchema.parse((await upload(reporter, 'Снимок пользователя.png')).body);
    expectError(await write(ticket.id, { text: 'Ваш снимок', attachmentIds: [theirs.id] }), 422, 'validation_failed');
    const annas = attachmentSchema.parse((await upload(`Bearer ${ANNA.token}`, 'Ещё снимок.png')).body);
    expectError(await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: reporter, json: { text: 'Беру ваш файл', attachmentIds: [annas.id] } }), 422, 'validation_failed');
    expectError(await write(ticket.id, { text: 'Снимок Анны', attachmentIds: [annas.id] }, agentAuth), 422, 'validation_failed');
    // Until it is sent, a specialist's upload is read by its uploader alone: not by the shared token, and not the
    // other way round. Once sent, every specialist reads it with the ticket.
    expect((await call(ts, 'GET', `/attachments/${annas.id}`, { auth: `Bearer ${ANNA.token}` })).status).toBe(200);
    expectError(await call(ts, 'GET', `/attachments/${annas.id}`, { auth: agentAuth }), 404, 'not_found');
    const shared = attachmentSchema.parse((await upload(agentAuth, 'Общий снимок.png')).body);
    expectError(await call(ts, 'GET', `/attachments/${shared.id}`, { auth: `Bearer ${ANNA.token}` }), 404, 'not_found');
    expect((await call(ts, 'GET', `/attachments/${file.id}`, { auth: agentAuth })).status).toBe(200);
    expect((await call(ts, 'DELETE', `/attachments/${annas.id}`, { auth: `Bearer ${ANNA.token}` })).status).toBe(204);

    // An answer carries files the same way.
    const guide = attachmentSchema.parse((await upload(agentAuth, 'Инструкция.png')).body);
    const answered = await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Всё по инструкции на снимке.', attachmentIds: [guide.id] } });
    expect(answered.status, answered.text).toBe(200);
    expect(agentTicketChangeSchema.parse(answered.body).event).toMatchObject({ type: 'status', status: 'answered', attachments: [{ id: guide.id, name: 'Инструкция.png' }] });
  });
});
