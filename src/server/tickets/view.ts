/** Turns stored rows into the wire shapes of the contract (Ticket, TicketEvent, TicketSummary, Attachment). */
import { ratingChangeableUntil, ticketSummary } from '../../core';
import type { Actor, Attachment, AttachmentType, Priority, Reporter, Status, Ticket, TicketDraft, TicketEvent, TicketRating, TicketSummary } from '../../core';
import { subOfOwner } from '../auth/identity';
import type { AssignmentRow, AttachmentRow, EventRow, TicketRow } from '../db/rows';
import type { Assignment } from '../schemas';
import type { Storage } from '../storage/types';

/** What the views read: the storage, or an open transaction (which sees its own writes). */
export type Reader = Pick<Storage, 'tickets' | 'events' | 'attachments'>;

/**
 * Who reads: a reporter, or support (the agent API, the operator page, the webhooks), who also sees which named
 * specialist made a support event. A reporter is answered by "support", never by a person's name.
 */
export type Audience = 'reporter' | 'support';
import { storedLocale } from '../locale';
import { reporterEmails } from '../outbox/reporter-emails';
import { oneProblemRecord } from './one-problem';
import { awaitsSupport } from './paging';

/** An attachment's public metadata (never its storage name or owner). */
export function attachmentView(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type as AttachmentType,
    size: row.size,
    ...(row.width === null ? {} : { width: row.width }),
    ...(row.height === null ? {} : { height: row.height }),
    createdAt: row.created_at,
  };
}

/** One event with the attachments sent with it. */
export function eventView(row: EventRow, attachments: readonly AttachmentRow[], audience: Audience = 'reporter'): TicketEvent & { agent?: string } {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    type: row.type === 'message' ? 'message' : 'status',
    status: row.status as Status,
    previousStatus: row.previous_status as Status | null,
    actor: row.actor as Actor,
    ...(row.text === null ? {} : { text: row.text }),
    attachments: attachments.map(attachmentView),
    createdAt: row.created_at,
    ...(audience === 'support' && row.agent_name !== null ? { agent: row.agent_name } : {}),
  };
}

/** A ticket's events after `after`, each with its attachments. */
export async function eventsOf(store: Reader, ticketId: string, after = 0, audience: Audience = 'reporter'): Promise<TicketEvent[]> {
  const events = await store.events.listAfter(ticketId, after);
  if (events.length === 0) return [];
  const byEvent = new Map<number, AttachmentRow[]>();
  for (const row of await store.attachments.listOfEvents(ticketId)) {
    if (row.event_id === null) continue;
    byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), row]);
  }
  return events.map((row) => eventView(row, byEvent.get(row.id) ?? [], audience));
}

/**
 * The full ticket: draft fields, record fields, attachments and every event. `reader` is the reporter who reads it:
 * one who holds only its access key (not its owner) reads that ticket alone, without the links to the owner's other
 * tickets (created together, followed up).
 */
export async function ticketView(store: Reader, row: TicketRow, audience: Audience = 'reporter', reader?: { owner: string }): Promise<Ticket> {
  const linked = reader === undefined || reader.owner === row.owner;
  const [attachments, events, createdWith, followUps] = await Promise.all([
    store.attachments.listOfCreate(row.id),
    eventsOf(store, row.id, 0, audience),
    linked ? withCreatedWith(store, row) : {},
    linked ? withFollowUps(store, row) : {},
  ]);
  const draft = JSON.parse(row.draft_json) as TicketDraft;
  return {
    ...draft,
    id: row.id,
    number: row.number,
    status: row.status as Status,
    priority: row.priority as Priority,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reviewDueAt: row.review_due_at,
    resolveDueAt: row.resolve_due_at,
    deadlinesProvisional: row.deadlines_provisional === 1,
    reporter: JSON.parse(row.reporter_json) as Reporter,
    attachments: attachments.map(attachmentView),
    events,
    ...withOneProblem(row),
    ...createdWith,
    ...withRating(row),
    ...followUps,
    ...(row.consent_at === null ? {} : { consentAt: row.consent_at }),
  };
}

