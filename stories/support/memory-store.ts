/**
 * The memory API's data: tickets, their events (ids growing across the store, like the server's) and uploads,
 * moved only through the core's rules — priority, deadlines and the status machine.
 */
import {
  canTransition,
  formatTicketNumber,
  INITIAL_STATUS,
  isFinalStatus,
  isRatableStatus,
  moscowParts,
  priorityFor,
  ratingChangeableUntil,
  resolveDeadlineInfo,
  reviewDeadlineInfo,
  statusRequiresText,
  ticketSummary,
} from '../../src/core';
import type { Actor, Attachment, Contact, HostContext, OneProblemCheckRecord, RatingBody, Reporter, Status, Ticket, TicketDraft, TicketEvent, TicketSummary } from '../../src/core';

/** One change of a ticket. */
export interface TicketChange {
  status: Status;
  actor: Actor;
  text?: string | undefined;
  attachmentIds?: readonly string[];
}

/** Why a change was refused. */
export type ChangeRefusal = 'not-found' | 'illegal' | 'text-required';

/** The reporter of a new ticket: the signed-in user, or a guest's contact. */
export function reporterOf(host: HostContext | null, contact: Contact | undefined): Reporter {
  if (host !== null) {
    return {
      fullName: host.fullName,
      role: host.role,
      organization: host.organization.title,
      lmsUrl: host.lmsUrl,
      ...(host.phone === undefined ? {} : { phone: host.phone }),
      ...(host.email === undefined ? {} : { email: host.email }),
      guest: false,
    };
  }
  return {
    fullName: contact?.fullName ?? '',
    role: contact?.role ?? 'guest',
    organization: contact?.organization ?? '',
    lmsUrl: contact?.lmsUrl ?? '',
    ...(contact?.phone === undefined ? {} : { phone: contact.phone }),
    ...(contact?.email === undefined ? {} : { email: contact.email }),
    guest: true,
  };
}

