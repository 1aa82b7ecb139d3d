/**
 * The reporter's e-mail about a specialist's change: Russian, plain text and HTML (every user-supplied value
 * escaped), the ticket number in the subject and a link back to the LMS page with the ticket opened.
 */
import { TICKET_LINK_PREFIX } from '../../core';
import type { Status } from '../../core';

/** The statuses a reporter is e-mailed about, when a specialist sets them. */
export const EMAIL_STATUSES: ReadonlySet<Status> = new Set<Status>(['clarification_requested', 'answered', 'resolved']);

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
  text: string | null;
  /** The LMS page the ticket came from (or the LMS itself); the link opens the ticket there. Null: no link. */
  page: string | null;
  /** A guest has no widget settings to turn the e-mails off in: their e-mail does not point there. */
  guest: boolean;
  /** The recipient's unsubscribe link; null when the server has no public address. */
  unsubscribeUrl: string | null;
}

/** The footer's last sentence: where a signed-in user turns e-mails off, or when a guest gets them at all. */
function settingsSentence(guest: boolean, unsubscribe: boolean): string {
  if (guest) return 'Письма приходят, только когда специалист задаёт вопрос, отвечает или закрывает ваше обращение.';
  return unsubscribe
    ? 'Отключить письма можно в настройках виджета техподдержки или по ссылке ниже.'
    : 'Отключить письма можно в настройках виджета техподдержки.';
}

const UNSUBSCRIBE_LABEL = 'Отписаться от писем техподдержки';

const HEADLINES: Partial<Record<Status, string>> = {
  clarification_requested: 'Специалист задал вопрос по обращению',
  answered: 'Специалист ответил на обращение',
  resolved: 'Вопрос решён',
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

/** Renders the e-mail. */
export function renderEmail(input: EmailInput): EmailPayload {
  const headline = HEADLINES[input.status] ?? 'Обращение изменилось';
  const link = input.page === null ? null : ticketLink(input.page, input.number);
  // Header injection is impossible through nodemailer, but a subject stays one line all the same.
  const topic = input.subject.replace(/\s+/g, ' ').trim();
  const subject = `Обращение № ${input.number}: ${headline.toLowerCase()}`;
  const action = input.status === 'clarification_requested' ? 'Ответить на вопрос' : 'Открыть обращение';
  const text = [
    `Здравствуйте, ${input.name}!`,
    '',
    `${headline}: № ${input.number} «${topic}».`,
    ...(input.text === null ? [] : ['', input.text]),
    ...(link === null ? [] : ['', `${action}: ${link}`]),
    '',
    'Это письмо отправлено автоматически, отвечать на него не нужно.',
    settingsSentence(input.guest, input.unsubscribeUrl !== null),
    ...(input.unsubscribeUrl === null ? [] : [`${UNSUBSCRIBE_LABEL}: ${input.unsubscribeUrl}`]),
  ].join('\n');
  const paragraphs = (input.text ?? '').split(/\n/).map((line) => escapeHtml(line)).join('<br>');
  const html = [
    '<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">',
    `<p>Здравствуйте, ${escapeHtml(input.name)}!</p>`,
    `<p>${escapeHtml(headline)}: № ${escapeHtml(input.number)} «${escapeHtml(topic)}».</p>`,
    input.text === null ? '' : `<blockquote style="margin:0;padding:8px 12px;border-left:3px solid #ccc">${paragraphs}</blockquote>`,
    link === null ? '' : `<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>`,
    '<p style="color:#666;font-size:13px">Это письмо отправлено автоматически, отвечать на него не нужно. ',
    `${escapeHtml(settingsSentence(input.guest, input.unsubscribeUrl !== null))}</p>`,
    input.unsubscribeUrl === null
      ? ''
      : `<p style="color:#666;font-size:13px"><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#666">${UNSUBSCRIBE_LABEL}</a></p>`,
    '</body></html>',
  ].join('');
  return { to: input.to, subject, text, html, ...(input.unsubscribeUrl === null ? {} : { unsubscribeUrl: input.unsubscribeUrl }) };
}
