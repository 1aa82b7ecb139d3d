/**
 * Which ticket changes the user has seen, per user: the newest event id they saw of each ticket, and a
 * baseline for tickets they never opened. Event ids grow across the whole server, so "after the baseline"
 * means "happened since the widget first looked". Pure, so the badge and the list marker always agree.
 */
import * as z from 'zod/mini';
import type { TicketSummary } from '../../core';

/** What the user has seen. */
export interface SeenState {
  /** Events up to this id count as seen for tickets the user never opened. */
  base: number;
  /** Ticket id → the newest event id the user has seen of it. */
  tickets: Readonly<Record<string, number>>;
}

/** The part of a ticket summary that decides whether it changed (and, on a first visit, whether it waits for the user). */
export type SeenTicket = Pick<TicketSummary, 'id' | 'lastEventId'> & Partial<Pick<TicketSummary, 'status'>>;

const eventId = z.int().check(z.nonnegative());
const seenSchema = z.object({ base: eventId, tickets: z.record(z.string(), eventId) });

/** Storage key of a user's seen state. */
export function seenKey(userKey: string): string {
  return `uchi-support:seen:${userKey}`;
}

/** The stored state, or null when nothing (or nothing readable) is stored — a first visit. */
export function parseSeen(raw: string | null): SeenState | null {
  if (raw === null) return null;
  try {
    const parsed = seenSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The state as stored text. */
export function serializeSeen(seen: SeenState): string {
  return JSON.stringify(seen);
}

/** Whether a ticket has events newer than the user has seen. */
export function isTicketChanged(ticket: SeenTicket, seen: SeenState): boolean {
  return ticket.lastEventId > (seen.tickets[ticket.id] ?? seen.base);
}

/** Ids of the tickets with unseen changes. */
export function getChangedIds(tickets: readonly SeenTicket[], seen: SeenState): Set<string> {
  return new Set(tickets.filter((ticket) => isTicketChanged(ticket, seen)).map((ticket) => ticket.id));
}

/**
 * The state after the user saw a ticket up to `lastEventId` (never moving backwards). Without a state yet,
 * that event becomes the baseline too: older changes elsewhere are not news.
 */
export function withSeen(seen: SeenState | null, ticketId: string, lastEventId: number): SeenState {
  const current = seen ?? { base: lastEventId, tickets: {} };
  if ((current.tickets[ticketId] ?? -1) >= lastEventId) return current;
  return { ...current, tickets: { ...current.tickets, [ticketId]: lastEventId } };
}

/**
 * The first visit's state: everything in the list as it is now counts as seen, except a question support waits for
 * the user to answer. It may have been asked while the user was elsewhere (another browser, another device), and it
 * stays news until they open it.
 */
export function baselineSeen(tickets: readonly SeenTicket[]): SeenState {
  return {
    base: tickets.reduce((max, ticket) => Math.max(max, ticket.lastEventId), 0),
    tickets: Object.fromEntries(tickets.filter((ticket) => ticket.status === 'clarification_requested').map((ticket) => [ticket.id, 0])),
  };
}
