/**
 * The reporter's e-mail about a specialist's change, and the receipt of a new ticket (its number, priority and
 * deadlines): in Russian or English (as the reporter's browser preferred when the ticket was sent), plain text and
 * HTML (every user-supplied value escaped), the ticket number in the subject and a link back to the LMS page with
 * the ticket opened.
 */
import { FOLLOW_UP_DAYS, moscowParts, TICKET_LINK_PREFIX } from '../../core';
import type { Priority, Status } from '../../core';
import type { Locale } from '../locale';

/** The statuses a reporter is e-mailed about, when a specialist sets them; a specialist's message is e-mailed too. */
export const EMAIL_STATUSES: ReadonlySet<Status> = new Set<Status>(['clarification_requested', 'answered', 'suggestion', 'resolved']);

/** An e-mail as the outbox stores it and the dispatcher sends it. */
export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The recipient's one-click unsubscribe link (the `List-Unsubscribe` header and the footer); absent when the
   * server has no public address (SUPPORT_PUBLIC_URL) and in rows queued before the links existed.
   */
  unsubscribeUrl?: string;
  /** Its language, which names the sender too (SUPPORT_MAIL_FROM or SUPPORT_MAIL_FROM_EN); Russian when absent (rows queued before). */
  locale?: Locale;
  /** Where a reply goes (the `Reply-To`): the ticket's signed reply address, when the server takes replies by e-mail. */
  replyTo?: string;
  /**
   * Whose e-mail preferences this e-mail obeys (the reporter, and a guest's address): the dispatcher checks them
   * again before each attempt, so an unsubscribe also stops what was queued before it.
   */
  subscribers?: string[];
}

/** What the e-mail says. */
export interface EmailInput {
  to: string;
  name: string;
  number: string;
  subject: string;
  status: Status;
  /** A specialist's message that changed no status (`status` is the ticket's, unchanged). */
  message?: boolean;
  text: string | null;
  /** The names of the files the specialist attached (opened in the widget, not sent with the e-mail). */
  files?: readonly string[];
  /** The LMS page the ticket came from (or the LMS itself); the link opens the ticket there. Null: no link. */
  page: string | null;
  /** A guest has no widget settings to turn the e-mails off in: their e-mail does not point there. */
  guest: boolean;
  /** The recipient's unsubscribe link; null when the server has no public address. */
  unsubscribeUrl: string | null;
  /** The e-mail's language (Russian when not given). */
  locale?: Locale;
  /** The ticket was just registered: the e-mail is its receipt, with what the widget's confirmation says. */
  receipt?: Receipt;
  /** The ticket's reply address, when the server takes replies by e-mail: used where a specialist asked, answered or wrote. */
  replyTo?: string;
}

/** What the receipt of a new ticket tells besides its number. */
export interface Receipt {
  priority: Priority;
  /** When a specialist looks at it at the latest, and when it should be resolved (ISO). */
  reviewDueAt: string;
  resolveDueAt: string;
  /** The deadlines were computed without the year's production calendar. */
  provisional: boolean;
  /** Sent while support was closed: it is looked at from the next working day's opening. */
  afterHours: boolean;
}

