/**
 * Whether a ticket's reporter gets support's e-mails, and if not, why: what the outbox checks before it queues one,
 * and what support reads on the ticket (an answer to someone who switched the e-mails off reaches them only in the
 * widget).
 */
import type { Reporter as ReporterRecord } from '../../core';
import type { TicketRow } from '../db/rows';
import type { PrefsRepo } from '../storage/types';
import { mailbox } from '../mailbox';
import { addressOwner } from './unsubscribe';

/**
 * `on`: e-mailed; `off`: the reporter switched them off, or the address was unsubscribed (from any guest ticket's
 * e-mail); `no_address`: the ticket names none; `no_mail_server`: the server sends no e-mail (SUPPORT_SMTP_URL).
 */
export type ReporterEmails = 'on' | 'off' | 'no_address' | 'no_mail_server';

/**
 * The e-mail preferences that must all allow an e-mail to the ticket's reporter: theirs, their address's, and the
 * mailbox's it reaches when written with a +tag or Gmail dots (its owner's «no» holds for «name+anything@» too).
 */
export function subscribersOf(ticket: Pick<TicketRow, 'owner'>, address: string): string[] {
  return [ticket.owner, ...addressKeys(address)];
}

/**
 * The preferences of an address: the mailbox it reaches (where an unsubscribe link now says no), and the address as
 * written when that differs (links sent before said no there).
 */
export function addressKeys(address: string): string[] {
  const [reached, written] = [addressOwner(mailbox(address)), addressOwner(address)];
  return reached === written ? [reached] : [reached, written];
}

/** Whether the reporter of `ticket` gets e-mails now; `mailServer`: the server has one to send them with. */
export async function reporterEmails(prefs: Pick<PrefsRepo, 'emailEnabled'>, ticket: Pick<TicketRow, 'owner' | 'reporter_json'>, mailServer: boolean): Promise<ReporterEmails> {
  return emailsOf(prefs, ticket, JSON.parse(ticket.reporter_json) as ReporterRecord, mailServer);
}

/** The same, for a caller that has read the ticket's `reporter` already. */
export async function emailsOf(prefs: Pick<PrefsRepo, 'emailEnabled'>, ticket: Pick<TicketRow, 'owner'>, reporter: ReporterRecord, mailServer: boolean): Promise<ReporterEmails> {
  if (!mailServer) return 'no_mail_server';
  const { email } = reporter;
  if (email === undefined || email === '') return 'no_address';
  for (const owner of subscribersOf(ticket, email)) if (!(await prefs.emailEnabled(owner))) return 'off';
  return 'on';
}
