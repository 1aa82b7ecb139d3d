/** Ticket summaries for the list tests. */
import type { TicketSummary } from '../../../src/core';

/** A summary of ticket `id`. */
export function summary(id: string, overrides: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id,
    number: `UP-2026-00012${id.slice(-1)}`,
    category: 'technical',
    subject: `Тема ${id}`,
    status: 'registered',
    priority: 'normal',
    createdAt: '2026-11-26T05:00:00.000Z',
    updatedAt: '2026-11-26T05:00:00.000Z',
    lastEventId: 1,
    ...overrides,
  };
}
