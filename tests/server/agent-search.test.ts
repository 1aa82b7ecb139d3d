/**
 * Support's search by number or subject: case and ё do not matter, in Cyrillic as in Latin, and the same on both
 * engines (the test PostgreSQL cluster runs under the C locale, where lower() leaves Cyrillic as it is).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { agentTicketListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, startTestServer, userAuth } from './helpers';
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

  it('% and _ are themselves, not wildcards', async () => {
    expect(await found('100%_')).toEqual(['Отчёт 100%_готов']);
    expect(await found('отчет')).toEqual(['Отчёт 100%_готов', 'Отчёт 1000 готов']);
  });
});
