import { describe, expect, it } from 'vitest';
import type { Ticket, TicketChange, TicketEvent } from '../../src/core';
import { messageAnswerSchema } from '../../src/api/message-answer';
import { applyTicketChange, isTicketChange } from '../../src/api/ticket-change';
import { makeTicket } from '../widget/status-timeline/fixtures';

const event = (id: number, status: TicketEvent['status'], text?: string): TicketEvent => ({
  id,
  ticketId: 't1',
  type: 'status',
  status,
  previousStatus: 'clarification_requested',
  actor: 'reporter',
  ...(text === undefined ? {} : { text }),
  attachments: [],
  createdAt: '2027-01-11T10:00:00.000Z',
});

function changeOf(ticket: Ticket, added: TicketEvent): TicketChange {
  return {
    id: ticket.id,
    number: ticket.number,
    category: ticket.category,
    subject: ticket.subject,
    status: added.status,
    priority: ticket.priority,
    createdAt: ticket.createdAt,
    updatedAt: '2027-01-11T10:00:00.000Z',
    lastEventId: added.id,
    event: added,
  };
}

describe('the answer to a message', () => {
  const shown = makeTicket('clarification_requested');
  const lastId = Math.max(...shown.events.map((e) => e.id));

  it('adds the new event to the ticket on screen and moves its status', () => {
    const added = event(lastId + 1, 'clarification_sent', 'Chrome 131');
    const next = applyTicketChange(shown, changeOf(shown, added));
    expect(next.status).toBe('clarification_sent');
    expect(next.events.at(-1)).toEqual(added);
    expect(next.events).toHaveLength(shown.events.length + 1);
    expect(next.updatedAt).toBe('2027-01-11T10:00:00.000Z');
  });

  it('adds nothing twice when the live stream delivered the event first, and keeps a newer status', () => {
    const added = event(lastId + 1, 'clarification_sent');
    const newer = { ...event(lastId + 2, 'processing'), actor: 'support' as const };
    const streamed: Ticket = { ...shown, status: 'processing', events: [...shown.events, added, newer] };
    const next = applyTicketChange(streamed, changeOf(shown, added));
    expect(next.events).toHaveLength(streamed.events.length);
    expect(next.status).toBe('processing');
  });

  it('reads both the change and, from an older backend, the whole ticket', () => {
    const change = changeOf(shown, event(lastId + 1, 'clarification_sent'));
    const parsedChange = messageAnswerSchema.parse(change);
    expect(isTicketChange(parsedChange)).toBe(true);
    const parsedTicket = messageAnswerSchema.parse(shown);
    expect(isTicketChange(parsedTicket)).toBe(false);
  });
});
