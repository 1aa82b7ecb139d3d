/**
 * A reporter's reply to one of support's e-mails, as the inbound SMTP listener hands it over: checked (the sender
 * is the ticket's reporter, a person and not an auto-responder, no files), cut to what they wrote, and filed as
 * their message, as if they had written it in the widget: an answer to a question moves the ticket on.
 *
 * A refusal is an SMTP answer the sending mail server turns into a bounce to the reporter, so it says in plain
 * English what to do instead (a bounce is read where SMTPUTF8 may not be).
 */
import { domainToASCII } from 'node:url';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { MAX_MESSAGE_LENGTH } from '../../core';
import type { AppDeps } from '../context';
import type { TicketRow } from '../db/rows';
import { ApiFailure } from '../errors';
import { cleanText } from '../http/clean-text';
import { addressOfFrom, mailbox } from '../mailbox';
import { postEmailReply } from '../tickets/actions';
import { replyText } from './reply-text';

/** What became of a reply that was not refused. */
export type ReplyOutcome =
  | { kind: 'stored'; eventId: number }
  /** The reporter's last message says the same (a mail server delivering again): nothing new is written. */
  | { kind: 'repeated' }
  /** An auto-responder's or a mail server's own message: taken and dropped, so no loop of replies starts. */
  | { kind: 'ignored'; reason: string };

/** A reply the server does not take: the SMTP answer's code and text. */
export class ReplyRefusal extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

const WRITE_IN_THE_REQUEST = 'write in the request in the support widget instead';

/** Why `mail` comes from a machine rather than a person (RFC 3834 and the headers auto-responders use), or null. */
function machineMade(mail: ParsedMail, envelopeFrom: string): string | null {
  if (envelopeFrom === '') return 'a bounce (empty envelope sender)';
  // As written: the parser makes some of them structures (List-* into one `list`).
  const header = (name: string): string => {
    const line = mail.headerLines.find((entry) => entry.key === name)?.line ?? '';
    return line.slice(line.indexOf(':') + 1).trim().toLowerCase();
  };
  const submitted = header('auto-submitted');
  if (submitted !== '' && !submitted.startsWith('no')) return `Auto-Submitted: ${submitted.slice(0, 40)}`;
  if (/\b(?:bulk|junk|list|auto_reply)\b/.test(header('precedence'))) return `Precedence: ${header('precedence').slice(0, 40)}`;
  if (header('x-autoreply') !== '' || header('x-autorespond') !== '') return 'an auto-reply header';
  if (header('list-id') !== '') return 'a mailing list';
  if (header('content-type').includes('multipart/report')) return 'a delivery report';
  return null;
}

/**
 * Whether an attachment is a file the reporter attached: anything but a picture the text shows (a signature's
 * logo, referred to by its Content-ID). A PDF sent «inline» is still a file.
 */
const isAttachedFile = (attachment: ParsedMail['attachments'][number]): boolean =>
  !(attachment.contentType.startsWith('image/') && (attachment.related === true || (attachment.contentDisposition === 'inline' && attachment.cid !== undefined)));

/** The longest text the quote is looked for in: far more than a reply and its quoted thread. */
const MAX_TEXT_READ = 512 * 1024;

/** An address with its domain as mail servers write it (punycode), so «пример.рф» and «xn--e1afmkfd.xn--p1ai» are one. */
function asciiAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = domainToASCII(address.slice(at + 1));
  return `${address.slice(0, at)}@${domain === '' ? address.slice(at + 1) : domain}`;
}

/**
 * Files reply `raw` (its envelope sender `envelopeFrom`, '' for the null sender) to ticket `number`, which the
 * reply address named and signed; throws {@link ReplyRefusal} for what the reporter must do otherwise.
 */
export async function receiveReply(deps: AppDeps, number: string, raw: Buffer, envelopeFrom: string): Promise<ReplyOutcome> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 1024 * 1024 });
  } catch {
    // Sending it again cannot help.
    throw new ReplyRefusal(554, '5.6.0 The message could not be read as an e-mail');
  }
  const machine = machineMade(mail, envelopeFrom);
  if (machine !== null) return { kind: 'ignored', reason: machine };
  const from = mail.from?.value.find((entry) => entry.address !== undefined)?.address ?? '';
  if (mail.attachments.some(isAttachedFile)) {
    throw new ReplyRefusal(550, `5.7.1 Files are not taken by e-mail: attach them in the request in the support widget, and send the text there or again without the files`);
  }
  const { notifications, inbound } = deps.config;
  const ours = [notifications.mailFrom, notifications.mailFromEn, inbound?.replyAddress ?? ''].map(addressOfFrom).filter((address) => address !== '');
  const body = mail.text ?? '';
  if (body.length > MAX_TEXT_READ) throw new ReplyRefusal(552, `5.3.4 The reply is longer than ${MAX_MESSAGE_LENGTH} characters: ${WRITE_IN_THE_REQUEST}`);
  // As every text a client sends: no NUL (PostgreSQL refuses it), no invisible or direction-changing characters.
  const text = replyText(cleanText(body), ours);
  if (text === '') throw new ReplyRefusal(550, '5.6.0 The reply holds no text of its own above the quoted e-mail');
  if (text.length > MAX_MESSAGE_LENGTH) throw new ReplyRefusal(552, `5.3.4 The reply is longer than ${MAX_MESSAGE_LENGTH} characters: ${WRITE_IN_THE_REQUEST}`);
  // The signed address is the credential, as in any reply by e-mail; it travels in every copy and forward of the
  // e-mail, so the sender must also be the reporter's own mailbox. Checked on the locked row: an erasure that
  // commits first leaves no address to match.
  const sender = (row: TicketRow) => {
    const reporter = JSON.parse(row.reporter_json) as { email?: string };
    if (reporter.email === undefined || reporter.email === '' || from === '' || mailbox(asciiAddress(from)) !== mailbox(asciiAddress(reporter.email))) {
      throw new ReplyRefusal(550, `5.7.1 Replies are taken only from the address support's e-mail was sent to: ${WRITE_IN_THE_REQUEST}`);
    }
  };
  try {
    const eventId = await postEmailReply(deps, number, text, sender);
    return eventId === null ? { kind: 'repeated' } : { kind: 'stored', eventId };
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    if (error.code === 'illegal_transition') throw new ReplyRefusal(550, '5.7.1 The request is closed: continue it or open a new one in the support widget');
    if (error.code === 'not_found') throw new ReplyRefusal(550, '5.1.1 No such request: it was erased or never existed');
    throw new ReplyRefusal(550, `5.7.1 The request takes no more messages: ${WRITE_IN_THE_REQUEST}`);
  }
}
