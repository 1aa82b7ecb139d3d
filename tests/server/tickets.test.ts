import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTicketResponseSchema,
  resolveDeadline,
  ticketListSchema,
  ticketSchema,
} from '../../src/core';
import type { Category, Ticket } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import {
  agentAuth,
  call,
  createTicket,
  expectError,
  fixedClock,
  startTestServer,
  userAuth,
} from './helpers';
import type { TestServer } from './helpers';

// Friday 27 November 2026, 16:30 MSK: 30 working minutes left today.
const FRIDAY_1630 = '2026-11-27T13:30:00.000Z';

describe('creating and reading tickets', () => {
  let ts: TestServer;
  let alice: string;
  beforeAll(async () => {
    ts = await startTestServer({ clock: fixedClock(FRIDAY_1630) });
    alice = await userAuth(ts, 'alice');
  });
  afterAll(() => ts.cleanup());

  it('registers a ticket with number, priority and deadlines from the server clock', async () => {
    const reply = await createTicket(ts, alice, validDrafts.technical);
    expect(reply.status, reply.text).toBe(201);
    const { ticket } = createTicketResponseSchema.parse(reply.body);
    expect(ticket.number).toBe('UP-2026-000001');
    expect(ticket.status).toBe('registered');
    expect(ticket.priority).toBe('normal');
    expect(ticket.createdAt).toBe(FRIDAY_1630);
    // 16:30 Friday + 60 working minutes = Monday 08:30 MSK.
    expect(ticket.reviewDueAt).toBe('2026-11-30T05:30:00.000Z');
    expect(ticket.resolveDueAt).toBe(resolveDeadline(new Date(FRIDAY_1630), 'normal').toISOString());
    expect(ticket.deadlinesProvisional).toBe(false);
    expect(ticket.events).toHaveLength(1);
    expect(ticket.events[0]).toMatchObject({ type: 'status', status: 'registered', previousStatus: null, actor: 'system' });
    expect(ticket).toMatchObject({ category: 'technical', steps: validDrafts.technical.category === 'technical' ? validDrafts.technical.steps : '' });
  });

  it('numbers tickets uniquely and lists them newest first; a suggestion is always low priority', async () => {
    const second = await createTicket(ts, alice, { ...validDrafts.suggestion, impact: 'blocks_everyone' });
    const third = await createTicket(ts, alice, { ...validDrafts.course, impact: 'blocks_everyone' });
    const t2 = createTicketResponseSchema.parse(second.body).ticket;
    const t3 = createTicketResponseSchema.parse(third.body).ticket;
    expect(t2.priority).toBe('low');
    expect(t3.priority).toBe('high');
    expect([t2.number, t3.number]).toEqual(['UP-2026-000002', 'UP-2026-000003']);
    const list = ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth: alice })).body);
    expect(list.tickets.map((t) => t.number)).toEqual(['UP-2026-000003', 'UP-2026-000002', 'UP-2026-000001']);
    expect(list.tickets[0]).toMatchObject({ category: 'course', courseUrl: 'https://lms.example.ru/courses/abc-123' });
    expect(list.tickets[0]?.lastEventId).toBe(t3.events[0]?.id);
  });

  it('stores the page and its errors without the secrets in their addresses, whatever the client sent', async () => {
    const page = 'https://lms.example.ru/courses/7f3c?session=SESSION-SECRET&lesson=5';
    const reply = await createTicket(ts, alice, {
      ...validDrafts.technical,
      pageUrl: page,
      browser: { ...validDrafts.technical.browser, pageUrl: page },
      pageErrors: [
        { message: 'TypeError: x is null', source: 'at lmsBug (https://lms.example.ru/err.html?auth_token=TOKEN-SECRET&lesson=5:8:37)', at: FRIDAY_1630 },
        { message: 'Failed to fetch https://user:PASSWORD-SECRET@cdn.example.ru/a.js and https://cdn.example.ru/b.js?v=2', at: FRIDAY_1630 },
      ],
    });
    expect(reply.status, reply.text).toBe(201);
    const { ticket } = createTicketResponseSchema.parse(reply.body);
    const stored = (await call(ts, 'GET', `/agent/tickets/${ticket.id}`, { auth: agentAuth })).text;
    for (const secret of ['SESSION-SECRET', 'TOKEN-SECRET', 'PASSWORD-SECRET']) expect(stored).not.toContain(secret);
    expect(ticket.pageUrl).toBe('https://lms.example.ru/courses/7f3c?session=%E2%80%A6&lesson=5');
    expect(ticket.browser.pageUrl).toBe(ticket.pageUrl);
    expect(ticket.pageErrors?.[0]?.source).toBe('at lmsBug (https://lms.example.ru/err.html?auth_token=%E2%80%A6&lesson=5%3A8%3A37)');
    // An address without a secret stays exactly as written.
    expect(ticket.pageErrors?.[1]?.message).toBe('Failed to fetch https://cdn.example.ru/a.js and https://cdn.example.ru/b.js?v=2');
  });

  it('takes a page error\'s time only as a date and time with its zone', async () => {
    for (const at of ['вчера', '2026-11-27', '27.11.2026 16:30', '2026-11-27T13:30:00']) {
      const reply = await createTicket(ts, alice, { ...validDrafts.technical, pageErrors: [{ message: 'TypeError: x is null', at }] });
      expectError(reply, 422, 'validation_failed');
      expect(Object.keys((reply.body as { error: { fields: Record<string, string> } }).error.fields)).toEqual(['pageErrors.0.at']);
    }
    for (const at of [FRIDAY_1630, '2026-11-27T16:30:00+03:00']) {
      expect((await createTicket(ts, alice, { ...validDrafts.technical, pageErrors: [{ message: 'TypeError: x is null', at }] })).status).toBe(201);
    }
  });

  it('keeps a subject on one line, whatever line breaks an API client sent in it', async () => {
    const reply = await createTicket(ts, alice, { ...validDrafts.technical, subject: 'Не открывается урок\r\nBcc: all@example.ru\n\tсрочно' });
    expect(reply.status, reply.text).toBe(201);
    const { ticket } = createTicketResponseSchema.parse(reply.body);
    expect(ticket.subject).toBe('Не открывается урок Bcc: all@example.ru срочно');
    const line = (await call(ts, 'GET', `/agent/tickets?q=${encodeURIComponent('Bcc')}`, { auth: agentAuth })).text;
    expect(line).toContain('Не открывается урок Bcc: all@example.ru срочно');
    expect(ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: alice })).body).subject).toBe(ticket.subject);
  });

  it('reads one ticket with its events, validated by the core schema', async () => {
    const created = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.document)).body).ticket;
    const reply = await call(ts, 'GET', `/tickets/${created.id}`, { auth: alice });
    expect(reply.status).toBe(200);
    const ticket = ticketSchema.parse(reply.body);
    expect(ticket).toMatchObject({ id: created.id, category: 'document', documentUrl: 'https://lms.example.ru/files/doc-1.pdf' });
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('marks deadlines provisional in a year without a production calendar and warns naming the year', async () => {
    const future = await startTestServer({ clock: fixedClock('2031-03-04T07:00:00.000Z') });
    try {
      const reply = await createTicket(future, await userAuth(future, 'bob'), validDrafts.other);
      const { ticket } = createTicketResponseSchema.parse(reply.body);
      expect(ticket.deadlinesProvisional).toBe(true);
      expect(ticket.number).toBe('UP-2031-000001');
      expect(future.logs.some((line) => line.level === 'warn' && line.text.includes('2031') && line.text.includes('provisional'))).toBe(true);
    } finally {
      await future.cleanup();
    }
  });
});

