/** Ownership: a reporter sees only their own tickets and files; anyone else's answer 404, never 403. */
import type { Identity, Reporter } from '../auth/identity';
import { requireUploader } from '../auth/identity';
import type { AttachmentRow, TicketRow } from '../db/rows';
import type { Reader } from './view';
import { isTicketNumber } from '../../core';
import { failures } from '../errors';

/** What ids we issue look like; anything else is not found without touching the database. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Whether the reporter owns the ticket or holds its access key. */
export function reporterCanSee(reporter: Reporter, ticket: TicketRow): boolean {
  if (ticket.owner === reporter.owner) return true;
  return reporter.keyHash !== null && ticket.access_key_hash === reporter.keyHash;
}

/** A ticket by its id or by its number (`UP-2026-000123`, as e-mails and deep links name it), or undefined. */
export async function ticketByRef(store: Reader, ref: string): Promise<TicketRow | undefined> {
  const named = ticketRef(ref);
  if (isTicketNumber(named)) return store.tickets.getByNumber(named);
  return ID_PATTERN.test(named) ? store.tickets.get(named) : undefined;
}

/** A ticket as a request names it, in one spelling: a number in any case is the number (an id, 16 characters, is never one). */
export function ticketRef(ref: string): string {
  const number = ref.toUpperCase();
  return isTicketNumber(number) ? number : ref;
}

/** The reporter's ticket, named by its id or its number, or 404. */
export async function reporterTicket(store: Reader, reporter: Reporter, id: string): Promise<TicketRow> {
  const row = await ticketByRef(store, id);
  if (row === undefined || !reporterCanSee(reporter, row)) throw failures.ticketNotFound();
  return row;
}

/** Any ticket (for the agent), named by its id or its number like a reporter's, or 404. */
export async function anyTicket(store: Reader, id: string): Promise<TicketRow> {
  const row = await ticketByRef(store, id);
  if (row === undefined) throw failures.ticketNotFound();
  return row;
}

/** An attachment the identity may download (its uploader, a reader of its ticket, or support once a ticket has it), or 404. */
export async function readableAttachment(store: Reader, identity: Identity, id: string): Promise<AttachmentRow> {
  const row = ID_PATTERN.test(id) ? await store.attachments.get(id) : undefined;
  if (row === undefined) throw failures.attachmentNotFound();
  // Support reads every ticket's files. A file no ticket has claimed is still its uploader's draft: a user's is
  // not support's to read, and a specialist's unsent upload is not a colleague's (nor the shared token's).
  if (identity.kind === 'agent') {
    if (row.ticket_id !== null || row.owner === requireUploader(identity).owner) return row;
    throw failures.attachmentNotFound();
  }
  if (identity.kind !== 'user' && identity.kind !== 'guest') throw failures.attachmentNotFound();
  if (row.owner === identity.owner) return row;
  const ticket = row.ticket_id === null ? undefined : await store.tickets.get(row.ticket_id);
  if (ticket !== undefined && reporterCanSee(identity, ticket)) return row;
  throw failures.attachmentNotFound();
}
