/**
 * The outbox with real receivers: an SMTP server (smtp-server) and an HTTP desk started here. E-mails reach the
 * reporter once per specialist change, never for their own actions or after an opt-out; an SMTP outage keeps
 * the row pending until the server is back; a failing desk gets the same event id until it accepts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachmentSchema, createTicketResponseSchema, notificationPrefsSchema } from '../../src/core';
import type { Ticket } from '../../src/core';
import { UNLISTED, UNSUBSCRIBED } from '../../src/server/outbox/dispatcher';
import { deliveryListSchema, deliverySchema } from '../../src/server/schemas';
import { guestContact, validDrafts } from '../fixtures/drafts';
import { Desk, Smtp, verify } from '../fixtures/receivers';
import { fileForm, pngImage } from './images';
import type { Mail } from '../fixtures/receivers';
import { agentAuth, ALLOWED_ORIGIN, call, createTicket, expectError, guestAuth, newKey, profile, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

const WEBHOOK_SECRET = 'whsec-test-0123456789-abcdefghijklmnopqrstuvwxyz';
const PUBLIC_URL = 'https://support.example.ru';

// Waits are for conditions only; their generous limits and the test timeout leave room for a busy machine.
/** The unsubscribe link in an e-mail's text. */
function unsubscribeLinkOf(mail: Mail | undefined): string {
  const link = /Отписаться от писем техподдержки: (\S+)/u.exec(mail?.text ?? '')?.[1];
  expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/api/v1/email/unsubscribe\\?t=e\\.[A-Za-z0-9_-]+$`, 'u'));
  // Whose e-mails it stops is not readable in it: relays, proxies and their logs see the link.
  expect(link).not.toMatch(/ZW1haWw6|dXNlcjo|@|%40/u);
  return link ?? '';
}

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
          mailFromEn: 'Support <support@example.ru>',
          webhookUrls: [desk.url],
          webhookSecret: WEBHOOK_SECRET,
          pollMs: 50,
          retryBaseMs: 20,
          retryMaxMs: 100,
        },
        // Where the e-mails' links say the API is; the tests call the path on the test server.
        publicUrl: PUBLIC_URL,
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
    const mine = smtp.about(ticket.number);
    expect(mine).toHaveLength(1);
    const [mail] = mine;
    expect(mail?.to).toBe('alice@example.ru');
    expect(mail?.subject).toBe(`Обращение № ${ticket.number}: специалист ответил`);
    expect(mail?.text).toContain(`https://lms.example.ru/courses/7#uchi-support=${ticket.number}`);
    expect(mail?.text).toContain('Очистите кэш & <перезайдите>');
    expect(mail?.html).toContain(`href="https://lms.example.ru/courses/7#uchi-support=${ticket.number}"`);
    expect(mail?.html).toContain('Очистите кэш &#38; &#60;перезайдите&#62;');
    expect(mail?.html).not.toContain('<b>открывается</b>');
    // A signed-in user turns e-mails off in the widget's settings, and the e-mail says where.
    expect(mail?.text).toContain('Отключить письма можно в настройках виджета техподдержки или по ссылке ниже.');
    // …and with the e-mail's own link, which mail clients offer as one click (RFC 8058).
    const link = unsubscribeLinkOf(mail);
    expect(mail?.headers['list-unsubscribe']).toBe(`<${link}>`);
    expect(mail?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // Out-of-office replies do not answer a machine (RFC 3834).
    expect(mail?.headers['auto-submitted']).toBe('auto-generated');
    expect(mail?.html).toContain(`href="${link}"`);
    // Created, the reporter's message and the answer: three webhooks, two e-mails (the receipt and the answer).
    const rows = (await deliveries()).filter((d) => d.ticketId === ticket.id);
    expect(rows.filter((d) => d.kind === 'email').map((d) => d.type).sort()).toEqual(['ticket.created', 'ticket.status']);
    expect(rows.filter((d) => d.kind === 'webhook')).toHaveLength(3);
    expect(rows.every((d) => d.status === 'sent')).toBe(true);
  });

  it('a guest’s e-mail links only to the front page of an LMS that embeds the widget, and carries nothing else the guest wrote', async () => {
    const lure = 'Ваш аккаунт заблокирован: позвоните +7 900 000-00-00';
    const mailOf = async (lmsUrl: string, pageUrl: string) => {
      const draft = { ...validDrafts.technical, subject: lure, pageUrl, contact: { ...guestContact, fullName: `${lure} или войдите на evil-uchi.example`, lmsUrl }, consent: true as const };
      const ticket = await newTicket(guestAuth(), draft);
      await agentStatus(ticket.id, 'clarification_requested', 'Какой браузер?');
      await settled(ticket.id);
      const mine = smtp.about(ticket.number);
      expect(mine).toHaveLength(1);
      return { mail: mine[0], number: ticket.number };
    };
    const foreign = await mailOf('https://evil.example', 'https://evil.example/login');
    expect(foreign.mail?.to).toBe(guestContact.email);
    expect(foreign.mail?.text).not.toContain('evil.example');
    expect(foreign.mail?.html).not.toContain('evil.example');
    // Its only link is the unsubscribe one, to support's own address.
    expect([...(foreign.mail?.html ?? '').matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([unsubscribeLinkOf(foreign.mail)]);
    // Not the page the guest named: its path and query could go on to another site through a redirect of the LMS.
    const embedding = await mailOf(ALLOWED_ORIGIN, `${ALLOWED_ORIGIN}/redirect?to=https://evil.example/`);
    expect(embedding.mail?.text).toContain(`Ответить на вопрос: ${ALLOWED_ORIGIN}/#uchi-support=${embedding.number}`);
    // A guest has no widget settings: the e-mail promises none, and says when e-mails come. It greets nobody by the
    // name typed and names the ticket by its number alone: support's own e-mail says nothing the guest chose.
    for (const mail of [foreign.mail, embedding.mail]) {
      for (const body of [mail?.text, mail?.html, mail?.subject]) {
        expect(body).not.toContain('заблокирован');
        expect(body).not.toContain('evil');
      }
      expect(mail?.text).toMatch(/^Здравствуйте!\n\nСпециалист задал вопрос по обращению: № UP-\d{4}-\d{6}\./u);
      expect(mail?.text).not.toContain('настройках');
      expect(mail?.html).not.toContain('настройках');
      expect(mail?.text).toContain('Письма приходят, только когда обращение зарегистрировано и когда специалист задаёт вопрос, пишет, отвечает или закрывает его.');
    }
  });

  it('tells the reporter a suggestion was passed on, and after a resolution how to rate and continue; quotes in a subject nest', async () => {
    const ticket = await newTicket(alice, { ...validDrafts.suggestion, subject: 'Добавить в курс «Охрана труда» тест?' });
    expect((await agentStatus(ticket.id, 'suggestion')).status).toBe(200);
    expect((await agentStatus(ticket.id, 'resolved', 'Добавим в следующем выпуске.')).status).toBe(200);
    await settled(ticket.id);
    // Two e-mails, in whichever order they reached the mail server.
    const mails = smtp.about(ticket.number);
    expect(mails.map((mail) => mail.subject).sort()).toEqual([`Обращение № ${ticket.number}: вопрос решён`, `Обращение № ${ticket.number}: передано как предложение`]);
    const suggestion = mails.find((mail) => mail.subject.endsWith('предложение'));
    const resolved = mails.find((mail) => mail.subject.endsWith('решён'));
    // Russian nests „…“ inside «…», and a subject that ends a sentence takes no full stop after it.
    expect(suggestion?.text).toContain(`Обращение передано как предложение по доработке СДО: № ${ticket.number} «Добавить в курс „Охрана труда“ тест?»\n`);
    expect(resolved?.text).toContain('Добавим в следующем выпуске.\n\nОценить ответ можно в обращении. Если проблема вернётся, в течение 30 дней обращение можно продолжить оттуда же.');
    expect(resolved?.html).toContain('<p>Оценить ответ можно в обращении.');
    expect(suggestion?.text).not.toContain('Оценить');
  });

  it('writes to a reporter whose browser prefers English in English, the unsubscribe pages too; to anyone else in Russian', async () => {
    const created = await call(ts, 'POST', '/tickets', {
      auth: alice,
      json: { ...validDrafts.technical, subject: 'Video does not play', pageUrl: 'https://lms.example.ru/courses/7' },
      headers: { 'idempotency-key': newKey(), 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' },
    });
    expect(created.status, created.text).toBe(201);
    const ticket = createTicketResponseSchema.parse(created.body).ticket;
    // Support reads which language the reporter used, and answers in it; a ticket sent otherwise is Russian.
    const language = async (id: string) => ((await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })).body as { language: string }).language;
    expect(await language(ticket.id)).toBe('en');
    expect(await language((await newTicket(alice)).id)).toBe('ru');
    expect((await agentStatus(ticket.id, 'clarification_requested', 'Which browser do you use?')).status).toBe(200);
    await settled(ticket.id);
    const [mail] = smtp.about(ticket.number);
    expect(mail?.subject).toBe(`Request ${ticket.number}: a specialist has a question`);
    // From the sender's English name (SUPPORT_MAIL_FROM_EN); a Russian e-mail from the Russian one.
    expect(mail?.headers['from']).toBe('Support <support@example.ru>');
    expect(smtp.mails.find((m) => m.subject.startsWith('Обращение'))?.headers['from']).toMatch(/^=\?UTF-8\?.*<support@example\.ru>$|^Техподдержка <support@example\.ru>$/u);
    expect(mail?.text).toContain(`Hello, ${profile('alice').name}!`);
    expect(mail?.text).toContain(`A specialist has a question about your request: ${ticket.number} “Video does not play”.`);
    expect(mail?.text).toContain(`Answer the question: https://lms.example.ru/courses/7#uchi-support=${ticket.number}`);
    expect(mail?.text).toContain('You can turn these e-mails off in the support widget’s settings or with the link below.');
    expect(mail?.text).not.toMatch(/Здравствуйте|Отписаться|Обращение/u);
    expect(mail?.html).toContain('<html lang="en">');
    const link = /Unsubscribe from support e-mails: (\S+)/u.exec(mail?.text ?? '')?.[1] ?? '';
    const path = link.slice(`${PUBLIC_URL}/api/v1`.length);
    const asked = await call(ts, 'GET', path, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('<html lang="en">');
    expect(asked.text).toContain('<title>Unsubscribe from support e-mails? — Support</title>');
    expect(asked.text).toMatch(/<button type="submit">Unsubscribe<\/button>/);
    // The page follows the visitor's browser, the e-mail the reporter's at the time of sending.
    expect((await call(ts, 'GET', path, { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' } })).text).toContain('Отписаться от писем техподдержки?');
    expect((await call(ts, 'GET', '/email/unsubscribe?t=x.y', { headers: { 'accept-language': 'en' } })).text).toContain('This link does not work');
  });

  it('a guest unsubscribes with the e-mail’s link: opening it changes nothing, the one-click POST stops the e-mails to that address only; a forged link changes nothing; the page turns them back on', async () => {
    const guest = guestAuth();
    const guestTicket = async (auth = guest, email = 'unsubscriber@example.ru') =>
      newTicket(auth, { ...validDrafts.technical, contact: { ...guestContact, email }, consent: true as const });
    const emailsOf = async (ticketId: string) => (await deliveries()).filter((d) => d.ticketId === ticketId && d.kind === 'email');
    const first = await guestTicket();
    await agentStatus(first.id, 'clarification_requested', 'Какой браузер?');
    await settled(first.id);
    const [mail] = smtp.about(first.number);
    const link = unsubscribeLinkOf(mail);
    expect(mail?.text).toContain(`Отписаться от писем техподдержки: ${link}`);
    expect(mail?.headers['list-unsubscribe']).toBe(`<${link}>`);
    const path = link.slice(`${PUBLIC_URL}/api/v1`.length);

    // Opening the link (a person, a mail scanner, a preview) asks; it does not unsubscribe.
    const asked = await call(ts, 'GET', path);
    expect(asked.status).toBe(200);
    expect(asked.headers.get('content-type')).toContain('text/html');
    expect(asked.headers.get('content-security-policy')).toMatch(/default-src 'none'.*form-action 'self'/);
    expect(asked.text).toContain('Отписаться от писем техподдержки?');
    // Named by the sender of the e-mails (SUPPORT_MAIL_FROM's display name), not by the product.
    expect(asked.text).toContain('<title>Отписаться от писем техподдержки? — Техподдержка</title>');
    expect(asked.text).toMatch(/<form method="post" action="\.\/unsubscribe\?t=[A-Za-z0-9_.-]+"><button type="submit">Отписаться<\/button>/);
    await agentStatus(first.id, 'answered', 'Обновите браузер');
    await settled(first.id);
    // The receipt, the question and the answer.
    expect(await emailsOf(first.id)).toHaveLength(3);

    // A forged, altered or missing token: a page that says so, and nothing changes.
    const token = new URL(link).searchParams.get('t') ?? '';
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [`?t=${altered}`, '?t=dXNlcjox.AAAAAAAAAAAAAAAAAAAAAA', '', `?t=${token}&t=${token}`]) {
      for (const method of ['GET', 'POST']) {
        const refused = await call(ts, method, `/email/unsubscribe${bad}`);
        expect(refused.status, `${method} ${bad}`).toBe(400);
        expect(refused.text).toContain('Ссылка не работает');
      }
    }
    await agentStatus(first.id, 'in_progress');
    await agentStatus(first.id, 'clarification_requested', 'А версия?');
    await settled(first.id);
    expect(await emailsOf(first.id)).toHaveLength(4);

    // What a mail client's «Отписаться» sends: no cookie, no sign-in, the form body of RFC 8058.
    const done = await call(ts, 'POST', path, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Вы отписались');
    expect(done.text).toContain('Снова получать письма');
    await agentStatus(first.id, 'resolved', 'Готово');
    const second = await guestTicket();
    await agentStatus(second.id, 'answered', 'Ответ');
    await settled(first.id);
    await settled(second.id);
    expect(await emailsOf(first.id)).toHaveLength(4);
    // Not even the receipt.
    expect(await emailsOf(second.id)).toEqual([]);
    // The address said no: a ticket from another browser (another guest key) naming it gets no e-mail either;
    // another address still gets its own.
    const elsewhere = await guestTicket(guestAuth(), 'UNSUBSCRIBER@example.ru');
    // Nor the same mailbox under a +tag, which most mail services deliver to it.
    const tagged = await guestTicket(guestAuth(), 'unsubscriber+shop@example.ru');
    const other = await guestTicket(guest, 'other@example.ru');
    await agentStatus(elsewhere.id, 'answered', 'Ответ');
    await agentStatus(tagged.id, 'answered', 'Ответ');
    await agentStatus(other.id, 'answered', 'Ответ');
    await settled(elsewhere.id);
    await settled(tagged.id);
    await settled(other.id);
    expect(await emailsOf(elsewhere.id)).toEqual([]);
    expect(await emailsOf(tagged.id)).toEqual([]);
    expect(await emailsOf(other.id)).toHaveLength(2);
    // Nor does a signed-in account whose LMS profile names that address.
    const named = await newTicket(await userAuth(ts, 'unsubscriber'));
    await agentStatus(named.id, 'answered', 'Ответ');
    await settled(named.id);
    expect(await emailsOf(named.id)).toEqual([]);

    // The page after unsubscribing turns them back on.
    const again = await call(ts, 'POST', path.replace('/email/unsubscribe', '/email/resubscribe'));
    expect(again.status).toBe(200);
    expect(again.text).toContain('Письма снова включены');
    const third = await guestTicket();
    await agentStatus(third.id, 'answered', 'Ответ');
    await settled(third.id);
    expect(await emailsOf(third.id)).toHaveLength(2);
  });

  it('an unsubscribe holds for the mailbox however its address is written, and for the account whose profile names it with a +tag', async () => {
    const ticketTo = (email: string) => newTicket(guestAuth(), { ...validDrafts.technical, contact: { ...guestContact, email }, consent: true as const });
    const emailsOf = async (ticketId: string) => (await deliveries()).filter((d) => d.ticketId === ticketId && d.kind === 'email');
    const first = await ticketTo('mary+shop@example.ru');
    await agentStatus(first.id, 'answered', 'Ответ');
    await settled(first.id);
    const link = unsubscribeLinkOf(smtp.about(first.number)[0]);
    expect((await call(ts, 'POST', link.slice(`${PUBLIC_URL}/api/v1`.length))).status).toBe(200);
    for (const spelling of ['mary@example.ru', 'Mary+news@example.ru']) {
      const ticket = await ticketTo(spelling);
      await agentStatus(ticket.id, 'answered', 'Ответ');
      await settled(ticket.id);
      expect(await emailsOf(ticket.id), spelling).toEqual([]);
    }
    // The account whose token names the mailbox with a tag of its own: its switch says off, and on turns it back on.
    const mary = await userAuth(ts, 'mary+lms');
    expect((await call(ts, 'GET', '/me/notifications', { auth: mary })).body).toEqual({ email: false });
    expect((await call(ts, 'PUT', '/me/notifications', { auth: mary, json: { email: true } })).status).toBe(200);
    expect((await call(ts, 'GET', '/me/notifications', { auth: mary })).body).toEqual({ email: true });
    const again = await newTicket(mary);
    await settled(again.id);
    expect(await emailsOf(again.id)).toHaveLength(1);
  });

  it('a signed-in user whose address was unsubscribed as a guest sees the switch off, and turning it on turns the address back on', async () => {
    const guestTicket = await newTicket(guestAuth(), { ...validDrafts.technical, contact: { ...guestContact, email: 'Returning@example.ru' }, consent: true as const });
    await agentStatus(guestTicket.id, 'answered', 'Ответ');
    await settled(guestTicket.id);
    const link = unsubscribeLinkOf(smtp.about(guestTicket.number)[0]);
    expect((await call(ts, 'POST', link.slice(`${PUBLIC_URL}/api/v1`.length))).status).toBe(200);
    // The account whose LMS profile has that address gets no e-mail, and its switch says so.
    const returning = await userAuth(ts, 'returning');
    expect((await call(ts, 'GET', '/me/notifications', { auth: returning })).body).toEqual({ email: false });
    const before = await newTicket(returning);
    await agentStatus(before.id, 'answered', 'Ответ');
    await settled(before.id);
    expect(smtp.mails.filter((m) => m.subject.includes(before.number))).toEqual([]);
    // Turned on in the widget: the user's own setting and the address's.
    expect((await call(ts, 'PUT', '/me/notifications', { auth: returning, json: { email: true } })).status).toBe(200);
    expect((await call(ts, 'GET', '/me/notifications', { auth: returning })).body).toEqual({ email: true });
    const after = await newTicket(returning);
    await agentStatus(after.id, 'answered', 'Ответ');
    await settled(after.id);
    expect(smtp.about(after.number)).toHaveLength(1);
    // Turning it off is the user's own setting only: the address stays on for its guest tickets.
    expect((await call(ts, 'PUT', '/me/notifications', { auth: returning, json: { email: false } })).status).toBe(200);
    const guestAgain = await newTicket(guestAuth(), { ...validDrafts.technical, contact: { ...guestContact, email: 'returning@example.ru' }, consent: true as const });
    await agentStatus(guestAgain.id, 'answered', 'Ответ');
    await settled(guestAgain.id);
    expect(smtp.about(guestAgain.number)).toHaveLength(1);
  });

  it('a signed-in user’s unsubscribe link switches off the same setting as the widget’s switch', async () => {
    const dave = await userAuth(ts, 'dave');
    const ticket = await newTicket(dave);
    await agentStatus(ticket.id, 'answered', 'Ответ');
    await settled(ticket.id);
    const link = unsubscribeLinkOf(smtp.mails.find((m) => m.subject.includes(ticket.number)));
    expect((await call(ts, 'POST', link.slice(`${PUBLIC_URL}/api/v1`.length))).status).toBe(200);
    expect((await call(ts, 'GET', '/me/notifications', { auth: dave })).body).toEqual({ email: false });
    // Alice's link is not Dave's.
    expect((await call(ts, 'GET', '/me/notifications', { auth: alice })).body).toEqual({ email: true });
  });

  it('after an opt-out no e-mail is queued; the preference reads back and is validated', async () => {
    const bob = await userAuth(ts, 'bob');
    expect(notificationPrefsSchema.parse((await call(ts, 'GET', '/me/notifications', { auth: bob })).body)).toEqual({ email: true });
    expectError(await call(ts, 'PUT', '/me/notifications', { auth: bob, json: { email: 'no' } }), 422, 'validation_failed');
    expectError(await call(ts, 'PUT', '/me/notifications', { json: { email: false } }), 401);
    expect((await call(ts, 'PUT', '/me/notifications', { auth: bob, json: { email: false } })).status).toBe(200);
    expect((await call(ts, 'GET', '/me/notifications', { auth: bob })).body).toEqual({ email: false });
    const ticket = await newTicket(bob);
    // Support reads that its e-mails do not reach this reporter; another's do.
    const emailsState = async (id: string) => (await call(ts, 'GET', `/agent/tickets/${id}`, { auth: agentAuth })).body as { reporterEmails: string };
    expect((await emailsState(ticket.id)).reporterEmails).toBe('off');
    expect((await emailsState((await newTicket(await userAuth(ts, 'bob-colleague'))).id)).reporterEmails).toBe('on');
    const { email: _none, ...noAddress } = guestContact;
    const silent = await newTicket(guestAuth(), { ...validDrafts.technical, contact: noAddress, consent: true as const });
    expect((await emailsState(silent.id)).reporterEmails).toBe('no_address');
    await agentStatus(ticket.id, 'resolved', 'Готово');
    await settled(ticket.id);
    expect((await deliveries()).filter((d) => d.ticketId === ticket.id && d.kind === 'email')).toEqual([]);
    expect(smtp.mails.filter((m) => m.subject.includes(ticket.number))).toEqual([]);
    // Switched on again: support reads it at once.
    expect((await call(ts, 'PUT', '/me/notifications', { auth: bob, json: { email: true } })).status).toBe(200);
    expect((await emailsState(ticket.id)).reporterEmails).toBe('on');
  });

  it('SMTP down: the e-mail stays pending with attempts and the error; back up: delivered exactly once', async () => {
    // Its receipt sent before the mail server goes down: one e-mail waits.
    const ticket = await newTicket(alice);
    await settled(ticket.id);
    await smtp.stop();
    await agentStatus(ticket.id, 'clarification_requested', 'Какой браузер?');
    await vi.waitFor(async () => {
      const [row] = (await deliveries('pending')).filter((d) => d.ticketId === ticket.id && d.kind === 'email');
      expect(row?.attempts).toBeGreaterThanOrEqual(2);
      expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
    }, { timeout: 15_000, interval: 25 });
    // The log says the mail server fails, once for all its attempts (not a line per retry), without the address.
    const failed = ts.logs.filter((line) => line.level === 'warn' && line.text.includes('email delivery') && line.text.includes('failed: '));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.text).toMatch(/to .…@example\.ru failed: .*(ECONNREFUSED|connect).*; next try /i);
    expect(ts.logs.map((line) => line.text).join('\n')).not.toMatch(/[a-z0-9]{2,}@example\.ru/);
    await smtp.start();
    await vi.waitFor(async () => {
      const [row] = (await deliveries('sent')).filter((d) => d.ticketId === ticket.id && d.kind === 'email');
      expect(row).toBeDefined();
    }, { timeout: 15_000, interval: 25 });
    await settled(ticket.id);
    expect(smtp.about(ticket.number)).toHaveLength(1);
    // And the log says it works again, once, with the failures it did not say one by one (if any: on a busy machine
    // the retries may have been fewer than the attempts counted before the mail server came back).
    const back = ts.logs.filter((line) => line.text.includes('email delivery') && line.text.includes('it works again'));
    expect(back).toHaveLength(1);
    expect(back[0]?.text).toMatch(/to .…@example\.ru sent: it works again( \(\d+ more failure\(s\) since the last line\))?$/u);
  });

  it('an address the mail server refuses (550 at RCPT TO) is given up at once, not retried for a day', async () => {
    smtp.refused.add('frank@example.ru');
    const frank = await userAuth(ts, 'frank');
    const ticket = await newTicket(frank);
    await agentStatus(ticket.id, 'answered', 'Ответ');
    await settled(ticket.id);
    // The receipt and the answer, each tried once.
    const rows = (await deliveries('failed')).filter((d) => d.ticketId === ticket.id && d.kind === 'email');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ attempts: 1, nextAttemptAt: null });
      expect(row.lastError).toMatch(/550/);
    }
    // Said once for the address, not once per e-mail.
    const givingUp = ts.logs.filter((line) => line.level === 'warn' && line.text.includes('giving up email delivery') && line.text.includes('to f…@example.ru'));
    expect(givingUp).toHaveLength(1);
    expect(rows.some((row) => givingUp[0]?.text.includes(`giving up email delivery ${String(row.id)} `))).toBe(true);
    expect(ts.logs.some((line) => line.text.includes('frank@'))).toBe(false);
  });

  it('an unsubscribe stops the e-mail already queued: it is not sent, and the delivery log says why', async () => {
    await smtp.stop();
    const erin = await userAuth(ts, 'erin');
    const ticket = await newTicket(erin);
    await agentStatus(ticket.id, 'answered', 'Ответ');
    await vi.waitFor(async () => {
      const [row] = (await deliveries('pending')).filter((d) => d.ticketId === ticket.id && d.kind === 'email');
      expect(row?.attempts).toBeGreaterThanOrEqual(1);
    }, { timeout: 15_000, interval: 25 });
    expect((await call(ts, 'PUT', '/me/notifications', { auth: erin, json: { email: false } })).status).toBe(200);
    await smtp.start();
    await settled(ticket.id);
    const [row] = (await deliveries('failed')).filter((d) => d.ticketId === ticket.id && d.kind === 'email');
    expect(row?.lastError).toBe(UNSUBSCRIBED);
    expect(smtp.mails.filter((m) => m.subject.includes(ticket.number))).toEqual([]);
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
    expect(body).toMatchObject({ type: 'ticket.status', ticket: { id: ticket.id, number: ticket.number, status: 'in_progress', subject: ticket.subject, followUpOf: null }, event: { actor: 'support' } });
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

  it('a message’s webhook carries its files, as the event reads through the API', async () => {
    const ticket = await newTicket(alice);
    const upload = await call(ts, 'POST', '/attachments', { auth: alice, body: fileForm(await pngImage(), 'screen.png') });
    expect(upload.status, upload.text).toBe(201);
    const { id: fileId } = attachmentSchema.parse(upload.body);
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: alice, json: { text: 'Скриншот', attachmentIds: [fileId] } })).status).toBe(201);
    await settled(ticket.id);
    const message = hits.map((hit) => JSON.parse(hit.body) as { type: string; ticket: { id: string }; event: { attachments: Array<{ id: string; name: string }> } })
      .find((body) => body.type === 'ticket.message' && body.ticket.id === ticket.id);
    expect(message?.event.attachments).toEqual([expect.objectContaining({ id: fileId, name: 'screen.png' })]);
  });

  it('so does the reply to a specialist’s question, with its text', async () => {
    const ticket = await newTicket(alice);
    await agentStatus(ticket.id, 'clarification_requested', 'Пришлите снимок экрана');
    const upload = await call(ts, 'POST', '/attachments', { auth: alice, body: fileForm(await pngImage(), 'reply.png') });
    const { id: fileId } = attachmentSchema.parse(upload.body);
    const reply = await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: alice, json: { text: 'Вот снимок', attachmentIds: [fileId] } });
    expect(reply.status, reply.text).toBe(201);
    await settled(ticket.id);
    const answered = hits.map((hit) => JSON.parse(hit.body) as { type: string; ticket: { id: string; status: string }; event: { actor: string; text?: string | null; attachments: Array<{ id: string; name: string }> } })
      .find((body) => body.ticket.id === ticket.id && body.event.actor === 'reporter' && body.event.text === 'Вот снимок');
    expect(answered?.type).toBe('ticket.status');
    expect(answered?.event.attachments).toEqual([expect.objectContaining({ id: fileId, name: 'reply.png' })]);
  });

  it('a follow-up’s webhook names the ticket it continues, as the API does', async () => {
    const old = await newTicket(alice);
    await agentStatus(old.id, 'answered', 'Ответ');
    await agentStatus(old.id, 'resolved', 'Готово');
    const created = await createTicket(ts, alice, { ...validDrafts.order, followUpOf: old.number });
    expect(created.status, created.text).toBe(201);
    const next = createTicketResponseSchema.parse(created.body).ticket;
    await settled(next.id);
    const bodies = hits.map((hit) => JSON.parse(hit.body) as { type: string; ticket: { id: string; followUpOf: unknown } });
    expect(bodies.find((body) => body.type === 'ticket.created' && body.ticket.id === next.id)?.ticket.followUpOf).toEqual({ id: old.id, number: old.number });
    expect(bodies.find((body) => body.type === 'ticket.created' && body.ticket.id === old.id)?.ticket.followUpOf).toBeNull();
  });

  it('the delivery log is agent-only and validates its filter', async () => {
    expectError(await call(ts, 'GET', '/agent/deliveries', { auth: alice }), 403);
    expectError(await call(ts, 'GET', '/agent/deliveries?status=bogus', { auth: agentAuth }), 400, 'bad_request');
  });
});