describe('category rules: refused drafts say in Russian what is missing', () => {
  let ts: TestServer;
  let alice: string;
  beforeAll(async () => {
    ts = await startTestServer();
    alice = await userAuth(ts, 'alice');
  });
  afterAll(() => ts.cleanup());

  const { browser, subject, description, impact } = validDrafts.other as Ticket;
  const bare = { subject, description, impact, browser };
  const cases: Array<[Category, Record<string, unknown>, Record<string, string>]> = [
    ['course', {}, { 'course': 'Укажите курс: полное название и ссылку' }],
    ['course', { course: { title: 'Охрана труда' } }, { 'course.url': 'Укажите ссылку на курс' }],
    ['course', { course: { title: ' ', url: 'javascript:alert(1)' } }, { 'course.title': 'Укажите полное название курса', 'course.url': 'Вставьте ссылку на курс целиком: адрес страницы вместе с http:// или https://' }],
    ['test', { course: { title: 'Охрана труда', url: 'https://lms.example.ru/courses/1' } }, { testQuestion: 'Приведите текст вопроса теста' }],
    ['order', {}, { orderUrl: 'Укажите ссылку на заявку' }],
    ['document', { orderUrl: 'https://lms.example.ru/orders/1' }, { documentUrl: 'Укажите ссылку на документ' }],
    ['technical', {}, { steps: 'Опишите действия, которые приводят к ошибке' }],
  ];

  it.each(cases)('%s %j → 422 with the field message', async (category, extra, fields) => {
    const reply = await createTicket(ts, alice, { ...bare, category, ...extra });
    expectError(reply, 422, 'validation_failed');
    expect((reply.body as { error: { fields: Record<string, string> } }).error.fields).toMatchObject(fields);
  });

  it('common fields: subject, description, impact, category, too long text', async () => {
    const reply = await createTicket(ts, alice, { category: 'other', subject: 'x'.repeat(201), description: '', browser });
    expectError(reply, 422, 'validation_failed');
    expect((reply.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      subject: 'Слишком длинный текст: не больше 200 символов',
      description: 'Напишите, что случилось: без описания специалист не сможет помочь',
      impact: 'Укажите, насколько проблема мешает работе',
    });
    // A value that is not one of the options is told apart from a missing one.
    const unknownImpact = await createTicket(ts, alice, { ...bare, category: 'other', impact: 'critical' });
    expect((unknownImpact.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      impact: 'Выберите, насколько проблема мешает работе, из предложенных вариантов',
    });
    const noCategory = await createTicket(ts, alice, bare);
    expect((noCategory.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({ category: 'Выберите категорию обращения из списка' });
  });

  it('the test attempt date: not after today, one day ahead of the server allowed for users east of it', async () => {
    // 23:30 UTC on 30 November is already 1 December east of UTC+0:30 (02:30 in Moscow, 11:30 in Kamchatka).
    const late = await startTestServer({ clock: fixedClock('2026-11-30T23:30:00.000Z') });
    try {
      const auth = await userAuth(late, 'alice');
      const test = { ...validDrafts.test, category: 'test' as const };
      for (const date of ['2026-11-30', '2026-12-01']) {
        const reply = await createTicket(late, auth, { ...test, testAttemptDate: date });
        expect(reply.status, `${date}: ${reply.text}`).toBe(201);
      }
      for (const date of ['2026-12-02', '2030-12-31']) {
        const reply = await createTicket(late, auth, { ...test, testAttemptDate: date });
        expectError(reply, 422, 'validation_failed');
        expect((reply.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({
          testAttemptDate: 'Дата попытки не может быть позже сегодняшнего дня',
        });
      }
    } finally {
      await late.cleanup();
    }
  });

  it('suggestion and other need nothing beyond the common fields', async () => {
    for (const category of ['suggestion', 'other'] as const) {
      expect((await createTicket(ts, alice, { ...bare, category })).status).toBe(201);
    }
  });
});