/** What an e-mail says, in each language. */
interface MailTexts {
  /** The greeting; a guest's (name null) names nobody. */
  hello: (name: string | null) => string;
  headlines: Partial<Record<Status, string>>;
  /** The receipt's lines: the priority, the deadlines (a Moscow date and time), and why it waits when sent after hours. */
  receipt: {
    priority: (priority: Priority) => string;
    review: (when: string) => string;
    resolve: (when: string) => string;
    /** A Moscow date and time: ISO weekday (1 = Monday), day, month 1–12, «09:00». */
    when: (weekday: number, day: number, month: number, time: string, provisional: boolean) => string;
    afterHours: string;
  };
  message: string;
  changed: string;
  /** The subject's words after the number: the headline without «по обращению» (the subject names the ticket). */
  subjects: Partial<Record<Status | 'message', string>>;
  subject: (number: string, headline: string) => string;
  /** What happened to which ticket; a guest's (topic null) without the subject they wrote. */
  about: (headline: string, number: string, topic: string | null) => string;
  answer: string;
  /** After a resolution: the rating, and the follow-up within its days. */
  resolved: (days: number) => string;
  open: string;
  /** The files the specialist attached: their names, each quoted, and how many. */
  files: (names: readonly string[]) => string;
  automatic: string;
  /** In place of `automatic` when a specialist asked, answered or wrote: «no need to reply» would read as no need to answer. */
  noReply: string;
  /** In place of `noReply` when the server takes replies by e-mail. */
  replyHere: string;
  /** The footer's last sentence: when a guest gets e-mails at all, or where a signed-in user turns them off. */
  guest: string;
  settingsOrLink: string;
  settings: string;
  unsubscribe: string;
}

const RU_WEEKDAYS = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const EN_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The full stop after a quoted subject: none when the subject ends a sentence itself («…?»). */
const fullStop = (topic: string): string => (/[.!?…]$/u.test(topic) ? '' : '.');

