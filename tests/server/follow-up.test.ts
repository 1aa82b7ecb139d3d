import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema, ticketSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, guestAuth, guestContact, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('follow-up instead of reopening: a new ticket continuing a final one of the same reporter', () => {
  let ts: TestServer;
  let now = new Date('2026-12-01T09:00:00Z');
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    ts = await startTestServer({ clock: () => now });
    alice = await userAuth(ts, 'follow-alice');
    bob = await userAuth(ts, 'follow-bob');
  });
  afterAll(() => ts.cleanup());

  const newTicket = async (auth: string, draft = validDrafts.order) => {
    const created = await createTicket(ts, auth, draft);
    expect(created.status, created.text).toBe(201);
    return createTicketResponseSchema.parse(created.body).ticket;
  };
  const resolve = async (id: string) => {
    const reply = await call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status: 'resolved', text: 'Исправили' } });
    expect(reply.status, reply.text).toBe(200);
  };
  const read = async (id: string, auth: string) => ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth })).body);

  it('is accepted for the reporter’s resolved ticket (by id or number); both tickets show the link', async () => {
    const old = await newTicket(alice);
    await resolve(old.id);
    now = new Date(now.getTime() + 29 * DAY);
    alice = await userAuth(ts, 'follow-alice');
    const created = await createTicket(ts, alice, { ...validDrafts.order, subject: `Продолжение обращения № ${old.number}`, followUpOf: old.number });
    expect(created.status, created.text).toBe(201);
    const next = createTicketResponseSchema.parse(created.body).ticket;
    expect(next.followUpOf).toEqual({ id: old.id, number: old.number });
    expect(next.followUps).toBeUndefined();

    const oldNow = await read(old.id, alice);
    expect(oldNow.status).toBe('resolved');
    expect(oldNow.followUps).toEqual([{ id: next.id, number: next.number }]);
    expect(oldNow.followUpOf).toBeUndefined();
    const last = oldNow.events.at(-1);
    expect(last).toMatchObject({ type: 'message', actor: 'system', status: 'resolved', previousStatus: 'resolved' });
    expect(last?.text).toBe(`Продолжение: обращение № ${next.number}`);
    expect((await read(next.id, alice)).followUpOf).toEqual({ id: old.id, number: old.number });
    // The operator reads the same chain.
    const agentView = ticketSchema.parse((await call(ts, 'GET', `/agent/tickets/${old.id}`, { auth: agentAuth })).body);
    expect(agentView.followUps).toEqual([{ id: next.id, number: next.number }]);

    // A cancelled ticket can be continued too, and by id.
    const cancelled = await newTicket(alice, validDrafts.technical);
    expect((await call(ts, 'POST', `/tickets/${cancelled.id}/cancel`, { auth: alice })).status).toBe(200);
    const byId = await createTicket(ts, alice, { ...validDrafts.technical, followUpOf: cancelled.id });
    expect(byId.status, byId.text).toBe(201);
    expect(createTicketResponseSchema.parse(byId.body).ticket.followUpOf?.id).toBe(cancelled.id);
  });

  it('answers 404 for someone else’s ticket (and an unknown one) and stores nothing', async () => {
    bob = await userAuth(ts, 'follow-bob'); // tokens are signed on the server's clock, which moved on
    const old = await newTicket(alice);
    await resolve(old.id);
    const before = tableCounts(ts.dbPath);
    for (const ref of [old.id, old.number, 'UP-2026-999999', 'no-such-ticket-id']) {
      const reply = await createTicket(ts, bob, { ...validDrafts.order, followUpOf: ref });
      expectError(reply, 404, 'not_found');
      expect(reply.text).not.toContain(old.number);
    }
    expect(tableCounts(ts.dbPath)).toEqual(before);
    expect((await read(old.id, alice)).followUps).toBeUndefined();
  });

  it('answers 422 on followUpOf for an open ticket, one closed over 30 days ago, and a malformed reference', async () => {
    const open = await newTicket(alice);
    const notFinal = await createTicket(ts, alice, { ...validDrafts.order, followUpOf: open.id });
    expectError(notFinal, 422, 'validation_failed');
    expect(Object.keys((notFinal.body as { error: { fields: object } }).error.fields)).toEqual(['followUpOf']);
    expect(notFinal.text).toContain('ещё открыто');

    const old = await newTicket(alice);
    await resolve(old.id);
    const resolvedAt = now;
    now = new Date(resolvedAt.getTime() + 30 * DAY + 1000);
    alice = await userAuth(ts, 'follow-alice');
    const before = tableCounts(ts.dbPath);
    const late = await createTicket(ts, alice, { ...validDrafts.order, followUpOf: old.number });
    expectError(late, 422, 'validation_failed');
    expect((late.body as { error: { fields: Record<string, string> } }).error.fields.followUpOf).toContain('30 дней');
    expect(tableCounts(ts.dbPath)).toEqual(before);
    expect((await read(old.id, alice)).events.at(-1)?.actor).toBe('support');

    for (const followUpOf of ['', 'UP 2026 <script>', 42, 'x'.repeat(65)]) {
      const bad = await createTicket(ts, alice, { ...validDrafts.order, followUpOf });
      expectError(bad, 422, 'validation_failed');
      expect(Object.keys((bad.body as { error: { fields: object } }).error.fields)).toContain('followUpOf');
    }
  });

  it('works for a guest with the same key; another guest gets 404, the ticket\'s access key 422', async () => {
    const guest = guestAuth();
    const old = await newTicket(guest, { ...validDrafts.other, contact: guestContact, consent: true });
    await resolve(old.id);
    expectError(await createTicket(ts, guestAuth(), { ...validDrafts.other, contact: guestContact, consent: true, followUpOf: old.id }), 404, 'not_found');
    // The ticket's access key reads it, but a continuation is its owner's to send: none is stored.
    const created = await createTicket(ts, guest, { ...validDrafts.other, contact: guestContact, consent: true });
    const accessKey = (created.body as { accessKey?: string }).accessKey;
    const other = createTicketResponseSchema.parse(created.body).ticket;
    await resolve(other.id);
    const before = tableCounts(ts.dbPath).tickets;
    const byKey = await createTicket(ts, `Guest ${accessKey}`, { ...validDrafts.other, contact: guestContact, consent: true, followUpOf: other.number });
    expectError(byKey, 422, 'validation_failed');
    expect((byKey.body as { error: { fields: Record<string, string> } }).error.fields.followUpOf).toBe('Продолжение отправляют из браузера, из которого отправлено это обращение');
    expect(tableCounts(ts.dbPath).tickets).toBe(before);
    expect((await read(other.id, `Guest ${accessKey}`)).followUps).toBeUndefined();
    const next = await createTicket(ts, guest, { ...validDrafts.other, contact: guestContact, consent: true, followUpOf: old.id });
    expect(next.status, next.text).toBe(201);
    expect((await read(old.id, guest)).followUps?.[0]?.number).toBe(createTicketResponseSchema.parse(next.body).ticket.number);
    // A ticket's access key reads that ticket alone: not the link to what followed it, nor to what it follows.
    const continued = createTicketResponseSchema.parse(next.body).ticket;
    const nextKey = (next.body as { accessKey?: string }).accessKey ?? '';
    const third = await createTicket(ts, guest, { ...validDrafts.other, contact: guestContact, consent: true });
    const thirdKey = (third.body as { accessKey?: string }).accessKey ?? '';
    const thirdTicket = createTicketResponseSchema.parse(third.body).ticket;
    await resolve(thirdTicket.id);
    expect((await createTicket(ts, guest, { ...validDrafts.other, contact: guestContact, consent: true, followUpOf: thirdTicket.id })).status).toBe(201);
    expect((await read(continued.id, `Guest ${nextKey}`)).followUpOf).toBeUndefined();
    expect((await read(thirdTicket.id, `Guest ${thirdKey}`)).followUps).toBeUndefined();
    expect((await read(continued.id, guest)).followUpOf?.id).toBe(old.id);
  });
});
