import { agentTicketListSchema, agentTicketSchema } from '../../src/server/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema, ticketChangeSchema, ticketSchema } from '../../src/core';
import type { Ticket } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

describe('messages, clarification, cancel and status changes', () => {
  let ts: TestServer;
  let alice: string;
  let id: string;
  beforeAll(async () => {
    ts = await startTestServer();
    alice = await userAuth(ts, 'alice');
    id = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.technical)).body).ticket.id;
  });
  afterAll(() => ts.cleanup());

  const agentStatus = (ticketId: string, json: unknown) => call(ts, 'POST', `/agent/tickets/${ticketId}/status`, { auth: agentAuth, json });

  it('a message on an open ticket keeps the status', async () => {
    const reply = await call(ts, 'POST', `/tickets/${id}/messages`, { auth: alice, json: { text: 'Ещё деталь' } });
    expect(reply.status, reply.text).toBe(201);
    // The answer is the ticket's summary and the new event, not the whole ticket.
    const change = ticketChangeSchema.parse(reply.body);
    expect(change).not.toHaveProperty('events');
    expect(change).toMatchObject({ id, status: 'registered', lastEventId: change.event.id });
    expect(change.event).toMatchObject({ type: 'message', status: 'registered', previousStatus: 'registered', actor: 'reporter', text: 'Ещё деталь' });
    const whole = ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth: alice })).body);
    expect(whole.events.at(-1)).toEqual(change.event);
  });

  it('the agent asks for clarification (text required), the reporter’s reply moves it to clarification_sent', async () => {
    const noText = await agentStatus(id, { status: 'clarification_requested' });
    expectError(noText, 422, 'validation_failed');
    expect((noText.body as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('text');
    const asked = await agentStatus(id, { status: 'clarification_requested', text: 'Какой браузер?' });
    expect(ticketChangeSchema.parse(asked.body)).toMatchObject({ status: 'clarification_requested', event: { actor: 'support', text: 'Какой браузер?' } });
    const reply = await call(ts, 'POST', `/tickets/${id}/messages`, { auth: alice, json: { text: 'Chrome 131' } });
    const change = ticketChangeSchema.parse(reply.body);
    expect(change.status).toBe('clarification_sent');
    expect(change.event).toMatchObject({ type: 'status', status: 'clarification_sent', previousStatus: 'clarification_requested', text: 'Chrome 131' });
  });

  it('illegal transitions are 409; unknown status is 422; unknown ticket is 404', async () => {
    const refused = await agentStatus(id, { status: 'registered' });
    expectError(refused, 409, 'illegal_transition');
    // The specialist reads the statuses by name, never their codes.
    expect((refused.body as { error: { message: string } }).error.message).toBe('Из статуса «Уточнение отправлено» в «Зарегистрировано» обращение перевести нельзя.');
    expectError(await agentStatus(id, { status: 'clarification_sent' }), 409, 'illegal_transition');
    expectError(await agentStatus(id, { status: 'cancelled' }), 409, 'illegal_transition');
    expectError(await agentStatus(id, { status: 'teleported' }), 422, 'validation_failed');
    expectError(await agentStatus('doesnotexist123', { status: 'processing' }), 404, 'not_found');
  });

  it('a change made on what the specialist saw: refused with 409 conflict when the ticket changed since, nothing stored', async () => {
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.technical)).body).ticket;
    const seen = ticketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: agentAuth })).body);
    const seenId = seen.events.at(-1)?.id ?? 0;
    // Two specialists read the same state; the first asks the user a question.
    const first = await agentStatus(ticket.id, { status: 'clarification_requested', text: 'Пришлите снимок экрана', lastEventId: seenId });
    expect(first.status, first.text).toBe(200);
    // The second, not knowing, would close it over the open question.
    const second = await agentStatus(ticket.id, { status: 'resolved', text: 'Готово', lastEventId: seenId });
    expectError(second, 409, 'conflict');
    expect((second.body as { error: { message: string } }).error.message).toContain(`Обращение № ${ticket.number} изменилось`);
    const after = ticketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: agentAuth })).body);
    expect(after.status).toBe('clarification_requested');
    expect(after.events.map((e) => e.text)).not.toContain('Готово');
    // Acting on the new state works; leaving lastEventId out skips the check.
    const fresh = after.events.at(-1)?.id ?? 0;
    expect((await agentStatus(ticket.id, { status: 'in_progress', lastEventId: fresh })).status).toBe(200);
    expect((await agentStatus(ticket.id, { status: 'answered', text: 'Ответ' })).status).toBe(200);
    expectError(await agentStatus(ticket.id, { status: 'resolved', lastEventId: -1 }), 422, 'validation_failed');
  });

  it('the agent lists ticket summaries (filter by status) and reads one in full by id', async () => {
    const all = agentTicketListSchema.parse((await call(ts, 'GET', '/agent/tickets', { auth: agentAuth })).body);
    expect(all.tickets.map((t) => t.id)).toContain(id);
    expect(all.tickets[0]).not.toHaveProperty('events');
    const filtered = (await call(ts, 'GET', '/agent/tickets?status=clarification_sent', { auth: agentAuth })).body as { tickets: Ticket[] };
    expect(filtered.tickets.map((t) => t.id)).toEqual([id]);
    expect(((await call(ts, 'GET', '/agent/tickets?status=resolved', { auth: agentAuth })).body as { tickets: Ticket[] }).tickets).toEqual([]);
    expectError(await call(ts, 'GET', '/agent/tickets?status=bogus', { auth: agentAuth }), 400, 'bad_request');
    expect(ticketSchema.parse((await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })).body).reporter.fullName).toBe('Пользователь alice');
  });

  it('the agent list filters by category and priority and searches the number and the subject', async () => {
    const stamp = `поиск${Date.now()}`;
    const order = createTicketResponseSchema.parse((await createTicket(ts, alice, { ...validDrafts.order, subject: `Счёт ${stamp}` })).body).ticket;
    const other = createTicketResponseSchema.parse((await createTicket(ts, alice, { ...validDrafts.other, impact: 'minor', subject: `Вопрос ${stamp}` })).body).ticket;
    const ids = async (query: string) => agentTicketListSchema.parse((await call(ts, 'GET', `/agent/tickets?${query}`, { auth: agentAuth })).body).tickets.map((t) => t.id);
    expect(await ids(`q=${encodeURIComponent(stamp)}`)).toEqual([other.id, order.id]);
    expect(await ids(`q=${encodeURIComponent(stamp)}&category=order`)).toEqual([order.id]);
    expect(await ids(`q=${encodeURIComponent(order.number)}`)).toEqual([order.id]);
    expect(other.priority).not.toBe(order.priority);
    expect(await ids(`q=${encodeURIComponent(stamp)}&priority=${other.priority}`)).toEqual([other.id]);
    expect(await ids(`q=${encodeURIComponent(stamp)}&priority=${order.priority}`)).toEqual([order.id]);
    expect(await ids(`q=${encodeURIComponent(stamp)}&category=document`)).toEqual([]);
    expectError(await call(ts, 'GET', '/agent/tickets?category=bogus', { auth: agentAuth }), 400, 'bad_request');
    expectError(await call(ts, 'GET', '/agent/tickets?priority=bogus', { auth: agentAuth }), 400, 'bad_request');
  });

  it('the agent names a ticket by its number too, as a reporter does: read, status change and stream', async () => {
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.other)).body).ticket;
    const read = await call(ts, 'GET', `/agent/tickets/${ticket.number}`, { auth: agentAuth });
    expect(read.status, read.text).toBe(200);
    expect(ticketSchema.parse(read.body)).toMatchObject({ id: ticket.id, number: ticket.number });
    const moved = await agentStatus(ticket.number, { status: 'in_progress' });
    expect(moved.status, moved.text).toBe(200);
    expect(ticketChangeSchema.parse(moved.body)).toMatchObject({ id: ticket.id, status: 'in_progress' });
    const stream = await fetch(`${ts.api}/tickets/${ticket.number}/events`, { headers: { authorization: agentAuth } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.body?.cancel();
    // An unknown number is 404 like an unknown id; a number in any case is the number, as typed from a letter; one
    // of another spelling is not a number.
    expectError(await call(ts, 'GET', '/agent/tickets/UP-2026-999999', { auth: agentAuth }), 404, 'not_found');
    expectError(await agentStatus('UP-2026-999999', { status: 'processing' }), 404, 'not_found');
    expect(agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${ticket.number.toLowerCase()}`, { auth: agentAuth })).body).id).toBe(ticket.id);
    expectError(await call(ts, 'GET', `/agent/tickets/${ticket.number.replaceAll('-', '')}`, { auth: agentAuth }), 404, 'not_found');
  });

  it('resolved is final: no cancel (409), no message (409), no further status (409)', async () => {
    const resolved = await agentStatus(id, { status: 'resolved', text: 'Исправлено' });
    expect(ticketChangeSchema.parse(resolved.body).status).toBe('resolved');
    expectError(await call(ts, 'POST', `/tickets/${id}/cancel`, { auth: alice }), 409, 'illegal_transition');
    expectError(await call(ts, 'POST', `/tickets/${id}/messages`, { auth: alice, json: { text: 'ещё' } }), 409, 'illegal_transition');
    expectError(await agentStatus(id, { status: 'in_progress' }), 409, 'illegal_transition');
  });

  it('the reporter cancels an open ticket once; a second cancel is 409', async () => {
    const other = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.other)).body).ticket.id;
    const cancelled = await call(ts, 'POST', `/tickets/${other}/cancel`, { auth: alice });
    expect(cancelled.status).toBe(200);
    expect(ticketSchema.parse(cancelled.body).events.at(-1)).toMatchObject({ status: 'cancelled', previousStatus: 'registered', actor: 'reporter' });
    expectError(await call(ts, 'POST', `/tickets/${other}/cancel`, { auth: alice }), 409, 'illegal_transition');
  });

  it('a specialist reading a ticket gets the moves the status table allows now, and only those', async () => {
    const created = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.technical)).body).ticket;
    const read = async () => agentTicketSchema.parse((await call(ts, 'GET', `/agent/tickets/${created.id}`, { auth: agentAuth })).body);
    // Cancelling is the reporter's move, never the specialist's.
    expect((await read()).moves).toEqual(['processing', 'clarification_requested', 'in_progress', 'answered', 'resolved', 'suggestion']);
    expect((await agentStatus(created.id, { status: 'in_progress' })).status).toBe(200);
    expect((await read()).moves).toEqual(['clarification_requested', 'answered', 'resolved', 'suggestion']);
    expect((await agentStatus(created.id, { status: 'processing' })).status).toBe(409);
    expect((await agentStatus(created.id, { status: 'resolved', text: 'Исправили' })).status).toBe(200);
    expect((await read()).moves).toEqual([]);
  });
});

describe('a ticket’s length', () => {
  it('takes the reporter’s messages up to the configured number of events, then asks for a new ticket; a specialist is never refused', async () => {
    const ts = await startTestServer({ config: { maxEventsPerTicket: 4 } });
    try {
      const bob = await userAuth(ts, 'bob');
      const id = createTicketResponseSchema.parse((await createTicket(ts, bob, validDrafts.other)).body).ticket.id;
      const write = (text: string) => call(ts, 'POST', `/tickets/${id}/messages`, { auth: bob, json: { text } });
      for (let i = 1; i <= 2; i += 1) expect((await write(`Сообщение ${i}`)).status).toBe(201);
      // Support's messages do not use up the user's room to write.
      for (let i = 1; i <= 3; i += 1) expect((await call(ts, 'POST', `/agent/tickets/${id}/messages`, { auth: agentAuth, json: { text: `Ответ ${i}` } })).status).toBe(201);
      for (let i = 3; i <= 4; i += 1) expect((await write(`Сообщение ${i}`)).status).toBe(201);
      const refused = await write('Ещё одно');
      expectError(refused, 422, 'validation_failed');
      expect(refused.text).toContain('в новом обращении');
      const answered = await call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Готово.' } });
      expect(answered.status, answered.text).toBe(200);
      // The registration, four messages of the user's, four of support's.
      expect(ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth: bob })).body).events).toHaveLength(9);
    } finally {
      await ts.cleanup();
    }
  });
});
