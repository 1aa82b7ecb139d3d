/**
 * Replies by e-mail, end to end over real SMTP: support's question reaches the reporter through a real SMTP server
 * (smtp-server) with a signed Reply-To, the reporter's mail program answers it with nodemailer into the server's own
 * listener, and the ticket gets the reply as the reporter's message. What the listener refuses is said in the SMTP
 * answer, which the sender's mail server turns into a bounce.
 */
import nodemailer from 'nodemailer';
import type { Mail } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema, ticketSchema } from '../../src/core';
import { replyAddress, ticketOfReplyAddress } from '../../src/server/inbound/reply-address';
import { replyText } from '../../src/server/inbound/reply-text';
import { deliveryListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Smtp } from '../fixtures/receivers';
import { agentAuth, call, createTicket, startTestServer, tableCounts, TEST_SECRET, userAuth } from './helpers';
import type { TestServer } from './helpers';

const REPLY_ADDRESS = 'support@uchi.example';
/** A message as a mail program hands it to nodemailer. */
type MailMessage = Parameters<Mail['sendMail']>[0];

describe('the reply address', () => {
  it('names its ticket, signed: another number, an altered tag or another secret names none', () => {
    const address = replyAddress(REPLY_ADDRESS, TEST_SECRET, 'UP-2026-000123');
    expect(address).toMatch(/^support\+up-2026-000123\.[0-9a-f]{20}@uchi\.example$/);
    expect(ticketOfReplyAddress(REPLY_ADDRESS, [TEST_SECRET], address)).toBe('UP-2026-000123');
    // Mail systems may change the case of an address.
    expect(ticketOfReplyAddress(REPLY_ADDRESS, [TEST_SECRET], address.toUpperCase())).toBe('UP-2026-000123');
    expect(ticketOfReplyAddress(REPLY_ADDRESS, [TEST_SECRET], address.replace('000123', '000124'))).toBeNull();
    expect(ticketOfReplyAddress(REPLY_ADDRESS, [TEST_SECRET], address.replace(/\.[0-9a-f]/, '.0'))).toBeNull();
    expect(ticketOfReplyAddress(REPLY_ADDRESS, ['another-secret-of-at-least-32-characters'], address)).toBeNull();
    expect(ticketOfReplyAddress(REPLY_ADDRESS, ['another-secret-of-at-least-32-characters', TEST_SECRET], address)).toBe('UP-2026-000123');
    expect(ticketOfReplyAddress(REPLY_ADDRESS, [TEST_SECRET], address.replace('uchi.example', 'evil.example'))).toBeNull();
    expect(ticketOfReplyAddress(REPLY_ADDRESS, [TEST_SECRET], 'support@uchi.example')).toBeNull();
  });
});

