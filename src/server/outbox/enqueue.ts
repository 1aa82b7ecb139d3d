/**
 * Queues the deliveries of one ticket event inside the transaction that appends it: the event and its
 * e-mail/webhooks commit together or not at all, and the dispatcher sends them afterwards.
 */
import { isSupportOpen } from '../../core';
import type { Category, Priority, Reporter as ReporterRecord, Status, TicketDraft, TicketRating } from '../../core';
import type { AppDeps } from '../context';
import { storedLocale } from '../locale';
import type { EventRow, TicketRow } from '../db/rows';
import type { Assignment, WebhookPayload, WebhookTicket } from '../schemas';
import type { NewOutboxRow, Transaction } from '../storage/types';
import { eventView } from '../tickets/view';
import { replyAddress } from '../inbound/reply-address';
import { EMAIL_STATUSES, renderEmail } from './email';
import { emailsOf, subscribersOf } from './reporter-emails';
import { mailbox } from '../mailbox';
import { addressOwner, unsubscribeUrl } from './unsubscribe';
import { webhookPayload } from './webhook';

/**
 * Queues the webhooks of `event` and, for a specialist's question, answer, suggestion status, resolution or message,
 * the reporter's e-mail. A new ticket's receipt is queued after its commit (receipts.ts).
 */
export async function queueDeliveries(deps: AppDeps, tx: Transaction, ticket: TicketRow, event: EventRow): Promise<void> {
  const { notifications } = deps.config;
  const rows: NewOutboxRow[] = [];
  const base = { event_id: event.id, ticket_id: ticket.id, created_at: event.created_at };
  // The event's files, claimed in this transaction before it queues: a message's, those of a reply to a
  // specialist's question (a status event), or a specialist's. The create's are the ticket's, not an event's. Read
  // only when something is sent at all: every event of a server without e-mail or webhooks passes here.
  const sending = notifications.webhookUrls.length > 0 || notifications.smtpUrl !== null;
  const files = !sending || event.previous_status === null ? [] : (await tx.attachments.listOfEvents(ticket.id)).filter((row) => row.event_id === event.id);
  if (notifications.webhookUrls.length > 0) {
    const body = JSON.stringify(webhookPayload(await webhookTicketOf(tx, ticket, event.status as Status), eventView(event, files, 'support')));
    rows.push(...webhookRows(deps, base, body));
  }
  const email = await emailRow(deps, tx, ticket, event, false, files.map((file) => file.name));
  if (email !== null) rows.push(email);
  if (rows.length > 0) await tx.outbox.enqueue(rows);
}

/** The outbox row of the reporter's e-mail about `event` (its receipt when `receipt`), or null when none is due. */
export async function emailRow(deps: AppDeps, tx: Transaction, ticket: TicketRow, event: EventRow, receipt: boolean, files: readonly string[] = []): Promise<NewOutboxRow | null> {
  const email = await emailFor(deps, tx, ticket, event, files, receipt);
  if (email === null) return null;
  return { event_id: event.id, ticket_id: ticket.id, created_at: event.created_at, kind: 'email', target: email.to, dedupe_key: `email:${event.id}`, payload: JSON.stringify(email) };
}

/** The ticket as a webhook names it, with `status` the one its event left. */
async function webhookTicketOf(tx: Transaction, ticket: TicketRow, status: Status): Promise<WebhookTicket> {
  // The ticket a follow-up continues, as the API names it.
  const followed = ticket.follow_up_of === null ? undefined : await tx.tickets.get(ticket.follow_up_of);
  return {
    id: ticket.id,
    number: ticket.number,
    status,
    category: ticket.category as Category,
    priority: ticket.priority as Priority,
    subject: ticket.subject,
    followUpOf: followed === undefined ? null : { id: followed.id, number: followed.number },
    assignee: ticket.assignee,
  };
}

/** One delivery of `body` to each address of SUPPORT_WEBHOOK_URLS. */
function webhookRows(deps: AppDeps, base: Pick<NewOutboxRow, 'event_id' | 'ticket_id' | 'created_at'>, body: string): NewOutboxRow[] {
  return deps.config.notifications.webhookUrls.map((url, index) => ({ ...base, kind: 'webhook', target: url, dedupe_key: `webhook:${base.event_id}:${index}`, payload: body }));
}

/** A notice to the desks that is no ticket event, and what it carries besides the ticket. */
export type Notice =
  | { type: 'ticket.rated'; rating: TicketRating }
  | { type: 'ticket.assigned'; assignment: Assignment }
  | { type: 'ticket.erased' };

