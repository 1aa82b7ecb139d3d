/** Answer shapes the server adds on top of the core's contract (agent and dev routes), and the bodies of its webhooks. */
import * as z from 'zod/mini';
import { agentStatsSchema, API_ERROR_CODES, CATEGORIES, emailSchema, INITIAL_STATUS, errorAnswerSchema, isoDateTimeSchema, linkedTicketSchema, oneProblemCheckRecordSchema, PRIORITIES, statusSchema, ticketDraftSchema, ticketEventSchema, ticketRatingSchema, ticketRecordSchema, ticketSummarySchema } from '../core';
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
      /** When a specialist must have looked at it and moved it on (60 working minutes), the deadline of a registered one. */
      reviewDueAt: isoDateTimeSchema,
      deadlinesProvisional: z.boolean(),
      /** The specialist handling it (a name of SUPPORT_AGENTS); null while nobody is. Support's only. */
      assignee: z.nullable(z.string()),
      /**
       * Whether it waits for support (the queue holds it): its status asks for a specialist, or the user wrote after
       * support's answer or suggestion status.
       */
      awaitingSupport: z.boolean(),
    }),
  ),
);

/**
 * `GET /agent/stats`: the contract's ratings of the last days, and the ratings under 4 among them (newest first, at
 * most {@link MAX_LOW_RATINGS}), each with its ticket and comment, so support follows up on an unhappy user.
 */
export const MAX_LOW_RATINGS = 20;
export const agentStatsAnswerSchema = z.lazy(() =>
  z.intersection(
    agentStatsSchema,
    z.object({
      lowRatings: z.array(
        z.object({
          ticketId: z.string(),
          number: z.string(),
          subject: z.string(),
          score: z.int(),
          comment: z.nullable(z.string()),
          /** When it was given or last changed. */
          at: isoDateTimeSchema,
        }),
      ),
    }),
  ),
);
/** What `GET /agent/stats` answers. */
export type AgentStatsAnswer = z.infer<typeof agentStatsAnswerSchema>;

/**
 * One change of a ticket's assignee, support's own history: who handles it after (`assignee`, null: released) and
 * before (`previous`), who made the change (`by`, null: the shared token), and `cause`: `assign` (the assignee
 * route) or `status` (a named specialist asked, worked on, answered or resolved the ticket, which nobody handled).
 */
export const assignmentSchema = z.object({
  id: z.int(),
  assignee: z.nullable(z.string()),
  previous: z.nullable(z.string()),
  by: z.nullable(z.string()),
  cause: z.enum(['assign', 'status']),
  createdAt: isoDateTimeSchema,
});
/** One change of a ticket's assignee. */
export type Assignment = z.infer<typeof assignmentSchema>;

/** `POST /agent/tickets/{id}/assignee`: the ticket's list line after it, and the change recorded (null: nothing changed). */
export const agentAssigneeChangeSchema = z.lazy(() => z.intersection(agentTicketSummarySchema, z.object({ assignment: z.nullable(assignmentSchema) })));

/**
 * `POST /agent/erasures`: whose personal data to erase, exactly one of: a signed-in user by their token's `sub`
 * (`userId`), the guests who gave an e-mail address (`email`), or the reporter of one ticket, by its id or number
 * (`ticket`).
 */
export const erasureBodySchema = z.strictObject({
  userId: z.optional(z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(200, 'too_long'))),
  email: z.optional(emailSchema),
  ticket: z.optional(z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(64, 'too_long'))),
});
/** `POST /agent/erasures`: the tickets emptied of the person's data (none when nothing was left) and the files removed. */
export const erasureAnswerSchema = z.object({ tickets: z.array(linkedTicketSchema), files: z.int().check(z.nonnegative()) });

/** `GET /agent/specialists`: the caller's name (null: the shared token) and every specialist a ticket can be assigned to. */
export const specialistsSchema = z.object({ me: z.nullable(z.string()), specialists: z.array(z.string()) });

/**
 * `GET /agent/tickets`: one page of ticket summaries, newest first, with `nextCursor`. The full ticket (reporter,
 * events) is read by id from `GET /agent/tickets/{id}`; the list no longer carries it.
 */
export const agentTicketListSchema = z.lazy(() => z.object({ tickets: z.array(agentTicketSummarySchema), nextCursor: z.nullable(z.string()) }));

/**
 * An event as support reads it (the agent API, support's event stream, the webhooks): with `agent`, the name of
 * the specialist who made it when they have a token of their own (SUPPORT_AGENTS). Reporters never get it.
 */
