/**
 * How the answer to a message updates a ticket the client already holds. (Its schema is in message-answer.ts,
 * with the HTTP client: the widget's first file holds no response schema.)
 */
import type { Ticket, TicketChange } from '../core';

/** The answer to a message. */
export type MessageAnswer = TicketChange | Ticket;

/** Whether the answer is a change (rather than a whole ticket). */
export function isTicketChange(answer: MessageAnswer): answer is TicketChange {
  return 'event' in answer;
}

/** `ticket` after `change`: its status and time moved on, the event added once (a live stream may have added it). */
export function applyTicketChange(ticket: Ticket, change: TicketChange): Ticket {
  if (ticket.id !== change.id) return ticket;
  const known = ticket.events.some((event) => event.id === change.event.id);
  const events = known ? ticket.events : [...ticket.events, change.event].sort((a, b) => a.id - b.id);
  // A newer event the stream already delivered wins over the answer's status.
  const newest = events.at(-1);
  const status = newest !== undefined && newest.id > change.event.id ? ticket.status : change.status;
  return { ...ticket, status, updatedAt: change.updatedAt > ticket.updatedAt ? change.updatedAt : ticket.updatedAt, events };
}
