/**
 * The outbox with real receivers: an SMTP server (smtp-server) and an HTTP desk started here. E-mails reach the
 * reporter once per specialist change, never for their own actions or after an opt-out; an SMTP outage keeps
 * the row pending until the server is back; a failing desk gets the same event id until it accepts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema, notificationPrefsSchema } from '../../src/core';
import { deliveryListSchema } from '../../src/server/schemas';
import { guestContact, validDrafts } from '../fixtures/drafts';
import { Desk, Smtp, verify } from '../fixtures/receivers';
import { agentAuth, ALLOWED_ORIGIN, call, createTicket, expectError, guestAuth, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

const WEBHOOK_SECRET = 'whsec-test-0123456789-abcdefghijklmnopqrstuvwxyz';

// Waits are for conditions only; their generous limits and the test timeout leave room for a busy machine.
describe('outbox: e-mails and webhooks', { timeout: 45_000 }, () => {
  const smtp = new Smtp();
  let failuresLeft = 0;
  const desk = new Desk(() => (failuresLeft-- > 0 ? 500 : 200));
  const hits = desk.hits;
  let ts: TestServer;
  let alice: string;

  beforeAll(async () => {
    await smtp.start();
    await desk.start();
    ts = await startTestServer({
      config: {
        notifications: {
          smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
          mailFrom: 'Техподдержка <support@example.ru>',
          webhookUrls: [desk.url],
          webhookSecret: WEBHOOK_SECRET,
          pollMs: 50,
          retryBaseMs: 20,
          retryMaxMs: 100,
        },
      },
    });
    alice = await userAuth(ts, 'alice');
  });
  afterAll(async () => {
    await ts.cleanup();
    await smtp.stop();
    await desk.stop();
  });

  const newTicket = async (auth: string, draft = validDrafts.technical) =>
    createTicketResponseSchema.parse((await createTicket(ts, auth, draft)).body).ticket;
  const agentStatus = (id: string, status: string, text?: string) =>
    call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status, ...(text === undefined ? {} : { text }) } });
  const deliveries = async (status?: string) =>
    deliveryListSchema.parse((await call(ts, 'GET', `/agent/deliveries${status === undefined ? '' : `?status=${status}`}`, { auth: agentAuth })).body).deliveries;
  /** Waits until every queued delivery of the ticket left the pending state. */
  const settled = (ticketId: string) =>
    vi.waitFor(async () => expect((await deliveries('pending')).filter((d) => d.ticketId === ticketId)).toEqual([]), { timeout: 15_000, interval: 25 });

  it('a specialist’s answer sends exactly one e-mail with the number in the subject and the deep link; the reporter’s message none', async () => {
    const ticket = await newTicket(alice, { ...validDrafts.technical, subject: 'Не <b>открывается</b> курс', pageUrl: 'https://lms.example.ru/courses/7#top' });
    await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: alice, json: { text: 'Ещё деталь' } });
    expect((await agentStatus(ticket.id, 'answered', 'Очистите кэш & <перезайдите>')).status).toBe(200);
    await settled(ticket.id);
    const mine = smtp.mails.filter((m) => m.subject.includes(ticket.number));
    expect(mine).toHaveLength(1);
    const [mail] = mine;
    expect(mail?.to).toBe('alice@example.ru');
    expect(mail?.subject).toBe(`Обращение № ${ticket.number}: специалист ответил на обращение`);
    expect(mail?.text).toContain(`https://lms.example.ru/courses/7#uchi-support=${ticket.number}`);
    expect(mail?.text).toContain('Очистите кэш & <перезайдите>');
    expect(mail?.html).toContain(`href="https://lms.example.ru/courses/7#uchi-support=${ticket.number}"`);
    expect(mail?.html).toContain('Очистите кэш &#38; &#60;перезайдите&#62;');
    expect(mail?.html).not.toContain('<b>открывается</b>');
    // A signed-in user turns e-mails off in the widget's settings, and the e-mail says where.
    expect(mail?.text).toContain('Отключить письма можно в настройках виджета техподдержки.');
    // Created, the reporter's message and the answer: three webhooks, one e-mail.
    const rows = (await deliveries()).filter((d) => d.ticketId === ticket.id);
    expect(rows.filter((d) => d.kind === 'email')).toHaveLength(1);
    expect(rows.filter((d) => d.kind === 'webhook')).toHaveLength(3);
    expect(rows.every((d) => d.status === 'sent')).toBe(true);
  });

  it('a guest’s e-mail links only to an LMS that embeds the widget, never to a site the guest typed', async () => {
    const mailOf = async (lmsUrl: string, pageUrl: string) => {
      const draft = { ...validDrafts.technical, pageUrl, contact: { ...guestContact, lmsUrl }, consent: true as const };
      const ticket = await newTicket(guestAuth(), draft);
      await agentStatus(ticket.id, 'clarification_requested', 'Какой браузер?');
      await settled(ticket.id);
      const mine = smtp.mails.filter((m) => m.subject.includes(ticket.number));
      expect(mine).toHaveLength(1);
      return { mail: mine[0], number: ticket.number };
    };
    const foreign = await mailOf('https://evil.example', 'https://evil.example/login');
    expect(foreign.mail?.to).toBe(guestContact.email);
    expect(foreign.mail?.text).not.toContain('evil.example');
    expect(foreign.mail?.html).not.toContain('evil.example');
    expect(foreign.mail?.html).not.toContain('<a ');
    const embedding = await mailOf(ALLOWED_ORIGIN, `${ALLOWED_ORIGIN}/courses/7`);
    expect(embedding.mail?.text).toContain(`${ALLOWED_ORIGIN}/courses/7#uchi-support=${embedding.number}`);
    // A guest has no widget settings: the e-mail promises none, and says when e-mails come.
    for (const mail of [foreign.mail, embedding.mail]) {
      expect(mail?.text).not.toContain('настройках');
      expect(mail?.html).not.toContain('настройках');
      expect(mail?.text).toContain('Письма приходят, только когда специалист задаёт вопрос, отвечает или закрывает ваше обращение.');
    }
  });

  it('after an opt-out no e-mail is queued; the preference reads back and is validated', async () => {
    const bob = await userAuth(ts, 'bob');
    expect(notificationPrefsSchema.parse((await call(ts, 'GET', '/me/notifications', { auth: bob })).body)).toEqual({ email: true });
    expectError(await call(ts, 'PUT', '/me/notifications', { auth: bob, json: { email: 'no' } }), 422, 'validation_failed');
    expectError(await call(ts, 'PUT', '/me/notifications', { json: { email: false } }), 401);
    expect((await call(ts, 'PUT', '/me/notifications', { auth: bob, json: { email: false } })).status).toBe(200);
    expect((await call(ts, 'GET', '/me/notifications', { auth: bob })).body).toEqual({ email: false });
    const ticket = await newTicket(bob);
    await agentStatus(ticket.id, 'resolved', 'Готово');
    await settled(ticket.id);
    expect((await deliveries()).filter((d) => d.ticketId === ticket.id && d.kind === 'email')).toEqual([]);
    expect(smtp.mails.filter((m) => m.subject.includes(ticket.number))).toEqual([]);
  });

  it('SMTP down: the e-mail stays pending with attempts and the error; back up: delivered exactly once', async () => {
    await smtp.stop();
    const ticket = await newTicket(alice);
    await agentStatus(ticket.id, 'clarification_requested', 'Какой браузер?');
    await vi.waitFor(async () => {
      const [row] = (await deliveries('pending')).filter((d) => d.ticketId === ticket.id && d.kind === 'email');
      expect(row?.attempts).toBeGreaterThanOrEqual(2);
      expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
    }, { timeout: 15_000, interval: 25 });
    await smtp.start();
    await vi.waitFor(async () => {
      const [row] = (await deliveries('sent')).filter((d) => d.ticketId === ticket.id && d.kind === 'email');
      expect(row).toBeDefined();
    }, { timeout: 15_000, interval: 25 });
    await settled(ticket.id);
    expect(smtp.mails.filter((m) => m.subject.includes(ticket.number))).toHaveLength(1);
  });

  it('a desk answering 500 three times gets the same event id each time and accepts it once; the signature verifies', async () => {
    const ticket = await newTicket(alice);
    await settled(ticket.id);
    const before = hits.length;
    failuresLeft = 3;
    await agentStatus(ticket.id, 'in_progress');
    await settled(ticket.id);
    const attempts = hits.slice(before);
    expect(attempts).toHaveLength(4);
    const ids = new Set(attempts.map((hit) => hit.headers['x-uchi-event-id']));
    expect(ids.size).toBe(1);
    const body = JSON.parse(attempts[3]?.body ?? '{}') as { id: number; type: string; ticket: { id: string; number: string; status: string }; event: { id: number; actor: string } };
    expect(body).toMatchObject({ type: 'ticket.status', ticket: { id: ticket.id, number: ticket.number, status: 'in_progress' }, event: { actor: 'support' } });
    expect(String(body.id)).toBe([...ids][0]);
    expect(body.event.id).toBe(body.id);
    const [row] = (await deliveries('sent')).filter((d) => d.eventId === body.id);
    expect(row).toMatchObject({ attempts: 4, lastError: null, kind: 'webhook' });
    const now = Math.floor(Date.now() / 1000);
    for (const hit of attempts) {
      const signature = hit.headers['x-uchi-signature'] as string;
      expect(signature.startsWith(`t=${String(hit.headers['x-uchi-timestamp'])},`)).toBe(true);
      expect(verify(WEBHOOK_SECRET, signature, hit.body, now)).toBe(true);
      expect(verify('another-secret-of-the-same-length-0123456789', signature, hit.body, now)).toBe(false);
      expect(verify(WEBHOOK_SECRET, signature, hit.body.replace('in_progress', 'resolved'), now)).toBe(false);
      expect(verify(WEBHOOK_SECRET, signature, hit.body, now + 301)).toBe(false);
    }
  });

  it('the delivery log is agent-only and validates its filter', async () => {
    expectError(await call(ts, 'GET', '/agent/deliveries', { auth: alice }), 403);
    expectError(await call(ts, 'GET', '/agent/deliveries?status=bogus', { auth: agentAuth }), 400, 'bad_request');
  });
});