export const agentTicketEventSchema = z.lazy(() => z.extend(ticketEventSchema._zod.innerType, { agent: z.optional(z.string()) }));
/** An event as support reads it. */
export type AgentTicketEvent = z.infer<typeof agentTicketEventSchema>;

/**
 * `GET /agent/tickets/{id}`: the ticket, its events as support reads them, and `moves`, the statuses a specialist
 * may move it to now (the status table's, in its order), so a support desk offers only those.
 */
export const agentTicketSchema = z.lazy(() =>
  z.intersection(
    ticketDraftSchema,
    // The record itself extended, not intersected with it: its events would be the reporter's, a closed object
    // that a specialist's event (with `agent`) does not match, and JSON Schema requires both sides of an allOf.
    z.extend(ticketRecordSchema._zod.innerType, {
      moves: z.array(statusSchema),
      events: z.array(agentTicketEventSchema),
      /** The newest event's id, as on the list's lines: what a change sends as `lastEventId`. */
      lastEventId: z.int().check(z.positive()),
      /**
       * The signed-in reporter's LMS user id (their token's `sub`), what `POST /agent/erasures` takes as `userId`;
       * null for a guest's ticket and for an erased one.
       */
      userId: z.nullable(z.string()),
      /**
       * Whether support's e-mails reach the reporter now: `on`; `off` (they switched them off, or their address was
       * unsubscribed: an answer reaches them only in the widget); `no_address`; `no_mail_server` (this server sends none).
       */
      reporterEmails: z.enum(['on', 'off', 'no_address', 'no_mail_server']),
      /** The language the reporter used the widget in when it was sent, and which their e-mails are written in: the answer's. */
      language: z.enum(['ru', 'en']),
      /** The specialist handling it (null: nobody), and every change of that, oldest first. */
      assignee: z.nullable(z.string()),
      assignments: z.array(assignmentSchema),
    }),
  ),
);

/**
 * `POST /agent/tickets/{id}/status` and `…/messages`: the ticket's line of support's list (with `awaitingSupport`,
 * the resolve deadline and the assignee after the change: a named specialist's move that handles a ticket nobody
 * handled makes it theirs) and the new event as support reads it.
 */
export const agentTicketChangeSchema = z.lazy(() => z.intersection(agentTicketSummarySchema, z.object({ event: agentTicketEventSchema })));
/** A specialist's change. */
export type AgentTicketChange = z.infer<typeof agentTicketChangeSchema>;

/**
 * Error codes only the agent routes answer, kept out of the core's list the widget carries: `unknown_agent` (422, a
 * name that is not a specialist's), `unnamed_agent` (403, the shared token taking a ticket for itself).
 */
export const AGENT_ERROR_CODES = ['unknown_agent', 'unnamed_agent'] as const;
/** Every code an error answer of this server may carry. */
export type ServerErrorCode = (typeof API_ERROR_CODES)[number] | (typeof AGENT_ERROR_CODES)[number];

/** An error answer of any route, the agent routes' codes included (otherwise the core's `apiErrorSchema`). */
export const serverErrorSchema = z.lazy(() => errorAnswerSchema([...API_ERROR_CODES, ...AGENT_ERROR_CODES]));

/** `POST /dev/token`. */
export const devTokenResponseSchema = z.object({ token: z.string() });

/** `GET /tickets` (the core names it only as a schema). */
export type TicketListResponse = z.infer<typeof ticketListSchema>;

/** The statuses of outbox rows a specialist can list. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

/** What the outbox delivers. */
export const DELIVERY_KINDS = ['email', 'webhook'] as const;

/** How many deliveries one page of the log holds at most. */
export const MAX_DELIVERIES_LISTED = 200;

/** Every webhook type, in the order the document lists them. */
export const WEBHOOK_TYPES = ['ticket.created', 'ticket.status', 'ticket.message', 'ticket.rated', 'ticket.assigned', 'ticket.erased'] as const satisfies readonly WebhookType[];

/** One delivery of the outbox, as `GET /agent/deliveries` lists it. */
export const deliverySchema = z.object({
  id: z.int(),
  kind: z.enum(DELIVERY_KINDS),
  /** What it announced: the webhook type of its event (an e-mail's event too). */
  type: z.enum(WEBHOOK_TYPES),
  target: z.string(),
  eventId: z.int(),
  ticketId: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.int(),
  nextAttemptAt: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  createdAt: z.string(),
  sentAt: z.nullable(z.string()),
});