describe('the text of a reply', () => {
  const ours = [REPLY_ADDRESS, 'help@uchi.example'];
  const tagged = 'support+up-2026-000001.0123456789abcdef0123@uchi.example';
  it('leaves out the quoted e-mail however the mail program heads it, the signature and «sent from»', () => {
    const cases: Array<[string, string]> = [
      // Gmail in Russian.
      [`Браузер Chrome 120, Windows 10.\n\nпн, 7 дек. 2026 г. в 12:00, Техподдержка Uchi.Pro <${tagged}>:\n> Здравствуйте! Какой у вас браузер?\n`, 'Браузер Chrome 120, Windows 10.'],
      // The header wrapped over two lines.
      [`Chrome.\n\nпн, 7 дек. 2026 г. в 12:00, Техподдержка Uchi.Pro <\n${tagged}>:\n> Какой браузер?\n`, 'Chrome.'],
      // Mail.ru on a phone.
      [`Chrome.\n\nОтправлено из мобильной Почты Mail.ru\n\n\nПонедельник, 7 декабря 2026, 12:00 +03:00 от Техподдержка <help@uchi.example>:\n \n>Здравствуйте!\n`, 'Chrome.'],
      // Yandex, unquoted.
      [`Chrome.\n\n07.12.2026, 12:00, "Техподдержка" <${tagged}>:\nЗдравствуйте!\nКакой у вас браузер?\n`, 'Chrome.'],
      // Outlook.
      ['Chrome.\n\n-----Original Message-----\nFrom: Техподдержка\nSent: Monday\n\nКакой браузер?', 'Chrome.'],
      ['Chrome, версия 120.\n\n--\nИванов Иван\nУчебный центр\n', 'Chrome, версия 120.'],
      ['Chrome\n\nSent from my iPhone', 'Chrome'],
      ['Первая строка.\n\n\n\nВторая строка.', 'Первая строка.\n\nВторая строка.'],
    ];
    for (const [body, text] of cases) expect(replyText(body, ours), body).toBe(text);
    expect(replyText(`> Какой браузер?\n`, ours)).toBe('');
  });

  it('keeps the reply written right above the heading, a line that only mentions the address, and a last line of its own', () => {
    const cases: Array<[string, string]> = [
      [`Да\nпн, 7 дек. 2026 г. в 12:00, Техподдержка <${tagged}>:\n> Вы перезашли?\n`, 'Да'],
      [`Да\nпн, 7 дек. 2026 г. в 12:00, Техподдержка <\n${tagged}>:\n> Вы перезашли?\n`, 'Да'],
      ['Писал вам на help@uchi.example ещё вчера, ответа нет.', 'Писал вам на help@uchi.example ещё вчера, ответа нет.'],
      ['Ошибка осталась.\nОтправлено с рабочего компьютера, перезвоните мне', 'Ошибка осталась.\nОтправлено с рабочего компьютера, перезвоните мне'],
    ];
    for (const [body, text] of cases) expect(replyText(body, ours), body).toBe(text);
  });

  it('knows Outlook’s header block and a «… пишет:» heading, and keeps the reply’s own «>» lines and other addresses', () => {
    const cases: Array<[string, string]> = [
      ['Chrome.\n\nОт: Техподдержка\nОтправлено: 7 декабря 2026 г. 12:00\nКому: Иван\nТема: Вопрос\n\nКакой браузер?', 'Chrome.'],
      ['Chrome.\n\n07.12.2026 12:00, Техподдержка пишет:\n> Какой браузер?\n> Спасибо', 'Chrome.'],
      ['Пишу с адреса superhelp@uchi.example.com, если что.', 'Пишу с адреса superhelp@uchi.example.com, если что.'],
      ['Ошибка такая:\n> Access denied\nпосле входа в тест.', 'Ошибка такая:\n> Access denied\nпосле входа в тест.'],
      ['Коллега написал:\nне работает у всех.', 'Коллега написал:\nне работает у всех.'],
    ];
    for (const [body, text] of cases) expect(replyText(body, ours), body).toBe(text);
  });

  it('reads a long text of words that look like a heading in one pass (a slow pattern here froze the server)', () => {
    const hostile = `${'x on at '.repeat(20_000)}\n${'Пн, 7 дек. 2026 г. в 12:00, '.repeat(5_000)}`;
    expect(replyText(hostile, ours).length).toBeGreaterThan(100_000);
  });
});

