/** A reporter's message: it answers a clarification request (and moves the ticket on), or it is an addition. */
import { canTransition } from '../statuses';
import type { Status } from '../statuses';

/** The status a ticket has after the reporter writes in it: a reply moves `clarification_requested` on. */
export function statusAfterReporterMessage(status: Status): Status {
  return status === 'clarification_requested' && canTransition(status, 'clarification_sent', 'reporter') ? 'clarification_sent' : status;
}