const TEXTS: Record<Locale, MailTexts> = {
  ru: {
    hello: (name) => (name === null ? 'Здравствуйте!' : `Здравствуйте, ${name}!`),
    headlines: {
      clarification_requested: 'Специалист задал вопрос по обращению',
      answered: 'Специалист ответил на обращение',
      registered: 'Обращение зарегистрировано',
      suggestion: 'Обращение передано как предложение по доработке СДО',
      resolved: 'Вопрос решён',
    },
    receipt: {
      priority: (priority) => `Приоритет: ${{ high: 'высокий', normal: 'обычный', low: 'низкий' }[priority]}.`,
      review: (when) => `Специалист посмотрит его до ${when}.`,
      resolve: (when) => `Срок решения: до ${when}.`,
      when: (weekday, day, month, time, provisional) => `${RU_WEEKDAYS[weekday - 1] ?? ''}, ${day} ${RU_MONTHS[month - 1] ?? ''}, ${time} МСК${provisional ? ', ориентировочно' : ''}`,
      afterHours: 'Техподдержка работает в рабочие дни с 8:00 до 17:00 МСК: обращение, отправленное в нерабочее время, специалист посмотрит в ближайший рабочий день.',
    },
    message: 'Специалист написал по обращению',
    changed: 'Обращение изменилось',
    subjects: {
      registered: 'зарегистрировано',
      clarification_requested: 'специалист задал вопрос',
      answered: 'специалист ответил',
      suggestion: 'передано как предложение',
      resolved: 'вопрос решён',
      message: 'специалист написал',
    },
    subject: (number, headline) => `Обращение № ${number}: ${headline}`,
    // Quotes inside the subject become „…“, as Russian nests them.
    about: (headline, number, topic) => (topic === null ? `${headline}: № ${number}.` : `${headline}: № ${number} «${topic.replace(/«/gu, '„').replace(/»/gu, '“')}»${fullStop(topic)}`),
    answer: 'Ответить на вопрос',
    resolved: (days) => `Оценить ответ можно в обращении. Если проблема вернётся, в течение ${days} дней обращение можно продолжить оттуда же.`,
    open: 'Открыть обращение',
    files: (names) =>
      names.length === 1
        ? `Специалист приложил файл «${names[0] ?? ''}»: скачать его можно в обращении.`
        : `Специалист приложил файлы: ${names.map((name) => `«${name}»`).join(', ')}. Скачать их можно в обращении.`,
    automatic: 'Это письмо отправлено автоматически, отвечать на него не нужно.',
    noReply: 'Ответ на это письмо специалист не получит: написать ему можно в обращении.',
    replyHere: 'Ответ на это письмо придёт специалисту в обращение. Файлы прикладывайте в самом обращении.',
    guest:
      'Письма приходят, только когда обращение зарегистрировано и когда специалист задаёт вопрос, пишет, отвечает или закрывает его. ' +
      'Открыть обращение на другом устройстве можно по его номеру и ключу доступа, показанному после отправки.',
    settingsOrLink: 'Отключить письма можно в настройках виджета техподдержки или по ссылке ниже.',
    settings: 'Отключить письма можно в настройках виджета техподдержки.',
    unsubscribe: 'Отписаться от писем техподдержки',
  },
  en: {
    hello: (name) => (name === null ? 'Hello!' : `Hello, ${name}!`),
    headlines: {
      clarification_requested: 'A specialist has a question about your request',
      answered: 'A specialist has answered your request',
      registered: 'Your request is registered',
      suggestion: 'Your request was passed on as a suggestion for the LMS',
      resolved: 'Your request is resolved',
    },
    receipt: {
      priority: (priority) => `Priority: ${priority}.`,
      review: (when) => `A specialist will look at it by ${when}.`,
      resolve: (when) => `It should be resolved by ${when}.`,
      when: (weekday, day, month, time, provisional) => `${EN_WEEKDAYS[weekday - 1] ?? ''}, ${EN_MONTHS[month - 1] ?? ''} ${day}, ${time} Moscow time${provisional ? ', approximately' : ''}`,
      afterHours: 'Support works on working days from 8:00 to 17:00 Moscow time: a request sent outside these hours is looked at on the next working day.',
    },
    message: 'A specialist wrote about your request',
    changed: 'Your request has changed',
    subjects: {
      registered: 'registered',
      clarification_requested: 'a specialist has a question',
      answered: 'a specialist has answered',
      suggestion: 'passed on as a suggestion',
      resolved: 'resolved',
      message: 'a specialist wrote',
    },
    subject: (number, headline) => `Request ${number}: ${headline}`,
    about: (headline, number, topic) => (topic === null ? `${headline}: ${number}.` : `${headline}: ${number} “${topic.replace(/“/gu, '‘').replace(/”/gu, '’')}”${fullStop(topic)}`),
    answer: 'Answer the question',
    resolved: (days) => `You can rate the answer in the request. If the problem comes back within ${days} days, you can continue the request from there.`,
    open: 'Open the request',
    files: (names) =>
      names.length === 1
        ? `The specialist attached the file “${names[0] ?? ''}”: you can download it from the request.`
        : `The specialist attached files: ${names.map((name) => `“${name}”`).join(', ')}. You can download them from the request.`,
    automatic: 'This e-mail was sent automatically; there is no need to reply to it.',
    noReply: 'A reply to this e-mail does not reach the specialist: write to them in the request.',
    replyHere: 'A reply to this e-mail reaches the specialist in the request. Attach files in the request itself.',
    guest:
      'E-mails come only when your request is registered, and when a specialist asks you a question, writes to you, answers or resolves it. ' +
      'To open the request on another device, use its number and the access key shown after you sent it.',
    settingsOrLink: 'You can turn these e-mails off in the support widget’s settings or with the link below.',
    settings: 'You can turn these e-mails off in the support widget’s settings.',
    unsubscribe: 'Unsubscribe from support e-mails',
  },
};

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** `<page>#uchi-support=<number>`: the widget on that page opens the ticket (any fragment of the page is replaced). */
export function ticketLink(page: string, number: string): string {
  const url = new URL(page);
  url.hash = `${TICKET_LINK_PREFIX}${number}`;
  return url.toString();
}

/** A Moscow date and time as the receipt writes it, as the widget does: «вт, 8 декабря, 09:00 МСК». */
function moscowWhen(say: MailTexts, iso: string, provisional: boolean): string {
  const at = moscowParts(new Date(iso));
  const time = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
  return say.receipt.when(at.weekday, at.day, at.month, time, provisional);
}