describe('outbox: giving up', { timeout: 45_000 }, () => {
  let ts: TestServer;
  let deskAnswers = 503;
  const desk = new Desk(() => deskAnswers);
  beforeAll(async () => {
    await desk.start();
    // Given up as soon as the next retry would fall after the event's age limit. How many attempts fit in it
    // depends on how busy the machine is, so the test counts them rather than expecting a number.
    ts = await startTestServer({
      config: {
        notifications: {
          // A desk that takes its own secret in the query (as some do): support's listing must not show it.
          webhookUrls: [`${desk.url}?token=desk-query-secret`],
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
      expect(row).toMatchObject({ kind: 'webhook', target: `${desk.url}?…`, status: 'failed', lastError: 'HTTP 503', nextAttemptAt: null });
    }, { timeout: 15_000, interval: 25 });
    expect(desk.hits[0]?.url).toBe('/hook?token=desk-query-secret');
    const pending = deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries?status=pending', { auth: agentAuth })).body).deliveries;
    expect(pending.filter((d) => d.ticketId === ticket.id)).toEqual([]);
    // Every attempt the row counts reached the desk (its only delivery), and none came after the give-up.
    const [failed] = deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries?status=failed', { auth: agentAuth })).body).deliveries.filter((d) => d.ticketId === ticket.id);
    expect(failed?.attempts).toBeGreaterThanOrEqual(1);
    expect(desk.hits).toHaveLength(failed?.attempts ?? -1);
  });

  it('a specialist sends a given-up delivery again once the desk is back; only a failed one, and only the agent', async () => {
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, await userAuth(ts, 'dan'), validDrafts.technical)).body).ticket;
    const failedOf = async () => deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries?status=failed', { auth: agentAuth })).body).deliveries.filter((d) => d.ticketId === ticket.id);
    await vi.waitFor(async () => expect(await failedOf()).toHaveLength(1), { timeout: 15_000, interval: 25 });
    const [failed] = await failedOf();
    const id = failed?.id ?? 0;
    expectError(await call(ts, 'POST', `/agent/deliveries/${id}/retry`, { auth: await userAuth(ts, 'dan') }), 403);
    expectError(await call(ts, 'POST', '/agent/deliveries/999999/retry', { auth: agentAuth }), 404, 'not_found');
    expectError(await call(ts, 'POST', '/agent/deliveries/x1/retry', { auth: agentAuth }), 404, 'not_found');

    deskAnswers = 200;
    const retried = await call(ts, 'POST', `/agent/deliveries/${id}/retry`, { auth: agentAuth });
    expect(retried.status, retried.text).toBe(200);
    expect(deliverySchema.parse(retried.body)).toMatchObject({ id, status: 'pending', attempts: 0 });
    await vi.waitFor(async () => {
      const sent = deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries?status=sent', { auth: agentAuth })).body).deliveries;
      expect(sent.find((d) => d.id === id)).toMatchObject({ attempts: 1, lastError: null });
    }, { timeout: 15_000, interval: 25 });
    // Sent now: nothing to send again.
    expectError(await call(ts, 'POST', `/agent/deliveries/${id}/retry`, { auth: agentAuth }), 409, 'conflict');
    deskAnswers = 503;
  });

  it('after an outage the log pages through every given-up delivery, by ticket too, and one call sends them all again', async () => {
    const erin = await userAuth(ts, 'erin');
    const logged = ts.logs.length;
    const tickets: Ticket[] = [];
    for (let i = 0; i < 3; i++) tickets.push(createTicketResponseSchema.parse((await createTicket(ts, erin, validDrafts.technical)).body).ticket);
    const list = async (query: string) => {
      const reply = await call(ts, 'GET', `/agent/deliveries?${query}`, { auth: agentAuth });
      expect(reply.status, reply.text).toBe(200);
      return deliveryListSchema.parse(reply.body);
    };
    const failedIds = async () => (await list('status=failed&kind=webhook')).deliveries.map((d) => d.id);
    await vi.waitFor(async () => {
      for (const ticket of tickets) expect((await list(`status=failed&ticket=${ticket.number}`)).deliveries).toHaveLength(1);
    }, { timeout: 15_000, interval: 25 });
    // A ticket by its number: only its delivery, with what it announced.
    const [own] = (await list(`ticket=${tickets[0]?.number ?? ''}`)).deliveries;
    expect(own).toMatchObject({ ticketId: tickets[0]?.id, kind: 'webhook', type: 'ticket.created', status: 'failed' });

    // Page by page, newest first, each row once, as many as one listing holds.
    const all = await failedIds();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const paged: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(`status=failed&kind=webhook&limit=2${cursor === '' ? '' : `&cursor=${cursor}`}`);
      expect(page.deliveries.length).toBeLessThanOrEqual(2);
      paged.push(...page.deliveries.map((d) => d.id));
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(all);
    expect([...paged].sort((a, b) => b - a)).toEqual(paged);

    expectError(await call(ts, 'GET', '/agent/deliveries?kind=sms', { auth: agentAuth }), 400, 'bad_request');
    expectError(await call(ts, 'GET', '/agent/deliveries?limit=0', { auth: agentAuth }), 400, 'bad_request');
    expectError(await call(ts, 'GET', '/agent/deliveries?cursor=abc', { auth: agentAuth }), 400, 'bad_request');
    expectError(await call(ts, 'GET', '/agent/deliveries?ticket=UP-2026-999999', { auth: agentAuth }), 404, 'not_found');
    expectError(await call(ts, 'POST', '/agent/deliveries/retry', { auth: agentAuth, json: { kind: 'sms' } }), 422, 'validation_failed');
    // An empty ticket (a desk's unset variable) is a mistake, not «every ticket».
    expectError(await call(ts, 'POST', '/agent/deliveries/retry', { auth: agentAuth, json: { ticket: ' ' } }), 422, 'validation_failed');
    expect((await failedIds()).length).toBe(all.length);
    expectError(await call(ts, 'POST', '/agent/deliveries/retry', { auth: erin, json: {} }), 403);

    // The desk is back: one ticket's first, then everything else at once.
    deskAnswers = 200;
    const one = await call(ts, 'POST', '/agent/deliveries/retry', { auth: agentAuth, json: { ticket: tickets[0]?.number } });
    expect(one.body).toEqual({ requeued: 1 });
    const rest = await call(ts, 'POST', '/agent/deliveries/retry', { auth: agentAuth, json: {} });
    expect(rest.body).toEqual({ requeued: all.length - 1 });
    await vi.waitFor(async () => expect(await failedIds()).toEqual([]), { timeout: 15_000, interval: 25 });
    await vi.waitFor(async () => expect((await list('status=pending')).deliveries).toEqual([]), { timeout: 15_000, interval: 25 });
    const sent = new Set((await list('status=sent')).deliveries.map((d) => d.id));
    expect(all.every((id) => sent.has(id))).toBe(true);
    // Every one was given up, and the log said so once for the desk, not a line each; then that it works again.
    const givingUp = ts.logs.slice(logged).filter((line) => line.level === 'warn' && line.text.includes('giving up webhook delivery'));
    expect(givingUp).toHaveLength(1);
    expect(givingUp[0]?.text).toContain('GET /agent/deliveries?status=failed lists what was given up');
    expect(ts.logs.slice(logged).some((line) => line.text.includes('it works again') && /\d+ more given up/u.test(line.text))).toBe(true);
    deskAnswers = 503;
  });
});

