/**
 * The receipt of a new ticket, through a real SMTP server (smtp-server): its number, priority and both deadlines in
 * Moscow time, why it waits when sent after hours, in the reporter's language; never more than a few a day to one
 * guest address, which the counters do not keep.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';
import { mailbox } from '../../src/server/mailbox';
import { deliveryListSchema } from '../../src/server/schemas';
import { guestContact, validDrafts } from '../fixtures/drafts';
import { Smtp } from '../fixtures/receivers';
import type { Mail } from '../fixtures/receivers';
import { agentAuth, call, createTicket, expectError, guestAuth, newKey, profile, queryNumber, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

describe('the receipt of a new ticket', { timeout: 45_000 }, () => {
  const smtp = new Smtp();
  let ts: TestServer;
  // Monday 7 December 2026, 13:00 in Moscow: support is open.
  let now = new Date('2026-12-07T10:00:00Z');

  beforeAll(async () => {
    await smtp.start();
    ts = await startTestServer({
      clock: () => new Date(now.getTime()),
      config: {
        notifications: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Техподдержка <support@example.ru>', pollMs: 50, retryBaseMs: 20, retryMaxMs: 100 },
        guard: { ...DEFAULT_GUARD_LIMITS, sendsPerUserHour: 100_000, guestSendsPerIpHour: 100_000, receiptsPerAddressDay: 2 },
      },
    });
  });
  afterAll(async () => {
    await ts.cleanup();
    await smtp.stop();
  });

  const deliveries = async () => deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries', { auth: agentAuth })).body).deliveries;
  /** Waits until every delivery of the ticket was sent, and returns the e-mails that name it. */
  const mailsOf = async (ticket: { id: string; number: string }): Promise<Mail[]> => {
    await vi.waitFor(async () => expect((await deliveries()).filter((d) => d.ticketId === ticket.id && d.status !== 'sent')).toEqual([]), { timeout: 15_000, interval: 25 });
    return smtp.mails.filter((m) => m.subject.includes(ticket.number));
  };
  const created = (reply: { status: number; text: string; body: unknown }) => {
    expect(reply.status, reply.text).toBe(201);
    return createTicketResponseSchema.parse(reply.body).ticket;
  };

  it('tells a signed-in reporter the number, the priority and both deadlines in Moscow time, with a link to the ticket', async () => {
    const ticket = created(await createTicket(ts, await userAuth(ts, 'alice'), { ...validDrafts.technical, subject: 'Не открывается урок', pageUrl: 'https://lms.example.ru/courses/7' }));
    const [mail, ...more] = await mailsOf(ticket);
    expect(more).toEqual([]);
    expect(mail?.to).toBe('alice@example.ru');
    expect(mail?.subject).toBe(`Обращение № ${ticket.number}: зарегистрировано`);
    expect(mail?.headers['auto-submitted']).toBe('auto-generated');
    const lines = [
      `Здравствуйте, ${profile('alice').name}!`,
      '',
      `Обращение зарегистрировано: № ${ticket.number} «Не открывается урок».`,
      '',
      // «Мешает мне» in a technical ticket: normal. Looked at within 60 working minutes; resolved within two working
      // days of nine hours: Monday 13:00–17:00, Tuesday 8:00–17:00, Wednesday 8:00–13:00.
      'Приоритет: обычный.',
      'Специалист посмотрит его до пн, 7 декабря, 14:00 МСК.',
      'Срок решения: до ср, 9 декабря, 13:00 МСК.',
      '',
      `Открыть обращение: https://lms.example.ru/courses/7#uchi-support=${ticket.number}`,
    ];
    expect(mail?.text).toContain(lines.join('\n'));
    expect(mail?.text).not.toContain('нерабочее');
    expect(mail?.html).toContain('Приоритет: обычный.<br>Специалист посмотрит его до пн, 7 декабря, 14:00 МСК.<br>Срок решения: до ср, 9 декабря, 13:00 МСК.');
    // The same as the widget's confirmation.
    expect([ticket.priority, ticket.reviewDueAt, ticket.resolveDueAt]).toEqual(['normal', '2026-12-07T11:00:00.000Z', '2026-12-09T10:00:00.000Z']);
  });

  it('sent after hours, says why the review waits for the next working day; in English for a reporter whose browser prefers it', async () => {
    // Saturday 12 December 2026, 20:00 in Moscow.
    now = new Date('2026-12-12T17:00:00Z');
    const reply = await call(ts, 'POST', '/tickets', {
      auth: await userAuth(ts, 'bob'),
      json: { ...validDrafts.technical, impact: 'blocks_everyone', subject: 'Video does not play' },
      headers: { 'idempotency-key': newKey(), 'accept-language': 'en-GB,en;q=0.9' },
    });
    const ticket = created(reply);
    const [mail] = await mailsOf(ticket);
    expect(mail?.subject).toBe(`Request ${ticket.number}: registered`);
    expect(mail?.text).toContain(
      [
        `Your request is registered: ${ticket.number} “Video does not play”.`,
        '',
        // High: four working hours from Monday's opening.
        'Priority: high.',
        'A specialist will look at it by Mon, December 14, 09:00 Moscow time.',
        'It should be resolved by Mon, December 14, 12:00 Moscow time.',
        'Support works on working days from 8:00 to 17:00 Moscow time: a request sent outside these hours is looked at on the next working day.',
      ].join('\n'),
    );
    // Russian only in the reporter's own name.
    expect(mail?.text.replace(profile('bob').name, '')).not.toMatch(/[А-Яа-яЁё]/u);
    now = new Date('2026-12-07T10:00:00Z');
  });

  it('a guest address gets at most its receipts of the day, whoever files them; the ticket is registered all the same', async () => {
    const draftFor = (email: string) => ({ ...validDrafts.technical, subject: 'Позвоните +7 900 000-00-00', contact: { ...guestContact, email }, consent: true as const });
    const guestTicket = async (email: string) => created(await createTicket(ts, guestAuth(), draftFor(email)));
    const guest = guestAuth();
    const key = newKey();
    const first = created(await createTicket(ts, guest, draftFor('victim@example.ru'), key));
    const [receipt] = await mailsOf(first);
    // Nothing the guest typed: not the subject, not the name.
    expect(receipt?.text).toMatch(new RegExp(`^Здравствуйте!\\n\\nОбращение зарегистрировано: № ${first.number}\\.\\n\\nПриоритет: обычный\\.`, 'u'));
    expect(`${receipt?.subject ?? ''}${receipt?.text ?? ''}${receipt?.html ?? ''}`).not.toMatch(/900|Петров/u);
    expect(receipt?.text).toContain('Письма приходят, только когда обращение зарегистрировано и когда специалист задаёт вопрос, пишет, отвечает или закрывает его.');
    // The e-mails carry no key (anyone may have typed the address), and say how to open the ticket elsewhere.
    expect(receipt?.text).toContain('Открыть обращение на другом устройстве можно по его номеру и ключу доступа, показанному после отправки.');
    // What registers nothing is not counted: replays of the create, its key reused for another body, a follow-up of
    // no ticket, a send the check refuses as several problems.
    for (let i = 0; i < 3; i += 1) expect((await createTicket(ts, guest, draftFor('victim@example.ru'), key)).headers.get('idempotent-replayed')).toBe('true');
    expectError(await createTicket(ts, guest, { ...draftFor('victim@example.ru'), description: 'Другое описание.' }, key), 409);
    expectError(await createTicket(ts, guestAuth(), { ...draftFor('victim@example.ru'), followUpOf: 'UP-2026-999999' }), 404);
    const several = await createTicket(ts, guestAuth(), {
      ...validDrafts.technical,
      description: 'Не открывается видео в курсе «Охрана труда». Кроме того, в отчёте по группе неверные даты.',
      contact: { ...guestContact, email: 'victim@example.ru' },
      consent: true as const,
    });
    expectError(several, 422, 'several_problems');
    // Another browser, the address written otherwise (a +tag reaches the same mailbox): the second and last
    // receipt of the day.
    expect(await mailsOf(await guestTicket('Victim+promo@Example.ru'))).toHaveLength(1);
    const third = await guestTicket('victim@example.ru');
    expect(await mailsOf(third)).toEqual([]);
    expect((await call(ts, 'GET', `/agent/tickets/${third.id}`, { auth: agentAuth })).status).toBe(200);
    // Support's own e-mails about it still go.
    expect((await call(ts, 'POST', `/agent/tickets/${third.id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Ответ' } })).status).toBe(200);
    expect((await mailsOf(third)).map((m) => m.subject)).toEqual([`Обращение № ${third.number}: специалист ответил`]);
    // Another address has its own.
    expect(await mailsOf(await guestTicket('someone@example.ru'))).toHaveLength(1);
    // The counters keep no address, only its keyed hash.
    expect(queryNumber(ts.dbPath, "SELECT COUNT(*) FROM rate_counters WHERE key LIKE 'receipts:%'")).toBe(2);
    expect(queryNumber(ts.dbPath, "SELECT COUNT(*) FROM rate_counters WHERE key LIKE '%@%' OR key LIKE '%victim%'")).toBe(0);
    // The next day, the address gets receipts again.
    now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    expect(await mailsOf(await guestTicket('victim@example.ru'))).toHaveLength(1);
  });

  it('counts a mailbox however its address is written: case, +tags, and a Gmail address\'s dots', () => {
    const same: Array<[string, string]> = [['Victim@Example.ru', 'victim+1@example.ru'], ['j.smith+x@gmail.com', 'JSmith@googlemail.com']];
    for (const [one, other] of same) expect(mailbox(one)).toBe(mailbox(other));
    expect(mailbox('j.smith@example.ru')).not.toBe(mailbox('jsmith@example.ru'));
    expect(mailbox('a@example.ru')).not.toBe(mailbox('a@example.com'));
    expect(mailbox(' J.Smith+X@GMail.com ')).toBe('jsmith@gmail.com');
  });

  it('a signed-in reporter gets every receipt, however many tickets; none when their e-mails are off', async () => {
    const carol = await userAuth(ts, 'carol');
    for (let i = 0; i < 3; i += 1) expect(await mailsOf(created(await createTicket(ts, carol, validDrafts.course)))).toHaveLength(1);
    expect((await call(ts, 'PUT', '/me/notifications', { auth: carol, json: { email: false } })).status).toBe(200);
    const silent = created(await createTicket(ts, carol, validDrafts.course));
    expect(await mailsOf(silent)).toEqual([]);
    expect((await deliveries()).filter((d) => d.ticketId === silent.id && d.kind === 'email')).toEqual([]);
  });
});
