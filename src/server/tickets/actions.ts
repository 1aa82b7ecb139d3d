/** What happens to an existing ticket: the reporter's message or cancel, the specialist's status change. */
import { canTransition, isFinalStatus, statusAfterReporterMessage, statusRequiresText } from '../../core';
import type { Actor, Status, Ticket } from '../../core';
import type { Reporter } from '../auth/identity';
import type { AppDeps } from '../context';
import type { TicketRow } from '../db/rows';
import { failures } from '../errors';
import { anyTicket, reporterTicket } from './access';
import { claimAttachments } from './claim';
import { eventsOf, ticketView } from './view';

interface Change {
  type: 'status' | 'message';
  status: Status;
  actor: Actor;
  text: string | null;
  attachmentIds: readonly string[];
  owner: string | null;
}

/** Appends one event (and moves the status) inside a transaction; returns the new event's id. */
function appendEvent(deps: AppDeps, ticket: TicketRow, change: Change): number {
  const at = deps.clock().toISOString();
  const eventId = deps.store.events.insert({
    ticket_id: ticket.id,
    type: change.type,
    status: change.status,
    previous_status: ticket.status,
    actor: change.actor,
    text: change.text,
    created_at: at,
  });
  if (change.owner !== null) {
    claimAttachments(deps.store, change.owner, ticket.id, eventId, change.attachmentIds, deps.config.limits.maxFilesPerTicket);
  }
  deps.store.tickets.setStatus(ticket.id, change.status, at);
  return eventId;
}

/** Runs `decide` on the fresh row inside one transaction, then publishes the new events and returns the ticket. */
function change(deps: AppDeps, load: () => TicketRow, decide: (row: TicketRow) => Change): Ticket {
  const { ticket, eventId } = deps.store.write(() => {
    const row = load();
    const eventId = appendEvent(deps, row, decide(row));
    const fresh = deps.store.tickets.get(row.id) ?? row;
    return { ticket: ticketView(deps.store, fresh), eventId };
  });
  deps.broker.publish(eventsOf(deps.store, ticket.id, eventId - 1));
  return ticket;
}

/** The reporter writes: a reply to a clarification request moves it on, otherwise the status stays. */
export function postMessage(deps: AppDeps, reporter: Reporter, id: string, text: string, attachmentIds: readonly string[]): Ticket {
  return change(deps, () => reporterTicket(deps.store, reporter, id), (row) => {
    const status = row.status as Status;
    if (isFinalStatus(status)) throw failures.illegalTransition('Обращение закрыто: написать в него уже нельзя.');
    const next = statusAfterReporterMessage(status);
    return {
      type: next === status ? 'message' : 'status',
      status: next,
      actor: 'reporter',
      text,
      attachmentIds,
      owner: reporter.owner,
    };
  });
}

/** The reporter cancels a ticket that is not final. */
export function cancelTicket(deps: AppDeps, reporter: Reporter, id: string): Ticket {
  return change(deps, () => reporterTicket(deps.store, reporter, id), (row) => {
    if (!canTransition(row.status as Status, 'cancelled', 'reporter')) {
      throw failures.illegalTransition('Обращение уже закрыто: отменить его нельзя.');
    }
    return { type: 'status', status: 'cancelled', actor: 'reporter', text: null, attachmentIds: [], owner: null };
  });
}

/** The specialist moves a ticket; the state machine of the core decides what is legal. */
export function agentSetStatus(deps: AppDeps, id: string, status: Status, text: string | undefined): Ticket {
  const clean = text === undefined || text === '' ? null : text;
  return change(deps, () => anyTicket(deps.store, id), (row) => {
    const from = row.status as Status;
    if (!canTransition(from, status, 'support')) {
      throw failures.illegalTransition(`Переход из статуса «${from}» в «${status}» недоступен.`);
    }
    if (statusRequiresText(status) && clean === null) {
      throw failures.validation({ text: 'Напишите вопрос или ответ пользователю' });
    }
    return { type: 'status', status, actor: 'support', text: clean, attachmentIds: [], owner: null };
  });
}