/** The reporter's rating, once given. */
export function ratingView(row: TicketRow): TicketRating | undefined {
  if (row.rating_score === null || row.rated_at === null) return undefined;
  return {
    score: row.rating_score,
    ...(row.rating_comment === null ? {} : { comment: row.rating_comment }),
    ratedAt: row.rated_at,
    updatedAt: row.rating_updated_at ?? row.rated_at,
    changeableUntil: ratingChangeableUntil(new Date(row.rated_at)).toISOString(),
  };
}

function withRating(row: TicketRow): Pick<Ticket, 'rating'> {
  const rating = ratingView(row);
  return rating === undefined ? {} : { rating };
}

function withOneProblem(row: TicketRow): Pick<Ticket, 'oneProblemCheck'> {
  const check = oneProblemRecord(row);
  return check === undefined ? {} : { oneProblemCheck: check };
}

// Linked only within one owner, so a client cannot attach itself to someone else's tickets by their token.
async function withCreatedWith(store: Reader, row: TicketRow): Promise<Pick<Ticket, 'createdWith'>> {
  if (row.split_group === null) return {};
  const others = (await store.tickets.listSplitGroup(row.owner, row.split_group)).filter((t) => t.id !== row.id);
  return others.length === 0 ? {} : { createdWith: others.map((t) => ({ id: t.id, number: t.number })) };
}

// Only links within one owner: `follow_up_of` is set only after the ownership check, and is kept that way here.
async function withFollowUps(store: Reader, row: TicketRow): Promise<Pick<Ticket, 'followUpOf' | 'followUps'>> {
  const [previous, next] = await Promise.all([
    row.follow_up_of === null ? undefined : store.tickets.get(row.follow_up_of),
    store.tickets.listFollowUps(row.id),
  ]);
  return {
    ...(previous === undefined ? {} : { followUpOf: { id: previous.id, number: previous.number } }),
    ...(next.length === 0 ? {} : { followUps: next.map((t) => ({ id: t.id, number: t.number })) }),
  };
}

/** A line of a ticket list. */
export async function summaryView(store: Reader, row: TicketRow): Promise<TicketSummary> {
  const lastEventId = await store.events.lastId(row.id);
  const draft = JSON.parse(row.draft_json) as TicketDraft;
  return ticketSummary(draft, {
    id: row.id,
    number: row.number,
    subject: row.subject,
    status: row.status as Status,
    priority: row.priority as Priority,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastEventId,
  });
}

/** One change of a ticket's assignee, as support reads it. */
export function assignmentView(row: AssignmentRow): Assignment {
  return { id: row.id, assignee: row.assignee, previous: row.previous, by: row.by_agent, cause: row.cause, createdAt: row.created_at };
}

/**
 * A line of support's list: the summary, what the one-problem check found when the user confirmed one problem and it
 * found several, the resolve deadline and the assignee.
 */
export async function agentSummaryView(store: Reader, row: TicketRow) {
  const check = oneProblemRecord(row);
  return {
    ...(await summaryView(store, row)),
    ...(check !== undefined && check.parts > 1 ? { oneProblemCheck: check } : {}),
    resolveDueAt: row.resolve_due_at,
    reviewDueAt: row.review_due_at,
    deadlinesProvisional: row.deadlines_provisional === 1,
    assignee: row.assignee,
    // Support has said its word and the user wrote after it: it waits for support again (and is in the queue).
    awaitingSupport: awaitsSupport(row.status, row.last_actor),
  };
}

/**
 * The full ticket as support reads it: events with the specialists' names, the assignee and its history, and whether
 * the reporter gets support's e-mails (`mailServer`: the server sends e-mail at all).
 */
export async function agentTicketView(store: Reader & Pick<Storage, 'assignments' | 'prefs'>, row: TicketRow, mailServer: boolean) {
  const [ticket, assignments, emails] = await Promise.all([ticketView(store, row, 'support'), store.assignments.listOf(row.id), reporterEmails(store.prefs, row, mailServer)]);
  // The newest event's id, as the list's lines carry it: what a change sends as `lastEventId`.
  return {
    ...ticket,
    lastEventId: ticket.events.at(-1)?.id ?? 0,
    userId: subOfOwner(row.owner),
    reporterEmails: emails,
    language: storedLocale(row.locale),
    assignee: row.assignee,
    assignments: assignments.map(assignmentView),
  };
}
