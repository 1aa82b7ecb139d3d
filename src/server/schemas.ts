/** Answer shapes the server adds on top of the core's contract (agent and dev routes). */
import * as z from 'zod/mini';
import { isoDateTimeSchema, oneProblemCheckRecordSchema, statusSchema, ticketChangeSchema, ticketEventSchema, ticketSchema, ticketSummarySchema } from '../core';
import type { ticketListSchema } from '../core';

/**
 * A line of the specialist's list: the summary, and what the one-problem check found when the user confirmed one
 * problem and it found several, so the list can say so before the ticket is opened.
 */
export const agentTicketSummarySchema = z.lazy(() =>
  z.intersection(
    ticketSummarySchema,
    z.object({
      oneProblemCheck: z.optional(oneProblemCheckRecordSchema),
      /** When support must have resolved it (the queue's order), and whether that rests on the fallback calendar. */
      resolveDueAt: isoDateTimeSchema,
      deadlinesProvisional: z.boolean(),
    }),
  ),
);

/**
 * `GET /agent/tickets`: one page of ticket summaries, newest first, with `nextCursor`. The full ticket (reporter,
 * events) is read by id from `GET /agent/tickets/{id}`; the list no longer carries it.
 */
export const agentTicketListSchema = z.lazy(() => z.object({ tickets: z.array(agentTicketSummarySchema), nextCursor: z.optional(z.nullable(z.string())) }));

/**
 * An event as support reads it (the agent API, support's event stream, the webhooks): with `agent`, the name of
 * the specialist who made it when they have a token of their own (SUPPORT_AGENTS). Reporters never get it.
 */
export const agentTicketEventSchema = z.lazy(() => z.intersection(ticketEventSchema, z.object({ agent: z.optional(z.string()) })));
/** An event as support reads it. */
export type AgentTicketEvent = z.infer<typeof agentTicketEventSchema>;

/**
 * `GET /agent/tickets/{id}`: the ticket, its events as support reads them, and `moves`, the statuses a specialist
 * may move it to now (the status table's, in its order), so a support desk offers only those.
 */
export const agentTicketSchema = z.lazy(() => z.intersection(ticketSchema, z.object({ moves: z.array(statusSchema), events: z.array(agentTicketEventSchema) })));

/** `POST /agent/tickets/{id}/status`: the ticket's summary and the new event, as support reads it. */
export const agentTicketChangeSchema = z.lazy(() => z.intersection(ticketChangeSchema, z.object({ event: agentTicketEventSchema })));

/** `POST /dev/token`. */
export const devTokenResponseSchema = z.object({ token: z.string() });

/** `GET /tickets` (the core names it only as a schema). */
export type TicketListResponse = z.infer<typeof ticketListSchema>;

/** The statuses of outbox rows a specialist can list. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

/** One delivery of the outbox, as `GET /agent/deliveries` lists it. */
export const deliverySchema = z.object({
  id: z.number(),
  kind: z.enum(['email', 'webhook']),
  target: z.string(),
  eventId: z.number(),
  ticketId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  createdAt: z.string(),
  sentAt: z.nullable(z.string()),
});

/** `GET /agent/deliveries`: newest first. */
export const deliveryListSchema = z.object({ deliveries: z.array(deliverySchema) });
