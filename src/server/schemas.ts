/** Answer shapes the server adds on top of the core's contract (agent and dev routes). */
import * as z from 'zod/mini';
import { ticketSchema } from '../core';
import type { ticketListSchema } from '../core';

/** `GET /agent/tickets`: full tickets, newest first. */
export const agentTicketListSchema = z.object({ tickets: z.array(ticketSchema) });

/** `POST /dev/token`. */
export const devTokenResponseSchema = z.object({ token: z.string() });

/** `GET /tickets` (the core names it only as a schema). */
export type TicketListResponse = z.infer<typeof ticketListSchema>;