describe('outbox: giving up', { timeout: 45_000 }, () => {
  let ts: TestServer;
  const desk = new Desk(() => 503);
  beforeAll(async () => {
    await desk.start();
    // Given up as soon as the next retry would fall after the event's age limit. How many attempts fit in it
    // depends on how busy the machine is, so the test counts them rather than expecting a number.
    ts = await startTestServer({
      config: {
        notifications: {
          webhookUrls: [desk.url],
          webhookSecret: WEBHOOK_SECRET,
          pollMs: 50,
          retryBaseMs: 20,
          retryMaxMs: 40,
          giveUpMs: 200,
        },
      },
    });
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  it('a desk that keeps failing ends as a failed delivery with its attempts and last error', async () => {
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, await userAuth(ts, 'carol'), validDrafts.technical)).body).ticket;
    await vi.waitFor(async () => {
      const list = deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries?status=failed', { auth: agentAuth })).body).deliveries;
      const [row] = list.filter((d) => d.ticketId === ticket.id);
      expect(row).toMatchObject({ kind: 'webhook', status: 'failed', lastError: 'HTTP 503', nextAttemptAt: null });
    }, { timeout: 15_000, interval: 25 });
    const pending = deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries?status=pending', { auth: agentAuth })).body).deliveries;
    expect(pending.filter((d) => d.ticketId === ticket.id)).toEqual([]);
    // Every attempt the row counts reached the desk (its only delivery), and none came after the give-up.
    const [failed] = deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries?status=failed', { auth: agentAuth })).body).deliveries.filter((d) => d.ticketId === ticket.id);
    expect(failed?.attempts).toBeGreaterThanOrEqual(1);
    expect(desk.hits).toHaveLength(failed?.attempts ?? -1);
  });
});
