/** The delivery log's query, the same on both engines but for how a parameter is written. */
import type { DeliveryFilter } from './types';

/** The outbox rows with their event's type and previous status (what the delivery announced; none for a notice). */
export const DELIVERY_SELECT = `SELECT outbox.*, events.type AS event_type, events.previous_status AS event_previous_status
  FROM outbox LEFT JOIN events ON events.id = outbox.event_id`;

/** ` WHERE …` for `filter` (empty when it takes every row) and its values; `mark(n)` writes the n-th parameter. */
export function deliveryConditions(filter: DeliveryFilter, mark: (n: number) => string): { where: string; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    conditions.push(sql.replace('?', mark(values.length)));
  };
  if (filter.status !== null) add('outbox.status = ?', filter.status);
  if (filter.kind !== null) add('outbox.kind = ?', filter.kind);
  if (filter.ticketId !== null) add('outbox.ticket_id = ?', filter.ticketId);
  if (filter.before !== null) add('outbox.id < ?', filter.before);
  return { where: conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`, values };
}
