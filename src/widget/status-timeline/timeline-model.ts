/** Pure readings of a ticket's history that the view needs: what is current, what was asked. */
import type { Ticket, TicketEvent } from '../../core';

/** Whether an event moved the ticket (the first event, on create, always did). */
export function isStatusChange(event: TicketEvent): boolean {
  return event.previousStatus !== event.status;
}

/** Id of the event that set the current status: the last one that changed it (a later message does not). */
export function getCurrentEventId(events: readonly TicketEvent[]): number | null {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event !== undefined && isStatusChange(event)) return event.id;
  }
  return events[events.length - 1]?.id ?? null;
}

/** The specialist's latest question as an event: its text and the files sent with it (a sample to follow). */
export function getLastQuestionEvent(events: readonly TicketEvent[]): TicketEvent | null {
  return lastSupportEvent(events, ['clarification_requested']);
}

/**
 * The text of the specialist's latest answer, or null if there is none: an answer, or what they wrote when they
 * resolved the ticket (a ticket may be resolved with its answer, without an "answered" step).
 */
export function getLastAnswer(events: readonly TicketEvent[]): string | null {
  return lastSupportEvent(events, ['answered', 'resolved'])?.text ?? null;
}

function lastSupportEvent(events: readonly TicketEvent[], statuses: ReadonlyArray<TicketEvent['status']>): TicketEvent | null {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event !== undefined && statuses.includes(event.status) && event.actor === 'support' && event.text !== undefined && event.text.trim() !== '') {
      return event;
    }
  }
  return null;
}

/** The id of a ticket's newest event (0 when it has none): what "seen" is measured against. */
export function getLastEventId(ticket: Pick<Ticket, 'events'>): number {
  return ticket.events.reduce((max, event) => Math.max(max, event.id), 0);
}
