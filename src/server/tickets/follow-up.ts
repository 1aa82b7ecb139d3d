/**
 * Follow-up instead of reopening: a create may name the reporter's final ticket it continues (by id or
 * number). Accepted only for the reporter's own ticket (anyone else's is "not found", as a read would be), in
 * a final status, within the follow-up window after it; the old ticket then gets an event naming the new one.
 */
import { finalStatusAt, FOLLOW_UP_DAYS, followUpOpenUntil, isFinalStatus } from '../../core';
import type { Status } from '../../core';
import type { Reporter } from '../auth/identity';
import type { AppDeps } from '../context';
import type { TicketRow } from '../db/rows';
import { failures } from '../errors';
import { queueDeliveries } from '../outbox/enqueue';
import type { Transaction } from '../storage/types';
import { reporterCanSee, ticketByRef } from './access';

/** The text of the event the old ticket gets. */
export function followUpEventText(number: string): string {
  return `Продолжение: обращение № ${number}`;
}

/** The reporter's final ticket that `ref` names, locked for the rest of the transaction; 404 or 422 otherwise. */
export async function followedTicket(tx: Transaction, reporter: Reporter, ref: string, now: Date): Promise<TicketRow> {
  const found = await ticketByRef(tx, ref);
  if (found === undefined || !reporterCanSee(reporter, found)) throw failures.ticketNotFound();
  // A ticket's access key reads it and writes to it; a new ticket that continues it is its owner's to send (a
  // guest's, from the browser it was sent from), so that it is listed with the one it continues.
  if (found.owner !== reporter.owner) {
    throw failures.validation(
      { followUpOf: { ru: 'Продолжение отправляют из браузера, из которого отправлено это обращение', en: 'A follow-up is sent from the browser the ticket was sent from' } },
      {
        ru: `Продолжение обращения № ${found.number} можно создать только там, откуда оно было отправлено.`,
        en: `A follow-up to ticket No. ${found.number} can be sent only from where that ticket was sent.`,
      },
    );
  }
  const row = (await tx.tickets.getForUpdate(found.id)) ?? found;
  const status = row.status as Status;
  if (!isFinalStatus(status)) {
    throw failures.validation(
      { followUpOf: { ru: 'Обращение ещё не закрыто: допишите в него, а не создавайте продолжение', en: 'The ticket is not closed yet: write in it rather than create a follow-up' } },
      {
        ru: `Продолжение можно создать только к решённому или отменённому обращению; № ${row.number} ещё открыто.`,
        en: `A follow-up can continue only a resolved or cancelled ticket; No. ${row.number} is still open.`,
      },
    );
  }
  const events = (await tx.events.listAfter(row.id)).map((event) => ({
    status: event.status as Status,
    previousStatus: event.previous_status as Status | null,
    createdAt: event.created_at,
  }));
  const at = finalStatusAt(status, events);
  if (at === null || now.getTime() > followUpOpenUntil(new Date(at)).getTime()) {
    throw failures.validation(
      { followUpOf: { ru: `Продолжение можно создать в течение ${FOLLOW_UP_DAYS} дней после закрытия обращения`, en: `A follow-up can be created within ${FOLLOW_UP_DAYS} days after the ticket was closed` } },
      {
        ru: `Обращение № ${row.number} закрыто больше ${FOLLOW_UP_DAYS} дней назад: создайте новое обращение.`,
        en: `Ticket No. ${row.number} was closed more than ${FOLLOW_UP_DAYS} days ago: create a new ticket.`,
      },
    );
  }
  return row;
}

/** Records on the old ticket that `next` continues it (its status stays final). */
export async function recordFollowUp(deps: AppDeps, tx: Transaction, old: TicketRow, next: TicketRow, at: string): Promise<void> {
  const event = {
    ticket_id: old.id,
    type: 'message',
    status: old.status,
    previous_status: old.status,
    actor: 'system',
    agent_name: null,
    text: followUpEventText(next.number),
    created_at: at,
  };
  const id = await tx.events.insert(event);
  await queueDeliveries(deps, tx, old, { ...event, id });
}
