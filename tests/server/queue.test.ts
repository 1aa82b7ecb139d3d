/**
 * Support's queue (`GET /agent/tickets?order=due`): only the tickets waiting for support, the soonest resolve
 * deadline first (ties in the order they came), paged by a cursor of its own, with the list's filters; a reporter
 * has no queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import type { Ticket } from '../../src/core';
import { agentTicketListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

describe('support’s queue', () => {
  let ts: TestServer;
  let now = new Date('2026-12-01T07:00:00.000Z'); // Tuesday, 10:00 in Moscow: support works
  let alice: string;
  const made: Ticket[] = [];

  const create = async (subject: string, impact: 'blocks_everyone' | 'blocks_me' | 'minor') => {
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, alice, { ...validDrafts.technical, subject, impact })).body).ticket;
    made.push(ticket);
    return ticket;
  };
  const move = async (id: string, status: string, text?: string) =>
    expect((await call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status, ...(text === undefined ? {} : { text }) } })).status).toBe(200);
  const list = async (query: string) => {
    const reply = await call(ts, 'GET', `/agent/tickets?${query}`, { auth: agentAuth });
    expect(reply.status, reply.text).toBe(200);
    return agentTicketListSchema.parse(reply.body);
  };

  beforeAll(async () => {
    ts = await startTestServer({ clock: () => now });
    alice = await userAuth(ts, 'queue-alice');
    await create('Обычный, первый', 'blocks_me');
    await create('Обычный, в ту же минуту', 'blocks_me');
    now = new Date(now.getTime() + 60_000);
    await create('Срочный', 'blocks_everyone');
    await create('Неважный', 'minor');
    now = new Date(now.getTime() + 60_000);
    await move((await create('Срочный в работе', 'blocks_everyone')).id, 'in_progress');
    await move((await create('Отвеченный', 'blocks_everyone')).id, 'answered', 'Готово.');
    await move((await create('Ждёт пользователя', 'blocks_everyone')).id, 'clarification_requested', 'Пришлите снимок экрана.');
  });
  afterAll(() => ts.cleanup());

  it('lists what waits for support, the soonest deadline first, ties in the order they came', async () => {
    const queue = (await list('order=due')).tickets;
    expect(queue.map((t) => t.subject)).not.toContain('Отвеченный');
    expect(queue.map((t) => t.subject)).not.toContain('Ждёт пользователя');
    const waiting = made.filter((t) => !['Отвеченный', 'Ждёт пользователя'].includes(t.subject));
    const expected = [...waiting].sort((a, b) => (a.resolveDueAt === b.resolveDueAt ? made.indexOf(a) - made.indexOf(b) : a.resolveDueAt < b.resolveDueAt ? -1 : 1));
    expect(queue.map((t) => t.subject)).toEqual(expected.map((t) => t.subject));
    // The deadlines differ, so the order is the deadline's and not the list's newest first.
    expect(queue[0]?.subject).toBe('Срочный');
    expect(queue.at(-1)?.subject).toBe('Неважный');
    expect(queue.map((t) => t.subject).indexOf('Обычный, первый')).toBe(queue.map((t) => t.subject).indexOf('Обычный, в ту же минуту') - 1);
    // Each line carries both deadlines: a registered ticket's first look (60 working minutes) and its resolution.
    for (const line of queue) {
      const ticket = made.find((t) => t.subject === line.subject);
      expect([line.reviewDueAt, line.resolveDueAt]).toEqual([ticket?.reviewDueAt, ticket?.resolveDueAt]);
      expect(Date.parse(line.reviewDueAt)).toBeLessThan(Date.parse(line.resolveDueAt));
    }
  });

  it('takes back an answered ticket the user wrote in after the answer, until a specialist acts on it', async () => {
    const answered = made.find((t) => t.subject === 'Отвеченный');
    if (answered === undefined) throw new Error('no answered ticket');
    const line = async () => (await list('order=due')).tickets.find((t) => t.id === answered.id);
    expect(await line()).toBeUndefined();
    expect((await list('')).tickets.find((t) => t.id === answered.id)?.awaitingSupport).toBe(false);
    // «Не помогло»: the status stays the answer's, and the ticket waits for support again, for every specialist.
    const wrote = await call(ts, 'POST', `/tickets/${answered.id}/messages`, { auth: alice, json: { text: 'Не помогло: тест всё так же не открывается.' } });
    expect(wrote.status, wrote.text).toBe(201);
    expect(await line()).toMatchObject({ status: 'answered', awaitingSupport: true });
    expect((await list('')).tickets.find((t) => t.id === answered.id)?.awaitingSupport).toBe(true);
    // A specialist answers again by moving it: it leaves the queue once it waits for the user.
    await move(answered.id, 'in_progress');
    expect(await line()).toMatchObject({ status: 'in_progress', awaitingSupport: true });
    await move(answered.id, 'answered', 'Очистите кэш браузера и откройте тест снова.');
    expect(await line()).toBeUndefined();
    // A ticket that waits for the user is not support's to act on.
    const asked = (await list('')).tickets.find((t) => t.subject === 'Ждёт пользователя');
    expect(asked?.awaitingSupport).toBe(false);
  });

  it('pages with its own cursor: the same order, nobody twice, nobody left out', async () => {
    const whole = (await list('order=due')).tickets.map((t) => t.id);
    const paged: string[] = [];
    let cursor: string | null | undefined = null;
    do {
      const page: { tickets: Array<{ id: string }>; nextCursor?: string | null | undefined } = await list(`order=due&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      paged.push(...page.tickets.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor !== null && cursor !== undefined);
    expect(paged).toEqual(whole);
  });

  it('takes the list’s filters', async () => {
    expect((await list('order=due&status=in_progress')).tickets.map((t) => t.subject)).toEqual(['Срочный в работе']);
    expect((await list('order=due&status=answered')).tickets).toEqual([]);
    expect((await list('order=due&priority=low')).tickets.map((t) => t.subject)).toEqual(['Неважный']);
    expect((await list(`order=due&q=${encodeURIComponent('обычный')}`)).tickets.map((t) => t.subject)).toEqual(['Обычный, первый', 'Обычный, в ту же минуту']);
    expect((await list('order=newest')).tickets[0]?.subject).toBe('Ждёт пользователя');
  });

  it('refuses another order, a cursor of the other order, and a queue to a reporter', async () => {
    expectError(await call(ts, 'GET', '/agent/tickets?order=deadline', { auth: agentAuth }), 400, 'bad_request');
    const newest = (await list('limit=1')).nextCursor;
    expect(newest).toBeTruthy();
    expectError(await call(ts, 'GET', `/agent/tickets?order=due&cursor=${newest}`, { auth: agentAuth }), 400, 'bad_request');
    const due = (await list('order=due&limit=1')).nextCursor;
    expectError(await call(ts, 'GET', `/agent/tickets?cursor=${due}`, { auth: agentAuth }), 400, 'bad_request');
    expectError(await call(ts, 'GET', '/tickets?order=due', { auth: alice }), 400, 'bad_request');
    expect((await call(ts, 'GET', '/tickets?order=newest', { auth: alice })).status).toBe(200);
  });
});