describe('outbox: the dev demo', { timeout: 45_000 }, () => {
  const smtp = new Smtp();
  let ts: TestServer;
  beforeAll(async () => {
    await smtp.start();
    ts = await startTestServer({ config: { dev: true, allowedOrigins: [], notifications: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, pollMs: 50 } } });
  });
  afterAll(async () => {
    await ts.cleanup();
    await smtp.stop();
  });

  it('a guest’s e-mail from a demo page links back to the demo: it embeds the widget', async () => {
    const demo = ts.server.url;
    const draft = { ...validDrafts.technical, pageUrl: `${demo}/courses/7`, contact: { ...guestContact, lmsUrl: demo }, consent: true as const };
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, guestAuth(), draft)).body).ticket;
    const moved = await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'clarification_requested', text: 'Какой браузер?' } });
    expect(moved.status, moved.text).toBe(200);
    await vi.waitFor(() => expect(smtp.mails.filter((m) => m.subject.includes(ticket.number))).toHaveLength(1), { timeout: 15_000, interval: 25 });
    // Its front page (which leads to the course list, the fragment kept): a guest's e-mail names no page of theirs.
    expect(smtp.mails.find((m) => m.subject.includes(ticket.number))?.text).toContain(`${demo}/#uchi-support=${ticket.number}`);
  });
});