/** The receipt's lines: the priority, the two deadlines, and after hours why the review waits. */
function receiptLines(say: MailTexts, receipt: Receipt): string[] {
  return [
    say.receipt.priority(receipt.priority),
    say.receipt.review(moscowWhen(say, receipt.reviewDueAt, receipt.provisional)),
    say.receipt.resolve(moscowWhen(say, receipt.resolveDueAt, receipt.provisional)),
    ...(receipt.afterHours ? [say.receipt.afterHours] : []),
  ];
}

/** Renders the e-mail. */
export function renderEmail(input: EmailInput): EmailPayload {
  const locale = input.locale ?? 'ru';
  const say = TEXTS[locale];
  const headline = input.message === true ? say.message : (say.headlines[input.status] ?? say.changed);
  const link = input.page === null ? null : ticketLink(input.page, input.number);
  // A guest's address is the guest's word alone: support's own e-mail to it carries nothing else the guest wrote (a
  // name or a subject such as «Ваш аккаунт заблокирован: позвоните …» would reach any address in support's name).
  const topic = input.guest ? null : input.subject.replace(/\s+/g, ' ').trim();
  const name = input.guest ? null : input.name;
  const subject = say.subject(input.number, say.subjects[input.message === true ? 'message' : input.status] ?? headline.toLowerCase());
  const action = input.status === 'clarification_requested' && input.message !== true ? say.answer : say.open;
  const settings = input.guest ? say.guest : input.unsubscribeUrl !== null ? say.settingsOrLink : say.settings;
  // File names are the uploader's: one line each way, as the subject.
  const names = (input.files ?? []).map((name) => name.replace(/\s+/g, ' ').trim());
  const files = names.length === 0 ? null : say.files(names);
  const receipt = input.receipt === undefined ? [] : receiptLines(say, input.receipt);
  const next = input.status === 'resolved' && input.message !== true ? say.resolved(FOLLOW_UP_DAYS) : null;
  const specialistWrote = input.message === true || input.status === 'clarification_requested' || input.status === 'answered';
  // A reply is taken (and invited) where a specialist asked, answered or wrote, and the server takes replies.
  const replyTo = specialistWrote ? input.replyTo : undefined;
  const automatic = !specialistWrote ? say.automatic : replyTo === undefined ? say.noReply : say.replyHere;
  const text = [
    say.hello(name),
    '',
    say.about(headline, input.number, topic),
    ...(receipt.length === 0 ? [] : ['', ...receipt]),
    ...(input.text === null ? [] : ['', input.text]),
    ...(files === null ? [] : ['', files]),
    ...(next === null ? [] : ['', next]),
    ...(link === null ? [] : ['', `${action}: ${link}`]),
    '',
    automatic,
    settings,
    ...(input.unsubscribeUrl === null ? [] : [`${say.unsubscribe}: ${input.unsubscribeUrl}`]),
  ].join('\n');
  const paragraphs = (input.text ?? '').split(/\n/).map((line) => escapeHtml(line)).join('<br>');
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">`,
    `<p>${escapeHtml(say.hello(name))}</p>`,
    `<p>${escapeHtml(say.about(headline, input.number, topic))}</p>`,
    receipt.length === 0 ? '' : `<p>${receipt.map((line) => escapeHtml(line)).join('<br>')}</p>`,
    input.text === null ? '' : `<blockquote style="margin:0;padding:8px 12px;border-left:3px solid #ccc">${paragraphs}</blockquote>`,
    files === null ? '' : `<p>${escapeHtml(files)}</p>`,
    next === null ? '' : `<p>${escapeHtml(next)}</p>`,
    link === null ? '' : `<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>`,
    `<p style="color:#666;font-size:13px">${escapeHtml(automatic)} ${escapeHtml(settings)}</p>`,
    input.unsubscribeUrl === null
      ? ''
      : `<p style="color:#666;font-size:13px"><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#666">${escapeHtml(say.unsubscribe)}</a></p>`,
    '</body></html>',
  ].join('');
  return { to: input.to, subject, text, html, locale, ...(input.unsubscribeUrl === null ? {} : { unsubscribeUrl: input.unsubscribeUrl }), ...(replyTo === undefined ? {} : { replyTo }) };
}
