/**
 * Erasing a person's personal data on request (152-ФЗ: a person who withdraws their consent, or asks for their data
 * to be destroyed). Their tickets stay as support's record — numbers, categories, statuses, deadlines, who handled
 * them, support's own messages and files, a rating's score — and lose everything of the person: their name, phone,
 * e-mail and organisation, what they wrote (the subject, the description, the steps, the test's question, their
 * messages, a rating's comment), the page and its errors, their files, the e-mails and webhooks about the tickets,
 * and the key that opened them. The tickets get an owner of their own (`erased:…`), so nobody reads them as a
 * reporter any more; tickets erased together stay linked to each other.
 */
import { httpOrigin, isUrlKind, readWirePath, TICKET_FIELDS, writeWirePath } from '../../core';
import type { LinkedTicket, Reporter, TicketDraft, TicketFieldName } from '../../core';
import { userOwner } from '../auth/identity';
import type { AppDeps } from '../context';
import { queueNotice } from '../outbox/enqueue';
import type { ErasedPerson } from '../storage/types';
import { failures } from '../errors';
import { ticketByRef } from './access';
import { randomId } from './ids';

/** What replaces a text the person wrote. */
export const ERASED_TEXT = '—';

/** What an erasure did: the tickets it emptied (none when there was nothing left of the person) and the files removed. */
export interface Erasure {
  tickets: LinkedTicket[];
  files: number;
}

/** Whom to erase: a signed-in user, the guests who gave an e-mail address, or the reporter of one ticket. */
export type ErasureRequest = { userId: string } | { email: string } | { ticket: string };

/**
 * Erases the person in one transaction (all of it or nothing; the files go from disk once it has committed):
 * - `userId`: every ticket of the signed-in user with that `sub`, their unsent uploads and their e-mail switch;
 * - `email`: every guest's ticket whose reporter gave an address of that mailbox (mailbox.ts: a +tag or Gmail's dots
 *   are the same person; a signed-in user's tickets are theirs, erased by
 *   `userId`: an address can be shared, an office's mailbox say);
 * - `ticket` (its id or number): that ticket, whoever reported it (a guest who gave no e-mail is found so).
 * An address's «no» to e-mails stays: it is what keeps e-mails from going to it, and holds nothing but the address.
 */
export async function erasePerson(deps: AppDeps, request: ErasureRequest): Promise<Erasure> {
  let who: ErasedPerson;
  if ('userId' in request) who = { owner: userOwner(request.userId) };
  else if ('email' in request) who = { guestEmail: request.email.trim() };
  else {
    // A number in any case; an id exactly as issued. One that names no ticket is 404, not «nothing left to erase»:
    // a mistyped number must not read as done.
    const row = await ticketByRef(deps.store, request.ticket.trim());
    if (row === undefined) throw failures.ticketNotFound();
    who = { ticketId: row.id };
  }
  const { tickets, names } = await deps.store.write(async (tx) => {
    // A ticket erased before has nothing of anyone left.
    const found = (await tx.erasure.tickets(who)).filter((row) => !row.owner.startsWith(ERASED_OWNER));
    const owner = `${ERASED_OWNER}${randomId()}`;
    for (const row of found) {
      await tx.erasure.ticket(row.id, {
        owner,
        subject: ERASED_TEXT,
        draft_json: JSON.stringify(erasedDraft(JSON.parse(row.draft_json) as TicketDraft)),
        reporter_json: JSON.stringify(erasedReporter(JSON.parse(row.reporter_json) as Reporter)),
      });
      await tx.erasure.reporterTexts(row.id, ERASED_TEXT);
    }
    const ids = found.map((row) => row.id);
    // A signed-in user's unsent uploads and e-mail switch are theirs for sure; a guest key may be a browser two
    // people share, so only what the erased tickets hold goes (an unsent upload is deleted within a day anyway).
    const theirs = 'owner' in who ? [who.owner] : [];
    const names = await tx.erasure.attachments(ids, theirs);
    await tx.erasure.records(ids, theirs);
    // The desks kept what they were sent: each ticket's notice (with nothing of the person) tells them to erase it.
    const at = deps.clock().toISOString();
    for (const id of ids) await queueNotice(deps, tx, id, { type: 'ticket.erased' }, at);
    return { tickets: found.map((row) => ({ id: row.id, number: row.number })), names };
  });
  for (const name of names) await deps.files.discard(name);
  await deps.store.scrub?.();
  // Streams open on the tickets read on only while the ticket is their opener's: woken, they see it is not.
  for (const ticket of tickets) deps.broker.publish(ticket.id);
  return { tickets, files: names.length };
}

/** The owner prefix of erased tickets: no identity has it. */
const ERASED_OWNER = 'erased:';

/** The reporter as kept: their role and whether they were a guest, and the LMS; nothing that names them. */
function erasedReporter(reporter: Reporter): Reporter {
  return { fullName: ERASED_TEXT, role: reporter.role, organization: ERASED_TEXT, lmsUrl: reporter.lmsUrl, guest: reporter.guest };
}

/** An address reduced to its site (an order's or a document's page can name the person). */
function siteOf(value: string): string {
  const origin = httpOrigin(value);
  return origin === null ? ERASED_TEXT : `${origin}/`;
}

/** The fields of the table an erasure keeps: what the problem was about (which course, when the attempt was). */
const KEPT_FIELDS: ReadonlySet<TicketFieldName> = new Set<TicketFieldName>(['courseTitle', 'courseUrl', 'testAttemptDate']);

/**
 * The draft as kept: what the problem was about (the category, the course, how much it hurt, the browser and
 * system) without what the person wrote or where they were. Every other field of the table becomes `—` when it is
 * text and its site when it is an address (an order's or a document's page can name the person), so a field added
 * to the table is erased unless it is kept above; the page, its errors and a guest's contact go; of the browser, the
 * whole user-agent line, the list of languages and the time zone go (together with the screen they single a device
 * out), its name, version, system and language stay.
 */
function erasedDraft(draft: TicketDraft): TicketDraft {
  const { pageUrl: _page, pageErrors: _errors, contact: _contact, ...kept } = structuredClone(draft);
  const { pageUrl: _browserPage, ...browser } = kept.browser;
  Object.assign(browser, { userAgent: ERASED_TEXT, languages: [], timeZone: ERASED_TEXT });
  const erased = { ...kept, browser } as TicketDraft;
  for (const [name, spec] of Object.entries(TICKET_FIELDS) as Array<[TicketFieldName, (typeof TICKET_FIELDS)[TicketFieldName]]>) {
    const value = KEPT_FIELDS.has(name) ? undefined : readWirePath(erased, spec.wire);
    if (value === undefined) continue;
    if (isUrlKind(spec.kind)) writeWirePath(erased as Record<string, unknown>, spec.wire, siteOf(value));
    else if (spec.kind === 'text' || spec.kind === 'multiline') writeWirePath(erased as Record<string, unknown>, spec.wire, ERASED_TEXT);
  }
  return erased;
}
