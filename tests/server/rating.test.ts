import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentStatsSchema, createTicketResponseSchema, ticketSchema } from '../../src/core';
import { agentStatsAnswerSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

describe('rating the help: once a specialist answered, changeable for 7 days, statistics for the operator', () => {
  let ts: TestServer;
  let now = new Date('2026-12-01T09:00:00Z');
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    ts = await startTestServer({ clock: () => now });
    alice = await userAuth(ts, 'rating-alice');
    bob = await userAuth(ts, 'rating-bob');
  });
  afterAll(() => ts.cleanup());

  const newTicket = async (auth: string) => {
    const created = await createTicket(ts, auth, validDrafts.technical);
    expect(created.status, created.text).toBe(201);
    return createTicketResponseSchema.parse(created.body).ticket.id;
  };
  const setStatus = (id: string, status: string, text?: string) =>
    call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status, ...(text === undefined ? {} : { text }) } });
  const rate = (id: string, auth: string, json: unknown) => call(ts, 'POST', `/tickets/${id}/rating`, { auth, json });
  const stats = async () => agentStatsSchema.parse((await call(ts, 'GET', '/agent/stats', { auth: agentAuth })).body).ratings;
  const lowRatings = async () => agentStatsAnswerSchema.parse((await call(ts, 'GET', '/agent/stats', { auth: agentAuth })).body).lowRatings;

  it('is refused before a specialist answered, and accepted after «Ответ техподдержки»', async () => {
    const id = await newTicket(alice);
    const early = await rate(id, alice, { score: 5 });
    expectError(early, 409, 'conflict');
    expect(early.text).toContain('после ответа');
    expect((await setStatus(id, 'answered', 'Очистите кэш браузера')).status).toBe(200);
    const rated = await rate(id, alice, { score: 4, comment: '  Помогло, спасибо  ' });
    expect(rated.status, rated.text).toBe(200);
    const ticket = ticketSchema.parse(rated.body);
    expect(ticket.rating).toEqual({
      score: 4,
      comment: 'Помогло, спасибо',
      ratedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      changeableUntil: new Date(now.getTime() + 7 * DAY).toISOString(),
    });
    // The reporter reads it back with the ticket; the specialist too.
    expect(ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth: alice })).body).rating?.score).toBe(4);
    expect(ticketSchema.parse((await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })).body).rating?.score).toBe(4);
  });

  it('a ticket its reporter cancelled after the answer is not rated, and the refusal says so', async () => {
    const id = await newTicket(alice);
    expect((await setStatus(id, 'answered', 'Очистите кэш браузера')).status).toBe(200);
    expect((await call(ts, 'POST', `/tickets/${id}/cancel`, { auth: alice })).status).toBe(200);
    const refused = await rate(id, alice, { score: 5 });
    expectError(refused, 409, 'conflict');
    expect(refused.text).toContain('Отменённое обращение оценить нельзя.');
  });

  it('a rating given before the ticket was cancelled stays as it was: no change after the cancel, even within the week', async () => {
    const id = await newTicket(alice);
    await setStatus(id, 'answered', 'Очистите кэш браузера');
    expect((await rate(id, alice, { score: 5 })).status).toBe(200);
    await setStatus(id, 'in_progress');
    expect((await call(ts, 'POST', `/tickets/${id}/cancel`, { auth: alice })).status).toBe(200);
    const refused = await rate(id, alice, { score: 1 });
    expectError(refused, 409, 'conflict');
    expect(refused.text).toContain('Отменённое обращение оценить нельзя.');
    expect(ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth: alice })).body).rating?.score).toBe(5);
  });

  it('is changeable for 7 days after it was first given, then 409; the first time stays', async () => {
    const id = await newTicket(alice);
    await setStatus(id, 'resolved', 'Исправили');
    const first = now;
    expect((await rate(id, alice, { score: 2, comment: 'Долго' })).status).toBe(200);
    // Tokens live a day at most: the reporter comes back with a fresh one.
    now = new Date(first.getTime() + 6 * DAY);
    alice = await userAuth(ts, 'rating-alice');
    const changed = ticketSchema.parse((await rate(id, alice, { score: 5 })).body).rating;
    expect(changed).toMatchObject({ score: 5, ratedAt: first.toISOString(), updatedAt: now.toISOString() });
    expect(changed?.comment).toBeUndefined();
    now = new Date(first.getTime() + 7 * DAY + 1000);
    alice = await userAuth(ts, 'rating-alice');
    const late = await rate(id, alice, { score: 1 });
    expectError(late, 409, 'conflict');
    expect(ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth: alice })).body).rating?.score).toBe(5);
    now = new Date('2026-12-01T09:00:00Z');
    alice = await userAuth(ts, 'rating-alice');
  });

  it('validates the score and the comment, and keeps someone else’s ticket hidden', async () => {
    const id = await newTicket(alice);
    await setStatus(id, 'answered', 'Ответ');
    for (const body of [{}, { score: 0 }, { score: 6 }, { score: 3.5 }, { score: '5' }, { score: 5, comment: 'я'.repeat(2001) }]) {
      expectError(await rate(id, alice, body), 422, 'validation_failed');
    }
    // Each says what is wrong: out of range, the wrong type, or missing (not «a text too long» for a number).
    const fieldOf = async (body: unknown) => ((await rate(id, alice, body)).body as { error: { fields: Record<string, string> } }).error.fields['score'];
    expect(await fieldOf({ score: 6 })).toBe('Слишком большое значение: не больше 5');
    expect(await fieldOf({ score: 0 })).toBe('Слишком маленькое значение: не меньше 1');
    expect(await fieldOf({ score: '5' })).toBe('Неверный тип значения');
    expect(await fieldOf({})).toBe('Заполните это поле');
    expectError(await rate(id, bob, { score: 1 }), 404, 'not_found');
    expectError(await rate(id, agentAuth, { score: 1 }), 403);
    expectError(await call(ts, 'POST', `/tickets/${id}/rating`, { json: { score: 5 } }), 401, 'unauthorized');
    expect(ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth: alice })).body).rating).toBeUndefined();
  });

  it('the operator sees the share of 4–5 over the last 30 days, and the ratings under 4 to follow up', async () => {
    const before = await stats();
    expect(before.days).toBe(30);
    const scores = [5, 4, 1];
    for (const score of scores) {
      const id = await newTicket(bob);
      await setStatus(id, 'answered', 'Ответ');
      expect((await rate(id, bob, { score })).status).toBe(200);
    }
    const after = await stats();
    expect(after.count - before.count).toBe(3);
    expect(after.positive - before.positive).toBe(2);
    expect(after.positiveShare).toBeCloseTo(after.positive / after.count);
    // The ratings under 4 are listed with their tickets and comments, newest first, for support to follow up.
    const unhappy = await newTicket(bob);
    await setStatus(unhappy, 'answered', 'Ответ');
    now = new Date(now.getTime() + 60_000);
    expect((await rate(unhappy, bob, { score: 2, comment: 'Не помогло, тест так и не открылся' })).status).toBe(200);
    const low = await lowRatings();
    expect(low[0]).toMatchObject({ ticketId: unhappy, score: 2, comment: 'Не помогло, тест так и не открылся', at: now.toISOString() });
    expect(low.map((rating) => rating.score).every((score) => score < 4)).toBe(true);
    expect(low.some((rating) => rating.score === 1)).toBe(true);
    // Over 30 days later (after every rating this file gave or changed) none counts.
    now = new Date(now.getTime() + 40 * DAY);
    expect(await stats()).toEqual({ days: 30, count: 0, positive: 0, positiveShare: null });
    expect(await lowRatings()).toEqual([]);
    expectError(await call(ts, 'GET', '/agent/stats', { auth: await userAuth(ts, 'rating-alice') }), 403);
  });
});