describe('replies by e-mail', { timeout: 60_000 }, () => {
  const smtp = new Smtp();
  let ts: TestServer;
  let inbound: URL;

  beforeAll(async () => {
    await smtp.start();
    ts = await startTestServer({
      config: {
        notifications: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Техподдержка <help@uchi.example>', pollMs: 50, retryBaseMs: 20, retryMaxMs: 100 },
        inbound: { port: 0, host: '127.0.0.1', replyAddress: REPLY_ADDRESS, maxBytes: 256 * 1024 },
      },
    });
    inbound = new URL(ts.server.inboundUrl ?? '');
  });
  afterAll(async () => {
    await ts.cleanup();
    await smtp.stop();
  });

  /** A mail program sending from the reporter's mailbox to the server's listener. */
  const send = (message: MailMessage) =>
    nodemailer.createTransport({ host: inbound.hostname, port: Number(inbound.port), secure: false, ignoreTLS: true }).sendMail(message);
  /** What the listener answered a refused message: its SMTP code and text. */
  const refusal = async (message: MailMessage): Promise<{ code: number; text: string }> => {
    const error = (await send(message).then(() => null, (thrown: unknown) => thrown)) as { responseCode?: number; response?: string } | null;
    expect(error, 'the message was refused').not.toBeNull();
    return { code: error?.responseCode ?? 0, text: error?.response ?? '' };
  };
  const deliveries = async () => deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries', { auth: agentAuth })).body).deliveries;
  const read = async (auth: string, id: string) => ticketSchema.parse((await call(ts, 'GET', `/tickets/${id}`, { auth })).body);

  /** A ticket of `sub` that support asked a question about, and the e-mail that asked it. */
  const asked = async (sub: string) => {
    const auth = await userAuth(ts, sub);
    const reply = await createTicket(ts, auth, validDrafts.technical);
    const { ticket } = createTicketResponseSchema.parse(reply.body);
    expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'clarification_requested', text: 'Какой у вас браузер?' } })).status).toBe(200);
    await vi.waitFor(async () => expect((await deliveries()).filter((d) => d.ticketId === ticket.id && d.status !== 'sent')).toEqual([]), { timeout: 15_000, interval: 25 });
    const question = smtp.about(ticket.number).at(-1);
    expect(question?.subject).toContain('специалист задал вопрос');
    return { auth, ticket, question: question!, to: question!.headers['reply-to'] ?? '' };
  };

  it('puts a signed Reply-To on a question, and files the reply as the reporter’s answer, without the quote', async () => {
    const { auth, ticket, question, to } = await asked('replier');
    expect(to).toBe(replyAddress(REPLY_ADDRESS, TEST_SECRET, ticket.number));
    expect(question.text).toContain('Ответ на это письмо придёт специалисту в обращение. Файлы прикладывайте в самом обращении.');
    // The receipt asks nothing: no Reply-To.
    const receipt = smtp.mails.find((mail) => mail.subject === `Обращение № ${ticket.number}: зарегистрировано`);
    expect(receipt?.headers['reply-to']).toBeUndefined();

    await send({
      from: 'Пользователь replier <Replier@Example.ru>',
      to,
      subject: `Re: ${question.subject}`,
      text: `Chrome 120 на Windows 10.\n\nпн, 7 дек. 2026 г. в 12:00, Техподдержка <${to}>:\n> ${question.text.split('\n').join('\n> ')}\n`,
    });
    const after = await read(auth, ticket.id);
    expect(after.status).toBe('clarification_sent');
    const last = after.events.at(-1);
    expect(last).toMatchObject({ actor: 'reporter', text: 'Chrome 120 на Windows 10.', status: 'clarification_sent' });

    // A mail server that delivers the same reply again (its answer was lost) does not make it twice.
    await send({ from: 'replier@example.ru', to, subject: 'Re: вопрос', text: 'Chrome 120 на Windows 10.' });
    expect((await read(auth, ticket.id)).events.filter((event) => event.actor === 'reporter')).toHaveLength(1);
    // The same words answering a new question are a new answer.
    expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'clarification_requested', text: 'Точно Chrome 120?' } })).status).toBe(200);
    await send({ from: 'replier@example.ru', to, subject: 'Re: вопрос', text: 'Chrome 120 на Windows 10.' });
    expect((await read(auth, ticket.id)).events.filter((event) => event.actor === 'reporter')).toHaveLength(2);
    // As every text a client sends: no NUL, no character that turns the text around.
    await send({ from: 'replier@example.ru', to, subject: 'Re: вопрос', text: 'Версия\u0000 120\u202e.' });
    expect((await read(auth, ticket.id)).events.at(-1)).toMatchObject({ actor: 'reporter', text: 'Версия 120.' });
    // A company signature's logo, shown in the text, is no file: the reply is taken.
    await send({
      from: 'replier@example.ru',
      to,
      subject: 'Re: вопрос',
      text: 'Пробовал и в Firefox.',
      html: '<p>Пробовал и в Firefox.</p><img src="cid:logo@uchi">',
      attachments: [{ filename: 'logo.png', content: Buffer.from('89504e470d0a1a0a', 'hex'), cid: 'logo@uchi' }],
    });
    expect((await read(auth, ticket.id)).events.at(-1)).toMatchObject({ actor: 'reporter', text: 'Пробовал и в Firefox.' });
    // An HTML-only reply is read as its text.
    await send({ from: 'replier@example.ru', to, subject: 'Re: вопрос', html: '<p>И ещё: <b>версия 120.0.6099</b></p>' });
    expect((await read(auth, ticket.id)).events.at(-1)).toMatchObject({ actor: 'reporter', text: 'И ещё: версия 120.0.6099' });
  });

  it('refuses what is not a reply of the reporter to that ticket, and stores nothing of it', async () => {
    const { auth, ticket, to } = await asked('guarded');
    const events = (await read(auth, ticket.id)).events.length;
    const counts = tableCounts(ts.dbPath);
    // An address the server did not sign: refused at RCPT TO, before any text is sent.
    const forged = to.replace(/\.[0-9a-f]+@/, '.00000000000000000000@');
    expect(await refusal({ from: 'guarded@example.ru', to: forged, text: 'Chrome' })).toMatchObject({ code: 550, text: expect.stringContaining('No such mailbox') });
    expect(await refusal({ from: 'guarded@example.ru', to: 'anyone@uchi.example', text: 'Chrome' })).toMatchObject({ code: 550 });
    // Someone the e-mail was forwarded to.
    expect(await refusal({ from: 'colleague@example.ru', to, text: 'Chrome' })).toMatchObject({ code: 550, text: expect.stringContaining('only from the address') });
    // A file: the reporter is told to attach it in the widget.
    expect(await refusal({ from: 'guarded@example.ru', to, text: 'Скриншот', attachments: [{ filename: 'screen.png', content: Buffer.from('89504e47', 'hex') }] })).toMatchObject({
      code: 550,
      text: expect.stringContaining('Files are not taken by e-mail'),
    });
    // A PDF sent «inline» is still a file; a picture the text refers to (a signature's logo) is not.
    expect(await refusal({ from: 'guarded@example.ru', to, text: 'Акт', attachments: [{ filename: 'act.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), contentDisposition: 'inline' }] })).toMatchObject({
      code: 550,
      text: expect.stringContaining('Files are not taken by e-mail'),
    });
    // Nothing but the quote.
    expect(await refusal({ from: 'guarded@example.ru', to, text: '> Какой у вас браузер?' })).toMatchObject({ code: 550, text: expect.stringContaining('no text') });
    // Over SUPPORT_INBOUND_MAX_BYTES.
    expect(await refusal({ from: 'guarded@example.ru', to, text: 'я'.repeat(200 * 1024) })).toMatchObject({ code: 552, text: expect.stringContaining('larger than 256 KB') });
    expect(await refusal({ from: 'guarded@example.ru', to, text: 'д'.repeat(6000) })).toMatchObject({ code: 552, text: expect.stringContaining('longer than 5000') });
    // A bounce (the null sender) and a mailing list's copy are taken and dropped.
    await send({ from: 'guarded@example.ru', to, text: 'Delivery failed', envelope: { from: '', to } });
    await send({ from: 'guarded@example.ru', to, text: 'Рассылка', headers: { 'List-Id': '<team.example.ru>' } });
    // An auto-responder's «I am away» is taken and dropped: no loop of replies.
    await send({ from: 'guarded@example.ru', to, subject: 'Автоответ: в отпуске', text: 'Я в отпуске до 14 декабря.', headers: { 'Auto-Submitted': 'auto-replied' } });
    expect((await read(auth, ticket.id)).events.map((event) => event.text ?? null).slice(events)).toEqual([]);
    expect(tableCounts(ts.dbPath)).toEqual(counts);
  });

  it('files a message for one ticket only: another one in it is asked to come on its own', async () => {
    const first = await asked('first-of-two');
    const second = await asked('second-of-two');
    const both = await send({ from: 'first-of-two@example.ru', to: [first.to, second.to], text: 'Ответ на первый вопрос' }).then(
      (info) => ({ rejected: info.rejected, error: null }),
      (error: unknown) => ({ rejected: undefined, error: String(error) }),
    );
    expect(both).toMatchObject({ rejected: [second.to], error: null });
    expect((await read(first.auth, first.ticket.id)).events.at(-1)).toMatchObject({ actor: 'reporter', text: 'Ответ на первый вопрос' });
    expect((await read(second.auth, second.ticket.id)).events.at(-1)?.actor).toBe('support');
  });

  it('refuses a reply to a closed ticket, saying how to go on', async () => {
    const { auth, ticket, to } = await asked('closer');
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/cancel`, { auth })).status).toBe(200);
    expect(await refusal({ from: 'closer@example.ru', to, text: 'Chrome' })).toMatchObject({ code: 550, text: expect.stringContaining('The request is closed') });
  });
});