describe('outbox: sending again at once', { timeout: 45_000 }, () => {
  let ts: TestServer;
  let deskAnswers = 503;
  const desk = new Desk(() => deskAnswers);
  beforeAll(async () => {
    await desk.start();
    // The dispatcher looks for due rows once a minute: only a wake sends a delivery within the test. Given up at
    // its first failure (the next try would fall past the age limit).
    ts = await startTestServer({
      config: { notifications: { webhookUrls: [desk.url], webhookSecret: WEBHOOK_SECRET, pollMs: 60_000, retryBaseMs: 20, retryMaxMs: 40, giveUpMs: 1 } },
    });
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  it('a delivery sent again goes now, not at the dispatcher’s next look', async () => {
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, await userAuth(ts, 'erin'), validDrafts.technical)).body).ticket;
    const listed = async (status: string) => deliveryListSchema.parse((await call(ts, 'GET', `/agent/deliveries?status=${status}`, { auth: agentAuth })).body).deliveries.filter((d) => d.ticketId === ticket.id);
    await vi.waitFor(async () => expect(await listed('failed')).toHaveLength(1), { timeout: 15_000, interval: 25 });
    const [failed] = await listed('failed');
    deskAnswers = 200;
    expect((await call(ts, 'POST', `/agent/deliveries/${failed?.id ?? 0}/retry`, { auth: agentAuth })).status).toBe(200);
    await vi.waitFor(async () => expect(await listed('sent')).toHaveLength(1), { timeout: 15_000, interval: 25 });
    expect(desk.hits).toHaveLength(2);
  });
});