/** The store; `firstNumber` is the sequence of the first ticket number of the year. */
export function createMemoryStore(firstNumber = 120) {
  const tickets = new Map<string, Ticket>();
  const uploads = new Map<string, Attachment>();
  const listeners = new Map<string, Set<(event: TicketEvent) => void>>();
  let eventSeq = 0;
  let ticketSeq = 0;
  let numberSeq = firstNumber;
  let uploadSeq = 0;

  const publish = (event: TicketEvent) => {
    for (const listener of listeners.get(event.ticketId) ?? []) listener(event);
  };

  /** Every ticket of a split names the others (in order of creation), like the server's `createdWith`. */
  const linkSplitGroup = (group: string) => {
    const members = [...tickets.values()].filter((t) => t.splitGroup === group);
    for (const member of members) {
      const others = members.filter((o) => o.id !== member.id).map((o) => ({ id: o.id, number: o.number }));
      if (others.length > 0) tickets.set(member.id, { ...member, createdWith: others });
    }
  };

  const attachmentsOf = (ids: readonly string[]) => ids.flatMap((id) => (uploads.has(id) ? [uploads.get(id) as Attachment] : []));

  return {
    /** Stores an upload and returns its metadata. */
    addUpload(name: string, contentType: Attachment['contentType'], size: number, at: Date): Attachment {
      uploadSeq += 1;
      const attachment: Attachment = { id: `att_story_${String(uploadSeq).padStart(4, '0')}`, name, contentType, size, createdAt: at.toISOString() };
      uploads.set(attachment.id, attachment);
      return attachment;
    },
    removeUpload: (id: string) => uploads.delete(id),
    hasUpload: (id: string) => uploads.has(id),
    /** A file by id: an upload, whether or not a ticket has claimed it. */
    upload: (id: string) => uploads.get(id),

    /** Registers a ticket received at `at`: number, priority and deadlines from the core, first event by the system. */
    create(draft: TicketDraft, reporter: Reporter, at: Date, id?: string, oneProblemCheck?: OneProblemCheckRecord): Ticket {
      ticketSeq += 1;
      eventSeq += 1;
      const ticketId = id ?? `t-${String(ticketSeq).padStart(3, '0')}`;
      const priority = priorityFor(draft.category, draft.impact);
      const review = reviewDeadlineInfo(at);
      const resolve = resolveDeadlineInfo(at, priority);
      // As the server: a guest's consent is kept as the time it was given, not in the draft.
      const { contact, consent: _consent, ...rest } = draft;
      const stored = reporter.guest && contact !== undefined ? { ...rest, contact } : rest;
      const iso = at.toISOString();
      const event: TicketEvent = { id: eventSeq, ticketId, type: 'status', status: INITIAL_STATUS, previousStatus: null, actor: 'system', attachments: [], createdAt: iso };
      const ticket = {
        ...stored,
        id: ticketId,
        number: formatTicketNumber(moscowParts(at).year, numberSeq++),
        status: INITIAL_STATUS,
        priority,
        createdAt: iso,
        updatedAt: iso,
        reviewDueAt: review.value.toISOString(),
        resolveDueAt: resolve.value.toISOString(),
        deadlinesProvisional: review.provisional || resolve.provisional,
        reporter,
        attachments: attachmentsOf(draft.attachmentIds),
        events: [event],
        ...(oneProblemCheck === undefined ? {} : { oneProblemCheck }),
        ...(reporter.guest ? { consentAt: iso } : {}),
      } as Ticket;
      tickets.set(ticketId, ticket);
      // Tickets split from one description name each other, as the server links them.
      if (draft.splitGroup !== undefined) linkSplitGroup(draft.splitGroup);
      publish(event);
      return tickets.get(ticketId) ?? ticket;
    },

    /** Applies a change if the status machine allows it; a reporter's message that moves nothing is kept as a message. */
    change(id: string, change: TicketChange, at: Date): Ticket | ChangeRefusal {
      const ticket = tickets.get(id);
      if (ticket === undefined) return 'not-found';
      const from = ticket.status;
      const moves = from !== change.status;
      if (moves && !canTransition(from, change.status, change.actor)) return 'illegal';
      if (!moves && isFinalStatus(from)) return 'illegal';
      if (change.actor === 'support' && statusRequiresText(change.status) && (change.text ?? '').trim() === '') return 'text-required';
      eventSeq += 1;
      const event: TicketEvent = {
        id: eventSeq,
        ticketId: id,
        type: moves ? 'status' : 'message',
        status: change.status,
        previousStatus: from,
        actor: change.actor,
        ...(change.text === undefined || change.text === '' ? {} : { text: change.text }),
        attachments: attachmentsOf(change.attachmentIds ?? []),
        createdAt: at.toISOString(),
      };
      const next = { ...ticket, status: change.status, updatedAt: event.createdAt, events: [...ticket.events, event] } as Ticket;
      tickets.set(id, next);
      publish(event);
      return next;
    },

    /** Rates the help as the server does: after an answer, changeable for a week after the first rating. */
    rate(id: string, body: RatingBody, at: Date): Ticket | ChangeRefusal {
      const ticket = tickets.get(id);
      if (ticket === undefined) return 'not-found';
      const first = ticket.rating?.ratedAt;
      if (first === undefined && !isRatableStatus(ticket.status)) return 'illegal';
      if (first !== undefined && at.getTime() > ratingChangeableUntil(new Date(first)).getTime()) return 'illegal';
      const ratedAt = first ?? at.toISOString();
      const comment = body.comment?.trim() ?? '';
      const rating = {
        score: body.score,
        ...(comment === '' ? {} : { comment }),
        ratedAt,
        updatedAt: at.toISOString(),
        changeableUntil: ratingChangeableUntil(new Date(ratedAt)).toISOString(),
      };
      const next = { ...ticket, rating } as Ticket;
      tickets.set(id, next);
      return next;
    },

    /**
     * Links `nextId` as a continuation of `previousId`, as the server does: both carry the link, and the old
     * ticket gets the system's message «Продолжение: обращение № …» (its status stays final).
     */
    linkFollowUp(previousId: string, nextId: string, at: Date): void {
      const previous = tickets.get(previousId);
      const next = tickets.get(nextId);
      if (previous === undefined || next === undefined) return;
      eventSeq += 1;
      const event: TicketEvent = {
        id: eventSeq,
        ticketId: previousId,
        type: 'message',
        status: previous.status,
        previousStatus: previous.status,
        actor: 'system',
        text: `Продолжение: обращение № ${next.number}`,
        attachments: [],
        createdAt: at.toISOString(),
      };
      const link = (t: Ticket) => ({ id: t.id, number: t.number });
      tickets.set(nextId, { ...next, followUpOf: link(previous) });
      tickets.set(previousId, { ...previous, followUps: [...(previous.followUps ?? []), link(next)], events: [...previous.events, event] });
      publish(event);
    },

    get: (id: string) => tickets.get(id),
    all: () => [...tickets.values()],

    /** The list lines, as `GET /tickets` gives them. */
    summaries(): TicketSummary[] {
      return [...tickets.values()].map((ticket) =>
        ticketSummary(ticket, {
          id: ticket.id,
          number: ticket.number,
          subject: ticket.subject,
          status: ticket.status,
          priority: ticket.priority,
          createdAt: ticket.createdAt,
          updatedAt: ticket.updatedAt,
          lastEventId: ticket.events.reduce((max, event) => Math.max(max, event.id), 0),
        }),
      );
    },

    /** Follows one ticket's new events; returns the unsubscribe. */
    listen(id: string, listener: (event: TicketEvent) => void): () => void {
      const set = listeners.get(id) ?? new Set();
      listeners.set(id, set.add(listener));
      return () => void set.delete(listener);
    },
  };
}

/** The memory store. */
export type MemoryStore = ReturnType<typeof createMemoryStore>;