/** `GET /agent/deliveries`: one page, newest first; `nextCursor` asks for the next (null on the last). */
export const deliveryListSchema = z.object({ deliveries: z.array(deliverySchema), nextCursor: z.nullable(z.string()) });

/** `POST /agent/deliveries/retry`: which given-up deliveries to send again; every one when empty. */
export const deliveriesRetryBodySchema = z.strictObject({
  kind: z.optional(z.enum(DELIVERY_KINDS)),
  /** A ticket's id or number. */
  ticket: z.optional(z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(64, 'too_long'))),
});
/** `POST /agent/deliveries/retry`: how many were given up and are pending again. */
export const deliveriesRetryAnswerSchema = z.object({ requeued: z.int().check(z.nonnegative()) });

/**
 * The ticket a webhook names: `status` is the one its event left (not necessarily the current one), `followUpOf`
 * the ticket a follow-up continues (null for any other), `assignee` the specialist handling it once the event was
 * made (null: nobody).
 */
export const webhookTicketSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    number: z.string(),
    status: statusSchema,
    category: z.enum(CATEGORIES),
    priority: z.enum(PRIORITIES),
    subject: z.string(),
    followUpOf: z.nullable(linkedTicketSchema),
    assignee: z.nullable(z.string()),
  }),
);
/** The ticket a webhook names. */
export type WebhookTicket = z.infer<typeof webhookTicketSchema>;

// One body per type, each narrowing the event to what makes the sender pick that type, so the document tells a
// desk which events come under which name and the sender cannot build a body its type does not describe.
const webhookBody = <T extends string, E extends z.ZodMiniType>(type: T, event: () => E) =>
  z.lazy(() => z.object({ id: z.int().check(z.positive()), type: z.literal(type), ticket: webhookTicketSchema, event: event() }));
const supportEvent = () => agentTicketEventSchema._zod.innerType;

/**
 * `ticket.created`: the ticket's first event, the only one without a previous status: the server registering it
 * (`status` registered, `actor` system; who reported it is the ticket's reporter, read with GET /agent/tickets/{id}).
 */
export const webhookCreatedSchema = webhookBody('ticket.created', () =>
  z.extend(supportEvent(), { type: z.literal('status'), status: z.literal(INITIAL_STATUS), actor: z.literal('system'), previousStatus: z.null() }),
);
/** `ticket.status`: a move to another status (the reporter's reply to a specialist's question among them). */
export const webhookStatusSchema = webhookBody('ticket.status', () => z.extend(supportEvent(), { type: z.literal('status'), previousStatus: statusSchema }));
/** `ticket.message`: a message that leaves the status as it was (the reporter's, a specialist's, the server's note). */
export const webhookMessageSchema = webhookBody('ticket.message', () => z.extend(supportEvent(), { type: z.literal('message'), previousStatus: statusSchema }));

// A notice that is no ticket event: its id is of the events' sequence all the same (events.reserveId), so a desk
// keeps each once and orders them with the events by one id; `at` is when it happened.
const noticeShape = () => ({ id: z.int().check(z.positive()), ticket: webhookTicketSchema, at: isoDateTimeSchema });

/** `ticket.rated`: the reporter rated the help or changed their rating (`rating` as it is now). */
export const webhookRatedSchema = z.lazy(() => z.object({ ...noticeShape(), type: z.literal('ticket.rated'), rating: ticketRatingSchema }));
/** `ticket.assigned`: the ticket's assignee changed (`assignment`: who, by whom, on what; `ticket.assignee` after it). */
export const webhookAssignedSchema = z.lazy(() => z.object({ ...noticeShape(), type: z.literal('ticket.assigned'), assignment: assignmentSchema }));
/**
 * `ticket.erased`: the reporter's personal data was erased from the ticket on their request (152-ФЗ); `ticket` as it
 * is left. A desk erases its own copies of what it received about the ticket's reporter.
 */
export const webhookErasedSchema = z.lazy(() => z.object({ ...noticeShape(), type: z.literal('ticket.erased') }));

/** The body of a webhook, exactly as it is sent: `id` is its event's or notice's id, `type` says which it is. */
export const webhookPayloadSchema = z.discriminatedUnion('type', [webhookCreatedSchema, webhookStatusSchema, webhookMessageSchema, webhookRatedSchema, webhookAssignedSchema, webhookErasedSchema]);
/** The body of a webhook. */
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
/** The types of what a desk receives. */
export type WebhookType = WebhookPayload['type'];