/**
 * Queues the webhooks of `notice` about the ticket `ticketId` (read as the transaction that made the change left it)
 * under an id of the events' sequence. Nothing without webhooks, not even the read; never an e-mail. Returns whether
 * anything was queued: the caller wakes the dispatcher after the commit (`broker.publish`).
 */
export async function queueNotice(deps: AppDeps, tx: Transaction, ticketId: string, notice: Notice, at: string): Promise<boolean> {
  if (deps.config.notifications.webhookUrls.length === 0) return false;
  const ticket = await tx.tickets.get(ticketId);
  if (ticket === undefined) throw new Error(`ticket ${ticketId} of a notice not found in its transaction`);
  const id = await tx.events.reserveId();
  const body: WebhookPayload = { id, ticket: await webhookTicketOf(tx, ticket, ticket.status as Status), at, ...notice };
  await tx.outbox.enqueue(webhookRows(deps, { event_id: id, ticket_id: ticket.id, created_at: at }, JSON.stringify(body)));
  return true;
}

async function emailFor(deps: AppDeps, tx: Transaction, ticket: TicketRow, event: EventRow, files: readonly string[], receipt: boolean) {
  // The receipt of a new ticket, or a specialist's change, never the reporter's own, and only the ones worth an
  // e-mail: a question, an answer, a suggestion passed on, a resolution, or a message.
  const registered = event.previous_status === null;
  if (registered ? !receipt : event.actor !== 'support' || (event.type === 'status' && !EMAIL_STATUSES.has(event.status as Status))) return null;
  // The reporter's own setting, and the address's: an address whose owner unsubscribed from a guest ticket's
  // e-mail gets none, whoever names it (see unsubscribe.ts).
  const reporter = JSON.parse(ticket.reporter_json) as ReporterRecord & { email: string };
  if ((await emailsOf(tx.prefs, ticket, reporter, deps.config.notifications.smtpUrl !== null)) !== 'on') return null;
  const subscribers = subscribersOf(ticket, reporter.email);
  // A signed-in user's link switches their own setting (the widget's switch); a guest's, the address's.
  const subscriber = reporter.guest ? addressOwner(mailbox(reporter.email)) : ticket.owner;
  const email = renderEmail({
    to: reporter.email,
    name: reporter.fullName,
    number: ticket.number,
    subject: ticket.subject,
    status: event.status as Status,
    message: event.type === 'message',
    text: event.text,
    files,
    page: pageOf(ticket, reporter, deps.config.allowedOrigins),
    guest: reporter.guest,
    locale: storedLocale(ticket.locale),
    unsubscribeUrl: deps.config.publicUrl === null ? null : unsubscribeUrl(deps.config.publicUrl, deps.config.tokenSecret, subscriber),
    ...(deps.config.inbound === null ? {} : { replyTo: replyAddress(deps.config.inbound.replyAddress, deps.config.tokenSecret, ticket.number) }),
    ...(registered
      ? {
          receipt: {
            priority: ticket.priority as Priority,
            reviewDueAt: ticket.review_due_at,
            resolveDueAt: ticket.resolve_due_at,
            provisional: ticket.deadlines_provisional === 1,
            afterHours: !isSupportOpen(new Date(ticket.created_at)),
          },
        }
      : {}),
  });
  return { ...email, subscribers };
}

/**
 * The page the ticket was sent from when it is on the reporter's LMS, else the LMS itself; null when neither is
 * a web address (the e-mail then goes without a link). A signed-in user's LMS comes from the verified token; a
 * guest types theirs, so a guest's e-mail links only to the front page of an LMS that embeds the widget
 * (`allowedOrigins`): otherwise anyone could have support's own e-mail carry a link of their choosing to any address.
 */
function pageOf(ticket: TicketRow, reporter: ReporterRecord, allowedOrigins: readonly string[]): string | null {
  const lms = webUrl(reporter.lmsUrl);
  if (reporter.guest) {
    // Its front page, not a page the guest named: a path and query of their choosing could go on to another site
    // through any redirect the LMS has.
    return lms !== null && allowedOrigins.some((origin) => webUrl(origin)?.origin === lms.origin) ? `${lms.origin}/` : null;
  }
  const draft = JSON.parse(ticket.draft_json) as Pick<TicketDraft, 'pageUrl'>;
  const page = webUrl(draft.pageUrl ?? '');
  if (page !== null && lms !== null && page.origin === lms.origin) return page.toString();
  return lms?.toString() ?? null;
}

function webUrl(value: string): URL | null {
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}
