/** A ticket as a line of "my tickets": what the list shows and what the duplicate check compares. */
import { readWirePath } from '../fields';
import type { TicketDraft, TicketSummary } from '../schemas';

/** The fields a summary takes from the ticket's record. */
export type SummaryRecord = Omit<TicketSummary, 'category' | 'courseUrl' | 'orderUrl'>;

/** The summary of a ticket: its record plus the category and the links that identify what it is about. */
export function ticketSummary(draft: TicketDraft, record: SummaryRecord): TicketSummary {
  const courseUrl = readWirePath(draft, 'course.url');
  const orderUrl = readWirePath(draft, 'orderUrl');
  return {
    ...record,
    category: draft.category,
    ...(courseUrl === undefined ? {} : { courseUrl }),
    ...(orderUrl === undefined ? {} : { orderUrl }),
  };
}
