/**
 * Support's search by number, subject, the reporter (name, e-mail, organisation, LMS id) and the description: case and ё do not matter, in Cyrillic as in Latin, and the same on both
 * engines (the test PostgreSQL cluster runs under the C locale, where lower() leaves Cyrillic as it is).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { agentTicketListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { signReporterToken } from '../../src/server';
import { agentAuth, call, createTicket, expectError, profile, startTestServer, TEST_SECRET, userAuth } from './helpers';
import type { TestServer } from './helpers';

describe('support’s search', () => {
  let ts: TestServer;
  const numbers = new Map<string, string>();
  beforeAll(async () => {
    ts = await startTestServer();
    const alice = await userAuth(ts, 'alice');
    for (const subject of ['Матрица ёлки не грузится', 'Курс по ПБ не открывается', 'Отчёт 100%_готов', 'Отчёт 1000 готов']) {
      const { ticket } = createTicketResponseSchema.parse((await createTicket(ts, alice, { ...validDrafts.other, subject })).body);
      numbers.set(subject, ticket.number);
    }
  });
  afterAll(() => ts.cleanup());

  const found = async (q: string) => {
    const reply = await call(ts, 'GET', `/agent/tickets?q=${encodeURIComponent(q)}`, { auth: agentAuth });
    expect(reply.status, reply.text).toBe(200);
    return agentTicketListSchema.parse(reply.body).tickets.map((ticket) => ticket.subject).sort();
  };

  it.each([['матрица'], ['МАТРИЦА'], ['Матрица'], ['ёлки'], ['елки'], ['ЕЛКИ']])('%j finds the subject whatever its case and ё', async (q) => {
    expect(await found(q)).toEqual(['Матрица ёлки не грузится']);
  });

  it('a mixed-case word finds it too, in Cyrillic and in Latin', async () => {
    expect(await found('курс ПО пб')).toEqual(['Курс по ПБ не открывается']);
    expect(await found('пб')).toEqual(['Курс по ПБ не открывается']);
  });

  it('a number is found whatever its case', async () => {
    const number = numbers.get('Курс по ПБ не открывается') ?? '';
    expect(await found(number.toLowerCase())).toEqual(['Курс по ПБ не открывается']);
  });

  it('finds a reporter who phones in: by surname, e-mail, organisation or LMS id, and by words of the description', async () => {
    const petrov = `Bearer ${await signReporterToken(profile('u-petrov_7', { name: 'Олег Петров', email: 'Oleg.Petrov@Example.ru', org: { id: 'org-9', title: 'АО «Северсталь»' } }), TEST_SECRET, '1h', ts.clock())}`;
    const subject = 'Не грузится видео';
    expect((await createTicket(ts, petrov, { ...validDrafts.other, subject, description: 'На уроке 3 видео выдаёт ошибку 403 Forbidden.' })).status).toBe(201);
    for (const q of ['петров', 'ПЕТРОВ', 'oleg.petrov@example.ru', 'северсталь', '403 forbidden', 'u-petrov_7']) expect(await found(q), q).toEqual([subject]);
    // An LMS id is matched whole: a part of it is no one's.
    expect(await found('petrov_')).toEqual([]);
  });

  it('% and _ are themselves, not wildcards', async () => {
    expect(await found('100%_')).toEqual(['Отчёт 100%_готов']);
    expect(await found('отчет')).toEqual(['Отчёт 100%_готов', 'Отчёт 1000 готов']);
  });
});

describe('what changed since a moment', () => {
  // The server's clock, moved by the test: each change lands at a known instant.
  let now = new Date('2026-12-01T09:00:00.000Z');
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ clock: () => now });
  });
  afterAll(() => ts.cleanup());

  const since = async (query: string) => {
    const reply = await call(ts, 'GET', `/agent/tickets?${query}`, { auth: agentAuth });
    expect(reply.status, reply.text).toBe(200);
    return agentTicketListSchema.parse(reply.body).tickets.map((ticket) => ticket.subject);
  };

  it('lists the tickets whose last event came at or after it, in either order, and refuses an instant without its zone', async () => {
    const bob = await userAuth(ts, 'since-bob');
    const old = createTicketResponseSchema.parse((await createTicket(ts, bob, { ...validDrafts.other, subject: 'Старое' })).body).ticket;
    now = new Date('2026-12-01T10:00:00.000Z');
    await createTicket(ts, bob, { ...validDrafts.other, subject: 'Новое' });
    expect(await since('updatedSince=2026-12-01T10:00:00Z')).toEqual(['Новое']);
    // The same instant in Moscow time; the old ticket comes back once it changes.
    expect(await since(`updatedSince=${encodeURIComponent('2026-12-01T13:00:00+03:00')}`)).toEqual(['Новое']);
    now = new Date('2026-12-01T11:00:00.000Z');
    expect((await call(ts, 'POST', `/agent/tickets/${old.id}/status`, { auth: agentAuth, json: { status: 'in_progress' } })).status).toBe(200);
    expect(await since('updatedSince=2026-12-01T10:30:00Z')).toEqual(['Старое']);
    expect(await since('updatedSince=2026-12-01T10:30:00Z&order=due')).toEqual(['Старое']);
    expect((await since('updatedSince=2026-12-01T09:00:00Z')).sort()).toEqual(['Новое', 'Старое']);
    for (const bad of ['2026-12-01', '2026-12-01T10:00:00', 'вчера', '2026-13-01T10:00:00Z']) {
      expectError(await call(ts, 'GET', `/agent/tickets?updatedSince=${encodeURIComponent(bad)}`, { auth: agentAuth }), 400, 'bad_request');
    }
  });
});