describe('outbox: an address taken out of the setting', { timeout: 45_000 }, () => {
  const desk = new Desk(() => 200);
  const servers: TestServer[] = [];
  beforeAll(() => desk.start());
  afterAll(async () => {
    for (const server of servers) await server.cleanup().catch(() => undefined);
    await desk.stop();
  });

  it('gets nothing more once a restart no longer names it, however much was waiting for it; the new address gets what comes next', async () => {
    const notifications = { webhookSecret: WEBHOOK_SECRET, pollMs: 50, retryBaseMs: 50, retryMaxMs: 100 };
    // A typo: nothing listens there, so the ticket's delivery waits, retried.
    const typo = 'http://127.0.0.1:9/hook';
    const first = await startTestServer({ config: { notifications: { ...notifications, webhookUrls: [typo] } } });
    const ticket = createTicketResponseSchema.parse((await createTicket(first, await userAuth(first, 'gina'), validDrafts.technical)).body).ticket;
    const deliveriesOf = async (ts: TestServer, status: string) =>
      deliveryListSchema.parse((await call(ts, 'GET', `/agent/deliveries?status=${status}`, { auth: agentAuth })).body).deliveries.filter((d) => d.ticketId === ticket.id);
    await vi.waitFor(async () => expect((await deliveriesOf(first, 'pending'))[0]?.attempts).toBeGreaterThanOrEqual(1), { timeout: 15_000, interval: 25 });
    await first.close();

    // The setting corrected: the same store, the desk's real address. The typo's row waits (another process may
    // still send there) and ends as failed at the give-up time, never sent.
    const second = await startTestServer({
      dir: first.dir,
      config: {
        notifications: { ...notifications, webhookUrls: [desk.url], giveUpMs: 1_500 },
        ...(first.dbPath.startsWith('postgres') ? { databaseUrl: first.dbPath } : {}),
      },
    });
    servers.push(second);
    await vi.waitFor(async () => {
      const [row] = await deliveriesOf(second, 'failed');
      expect(row).toMatchObject({ kind: 'webhook', target: typo, nextAttemptAt: null, lastError: UNLISTED });
    }, { timeout: 15_000, interval: 25 });
    expect(desk.hits).toHaveLength(0);
    // What happens now goes to the address the setting names.
    expect((await call(second, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'processing' } })).status).toBe(200);
    await vi.waitFor(() => expect(desk.hits).toHaveLength(1), { timeout: 15_000, interval: 25 });
  });
});

