/** Answer shapes the server adds on top of the core's contract (agent and dev routes). */
import * as z from 'zod/mini';
import { ticketListSchema } from '../core';

/**
 * `GET /agent/tickets`: one page of ticket summaries, newest first, with `nextCursor`. The full ticket (reporter,
 * events) is read by id from `GET /agent/tickets/{id}`; the list no longer carries it.
 */
export const agentTicketListSchema = ticketListSchema;

/** `POST /dev/token`. */
export const devTokenResponseSchema = z.object({ token: z.string() });

/** `GET /tickets` (the core names it only as a schema). */
export type TicketListResponse = z.infer<typeof ticketListSchema>;