describe('outbox: processes with different addresses on one store', { timeout: 45_000 }, () => {
  const oldDesk = new Desk(() => 200);
  // The new desk answers 500 at first: its deliveries are retried, and either process may claim a retry.
  let newDeskFailures = 10;
  const newDesk = new Desk(() => (newDeskFailures-- > 0 ? 500 : 200));
  const servers: TestServer[] = [];
  beforeAll(async () => {
    await Promise.all([oldDesk.start(), newDesk.start()]);
  });
  afterAll(async () => {
    for (const server of servers.reverse()) await server.cleanup().catch(() => undefined);
    await Promise.all([oldDesk.stop(), newDesk.stop()]);
  });

  it('leaves a delivery to the address only the other process knows to that process, during a rollover', async () => {
    const notifications = { webhookSecret: WEBHOOK_SECRET, pollMs: 20, retryBaseMs: 20, retryMaxMs: 40 };
    // Restarted first with a second desk; the other still runs with the old setting, on the same store.
    const updated = await startTestServer({ config: { notifications: { ...notifications, webhookUrls: [oldDesk.url, newDesk.url] } } });
    servers.push(updated);
    const old = await startTestServer({
      dir: updated.dir,
      config: { notifications: { ...notifications, webhookUrls: [oldDesk.url] }, ...(updated.dbPath.startsWith('postgres') ? { databaseUrl: updated.dbPath } : {}) },
    });
    servers.push(old);
    // Made through the updated process, which queues a delivery to each desk (a process queues to the addresses it knows).
    const auth = await userAuth(updated, 'hana');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(createTicketResponseSchema.parse((await createTicket(updated, auth, validDrafts.technical)).body).ticket.id);
    const bodies = () => new Set(newDesk.hits.filter((_hit, i) => i >= 10).map((hit) => (JSON.parse(hit.body) as { ticket: { id: string } }).ticket.id));
    await vi.waitFor(() => expect(bodies()).toEqual(new Set(ids)), { timeout: 20_000, interval: 25 });
    await vi.waitFor(() => expect(oldDesk.hits.length).toBeGreaterThanOrEqual(5), { timeout: 20_000, interval: 25 });
    const failed = deliveryListSchema.parse((await call(updated, 'GET', '/agent/deliveries?status=failed', { auth: agentAuth })).body).deliveries;
    expect(failed.filter((row) => ids.includes(row.ticketId))).toEqual([]);
  });
});
