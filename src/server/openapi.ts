/** The OpenAPI 3.1 document of the contract, generated from the core's zod schemas (never hand-written). */
import * as z from 'zod/mini';
import {
  CATEGORIES,
  PRIORITIES,
  STATUSES,
  agentAssigneeBodySchema,
  agentMessageBodySchema,
  agentStatusBodySchema,
  attachmentSchema,
  createTicketBodySchema,
  createTicketResponseSchema,
  messageBodySchema,
  metaSchema,
  ratingBodySchema,
  ticketChangeSchema,
  notificationPrefsSchema,
  ticketDraftSchema,
  ticketEventSchema,
  ticketListSchema,
  ticketSchema,
} from '../core';
import { devTokenBodySchema } from './routes/dev';
import {
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  MAX_DELIVERIES_LISTED,
  agentAssigneeChangeSchema,
  agentStatsAnswerSchema,
  agentTicketChangeSchema,
  agentTicketEventSchema,
  agentTicketListSchema,
  agentTicketSchema,
  deliveriesRetryAnswerSchema,
  deliveriesRetryBodySchema,
  deliveryListSchema,
  deliverySchema,
  devTokenResponseSchema,
  serverErrorSchema,
  specialistsSchema,
  erasureAnswerSchema,
  erasureBodySchema,
  webhookCreatedSchema,
  webhookMessageSchema,
  webhookRatedSchema,
  webhookAssignedSchema,
  webhookErasedSchema,
  webhookStatusSchema,
} from './schemas';
import { MAX_PAGE } from './tickets/paging';
import { SERVER_VERSION } from './version';
import { errorResponses, operation } from './openapi-paths';
import { webhooks } from './openapi-webhooks';

/** JSON Schema of a zod schema; `input` for request bodies (defaults optional), `output` for answers. */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  return defaultsInWords(rest) as Record<string, unknown>;
}

/**
 * A default said in the description rather than as `default`: common generators (openapi-typescript among them)
 * make a property with a default required in the request types too, so every call would have to send
 * `attachmentIds: []`. The server fills it in when left out, which the words say.
 */
function defaultsInWords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(defaultsInWords);
  if (node === null || typeof node !== 'object') return node;
  const { default: fallback, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, defaultsInWords(value)]));
  if (fallback === undefined) return out;
  const said = `${JSON.stringify(fallback)} when left out.`;
  return { ...out, description: typeof out['description'] === 'string' ? `${out['description']} ${said}` : said };
}

const SCHEMAS = {
  TicketDraft: jsonSchema(ticketDraftSchema, 'input'),
  CreateTicketBody: jsonSchema(createTicketBodySchema, 'input'),
  MessageBody: jsonSchema(messageBodySchema, 'input'),
  AgentStatusBody: jsonSchema(agentStatusBodySchema, 'input'),
  AgentMessageBody: jsonSchema(agentMessageBodySchema, 'input'),
  AgentAssigneeBody: jsonSchema(agentAssigneeBodySchema, 'input'),
  RatingBody: jsonSchema(ratingBodySchema, 'input'),
  AgentStats: jsonSchema(agentStatsAnswerSchema, 'output'),
  DevTokenBody: jsonSchema(devTokenBodySchema, 'input'),
  Ticket: jsonSchema(ticketSchema, 'output'),
  CreateTicketResponse: jsonSchema(createTicketResponseSchema, 'output'),
  TicketList: jsonSchema(ticketListSchema, 'output'),
  AgentTicketList: jsonSchema(agentTicketListSchema, 'output'),
  AgentTicket: jsonSchema(agentTicketSchema, 'output'),
  AgentTicketChange: jsonSchema(agentTicketChangeSchema, 'output'),
  AgentAssigneeChange: jsonSchema(agentAssigneeChangeSchema, 'output'),
  Specialists: jsonSchema(specialistsSchema, 'output'),
  ErasureBody: jsonSchema(erasureBodySchema, 'input'),
  Erasure: jsonSchema(erasureAnswerSchema, 'output'),
  TicketEvent: jsonSchema(ticketEventSchema, 'output'),
  AgentTicketEvent: jsonSchema(agentTicketEventSchema, 'output'),
  TicketChange: jsonSchema(ticketChangeSchema, 'output'),
  Attachment: jsonSchema(attachmentSchema, 'output'),
  Meta: jsonSchema(metaSchema, 'output'),
  NotificationPrefs: jsonSchema(notificationPrefsSchema, 'output'),
  Delivery: jsonSchema(deliverySchema, 'output'),
  DeliveryList: jsonSchema(deliveryListSchema, 'output'),
  DeliveriesRetryBody: jsonSchema(deliveriesRetryBodySchema, 'input'),
  DeliveriesRetryAnswer: jsonSchema(deliveriesRetryAnswerSchema, 'output'),
  DevTokenResponse: jsonSchema(devTokenResponseSchema, 'output'),
  Error: jsonSchema(serverErrorSchema, 'output'),
  WebhookTicketCreated: jsonSchema(webhookCreatedSchema, 'output'),
  WebhookTicketStatus: jsonSchema(webhookStatusSchema, 'output'),
  WebhookTicketMessage: jsonSchema(webhookMessageSchema, 'output'),
  WebhookTicketRated: jsonSchema(webhookRatedSchema, 'output'),
  WebhookTicketAssigned: jsonSchema(webhookAssignedSchema, 'output'),
  WebhookTicketErased: jsonSchema(webhookErasedSchema, 'output'),
};

/** The schema names the document defines. */
export type SchemaName = keyof typeof SCHEMAS;

let cached: Record<string, unknown> | null = null;

/** The paging parameters of both ticket lists. */
const PAGE = [
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: MAX_PAGE } },
  { name: 'cursor', in: 'query', required: false, schema: { type: 'string' }, description: 'nextCursor of the previous page' },
  { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: [...STATUSES] } },
];

/**
 * The document a server serves: outside dev mode without the dev-only paths (`/dev/…`), which answer 404 there, so
 * a client generated from a production server's document has no methods that cannot work.
 */
export function servedOpenApiDocument(dev: boolean): Record<string, unknown> {
  const full = openApiDocument();
  if (dev) return full;
  production ??= { ...full, paths: Object.fromEntries(Object.entries(full.paths as Record<string, unknown>).filter(([path]) => !path.startsWith('/dev/'))) };
  return production;
}
let production: Record<string, unknown> | null = null;

/** Builds (once) the OpenAPI document, dev-only paths included; paths are relative to the server URL `/api/v1`. */
export function openApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'Uchi.Pro Support API',
      version: SERVER_VERSION,
      description: 'Reference Support API of the Uchi.Pro support widget. Errors: `{ error: { code, message, fields? } }`; `message` is Russian, or English when Accept-Language prefers English. What the server POSTs to a support desk is under `webhooks`.',
    },
    servers: [{ url: '/api/v1' }],
    components: {
      schemas: SCHEMAS,
      securitySchemes: {
        reporterToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256, audience uchi-support, exp required.' },
        guestKey: { type: 'http', scheme: 'Guest', description: 'A random base64url secret (32–128 chars) per guest, or a ticket access key.' },
        agentToken: { type: 'http', scheme: 'bearer', description: 'A specialist’s token: SUPPORT_AGENT_TOKEN (shared), or a named specialist’s of SUPPORT_AGENTS.' },
      },
      responses: errorResponses(),
    },
    paths: paths(),
    webhooks: webhooks(),
  };
  return cached;
}

const REPORTER = [{ reporterToken: [] }, { guestKey: [] }];
const AGENT = [{ agentToken: [] }];
const ID = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' } }];
/** A ticket in the path, a reporter's or (for the agent) any: its id or its number (the pattern admits both). */
const TICKET_REF = [{ ...ID[0], description: 'The ticket id, or its number (UP-2026-000123).' }];
const IDEMPOTENCY_KEY = { name: 'Idempotency-Key', in: 'header', schema: { type: 'string', minLength: 8, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' } };
const REPLAYED = { 'Idempotent-Replayed': { description: '`true` when this is the first answer given again to a replay; absent otherwise', schema: { type: 'string', const: 'true' } } };
// A specialist's change may be keyed, so a desk retries one whose answer it lost without making it twice.
const AGENT_RETRY_KEY = { ...IDEMPOTENCY_KEY, required: false, description: 'Optional: a retry of the same request (route, ticket and body) under the same key gets the first answer again, with `Idempotent-Replayed: true`, and nothing is stored or sent twice (a key is remembered for at least 7 days); the same key with another request → 409 idempotency_conflict' };
const AGENT_RETRY = 'With an Idempotency-Key, made once: a retry of the same request gets the first answer (Idempotent-Replayed: true).';
const UNSUBSCRIBE_TOKEN = [{ name: 't', in: 'query', required: true, schema: { type: 'string' }, description: 'The signed token of the e-mail’s link; the only credential.' }];

/** `operation` with one more answer of its own (not the shared error shape). */
function withResponse(status: string, answer: Record<string, unknown>, built: Record<string, unknown>): Record<string, unknown> {
  return { ...built, responses: { ...(built['responses'] as Record<string, unknown>), [status]: answer } };
}

function paths(): Record<string, unknown> {
  return {
    '/meta': { get: operation('getMeta', 'Server time, open now, next opening, channels, limits', { ok: 'Meta', errors: [429] }) },
    '/openapi.json': { get: operation('getOpenApiDocument', 'This document', { ok: null, errors: [429] }) },
    '/healthz': { get: operation('getHealth', 'Liveness, for load balancers (also at the server’s root): `{ "status": "ok" }` while the process serves requests. No auth, no rate limit, never cached', { ok: null, errors: [] }) },
    '/readyz': {
      get: withResponse('503', { description: 'Not ready: `{ "status": "unavailable", "checks" }` naming what failed, or `{ "status": "draining" }` while a stop drains (SUPPORT_SHUTDOWN_DRAIN_MS)', content: { 'application/json': { schema: { type: 'object' } } } }, operation('getReadiness', 'Readiness (also at the server’s root): `{ "status": "ok", "checks" }` when the database answers and takes a write and the disks have room; otherwise 503 `{ "status": "unavailable", "checks" }` naming what failed. No auth, no rate limit, never cached', { ok: null, errors: [] })),
    },
    '/attachments': {
      post: operation('uploadAttachment', 'Upload one file (multipart field `file`); type decided by content, images re-encoded. A reporter’s for a ticket or a message; an agent token’s for a specialist’s message or status change', {
        security: [...REPORTER, ...AGENT], multipart: true, ok: 'Attachment', status: 201, errors: [400, 401, 403, 413, 415, 422, 429, 503],
      }),
    },
    '/attachments/{id}': {
      get: operation('downloadAttachment', 'Download one attachment (uploader, ticket reader or agent); someone else’s is 404', {
        security: [...REPORTER, ...AGENT], parameters: ID, binary: true, errors: [401, 404, 429],
      }),
      delete: operation('deleteAttachment', 'Delete one of one’s own uploads that no ticket uses yet (frees the upload quota)', {
        security: [...REPORTER, ...AGENT], parameters: ID, noContent: true, status: 204, errors: [401, 403, 404, 409, 429, 503],
      }),
    },
    '/tickets': {
      post: operation('createTicket', 'Create a ticket; a replay with the same Idempotency-Key and body returns the first answer (a key is remembered for at least 7 days). `followUpOf` (id or number) continues the reporter’s own resolved or cancelled ticket within 30 days of its final status: someone else’s or an unknown one is 404, an open or older one 422 on `followUpOf`', {
        security: REPORTER, body: 'CreateTicketBody', ok: 'CreateTicketResponse', status: 201, errors: [400, 401, 403, 404, 409, 413, 415, 422, 429, 503],
        parameters: [{ ...IDEMPOTENCY_KEY, required: true }],
        headers: REPLAYED,
      }),
      get: operation('listTickets', 'The reporter’s tickets, newest first, one page at a time (pass nextCursor as cursor; null on the last page)', {
        security: REPORTER, ok: 'TicketList', errors: [400, 401, 403, 429], parameters: PAGE,
      }),
    },
    '/tickets/{id}': { get: operation('getTicket', 'One ticket with its events', { security: REPORTER, parameters: TICKET_REF, ok: 'Ticket', errors: [401, 403, 404, 429] }) },
    '/tickets/{id}/messages': {
      post: operation('postMessage', 'Reporter’s message; answers a clarification request (clarification_requested → clarification_sent). Answers the ticket’s summary and the new event (contract change: no longer the whole ticket)', {
        security: REPORTER, parameters: TICKET_REF, body: 'MessageBody', ok: 'TicketChange', status: 201, errors: [400, 401, 403, 404, 409, 413, 415, 422, 429, 503],
      }),
    },
    '/tickets/{id}/cancel': {
      post: operation('cancelTicket', 'Reporter cancels a ticket that is not final', { security: REPORTER, parameters: TICKET_REF, ok: 'Ticket', errors: [401, 403, 404, 409, 429, 503] }),
    },
    '/tickets/{id}/rating': {
      post: operation('rateTicket', 'Reporter rates the help (1–5, optional comment) once a specialist has answered or the ticket is resolved; changeable for 7 days after the first rating, then 409', {
        security: REPORTER, parameters: TICKET_REF, body: 'RatingBody', ok: 'Ticket', errors: [400, 401, 403, 404, 409, 413, 415, 422, 429, 503],
      }),
    },
    '/tickets/{id}/events': {
      get: operation('streamTicketEvents', 'Live event stream (text/event-stream, event `ticket-event`), resumable with Last-Event-ID', {
        security: [...REPORTER, ...AGENT], sse: true, errors: [400, 401, 404, 429],
        parameters: [
          ...TICKET_REF,
          { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'integer', minimum: 0 } },
          { name: 'lastEventId', in: 'query', required: false, schema: { type: 'integer', minimum: 0 } },
        ],
      }),
    },
    '/agent/tickets': {
      get: operation('listAgentTickets', 'Ticket summaries, newest first or the queue (order=due), one page at a time. Contract change: the list no longer carries full tickets (reporter, events); read one by id', {
        security: AGENT, ok: 'AgentTicketList', errors: [400, 401, 403, 429],
        parameters: [
          ...PAGE,
          { name: 'category', in: 'query', required: false, schema: { type: 'string', enum: [...CATEGORIES] } },
          { name: 'priority', in: 'query', required: false, schema: { type: 'string', enum: [...PRIORITIES] } },
          { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Text found in the number, the subject, the description or the reporter’s name, e-mail or organisation (any case, ё as е), or the reporter’s LMS id (whole)' },
          {
            name: 'updatedSince', in: 'query', required: false, schema: { type: 'string', format: 'date-time' },
            description: 'Only tickets whose last event (updatedAt) came at or after this instant, given with its zone: what changed while a desk was away. A rating or an assignee changes no updatedAt (they come as webhooks)',
          },
          {
            name: 'order', in: 'query', required: false, schema: { type: 'string', enum: ['newest', 'due'], default: 'newest' },
            description: 'newest: newest first; due: the queue, only tickets waiting for support (registered, processing, clarification_sent, in_progress, and answered or suggestion ones the reporter wrote in after support; a line says awaitingSupport), the soonest resolveDueAt first (its cursor pages this order only)',
          },
          {
            name: 'assignee', in: 'query', required: false, schema: { type: 'string', maxLength: 100 },
            description: 'me: the caller’s tickets (a specialist with a token of their own; 400 with the shared token); none: tickets nobody handles; a specialist’s name: theirs',
          },
        ],
      }),
    },
    '/agent/specialists': {
      get: operation('listSpecialists', 'The caller’s name (null with the shared token) and the specialists (SUPPORT_AGENTS) a ticket can be assigned to', { security: AGENT, ok: 'Specialists', errors: [401, 403, 429] }),
    },
    '/agent/stats': {
      get: operation('getAgentStats', 'Ratings given or changed in the last 30 days, the share of 4–5, and the newest 20 ratings under 4 with their tickets and comments', { security: AGENT, ok: 'AgentStats', errors: [401, 403, 429] }),
    },
    '/agent/erasures': {
      post: operation('erasePerson', 'Erases a person’s personal data (152-ФЗ), given exactly one of `userId` (a signed-in user’s `sub`: all their tickets, their unsent uploads and e-mail switch), `email` (every guest’s ticket whose reporter gave the address; a signed-in user’s tickets are erased by userId) or `ticket` (one ticket by id or number, whoever reported it: a guest who gave no e-mail; one that names no ticket is 404). The tickets stay as support’s record (number, category, course, statuses, deadlines, assignee, support’s messages and files, a rating’s score) and lose the reporter’s name, phone, e-mail and organisation, their subject, description, steps, test question, messages and rating comment (each `—`), the page and its errors, the order’s and document’s paths, their files, the tickets’ e-mails and webhooks, and the access key; nobody reads them as a reporter again, and open event streams on them end. An address’s unsubscribe stays. Answers the tickets emptied (none when nothing was left) and the files removed; repeating it is harmless', {
        security: AGENT, body: 'ErasureBody', ok: 'Erasure', errors: [400, 401, 403, 404, 413, 415, 422, 429, 503],
      }),
    },
    '/me/notifications': {
      get: operation('getNotificationPrefs', "The reporter's notification preferences (`email`: true until switched off)", { security: REPORTER, ok: 'NotificationPrefs', errors: [401, 403, 429, 503] }),
      put: operation('setNotificationPrefs', 'Switches e-mails about a specialist’s question, answer or resolution on or off', {
        security: REPORTER, body: 'NotificationPrefs', ok: 'NotificationPrefs', errors: [400, 401, 403, 413, 415, 422, 429, 503],
      }),
    },
    '/email/unsubscribe': {
      get: operation('showUnsubscribePage', 'The e-mails’ unsubscribe link: a page asking to confirm (opening it changes nothing)', { parameters: UNSUBSCRIBE_TOKEN, html: true, errors: [429] }),
      post: operation('unsubscribe', 'Turns the link’s recipient’s e-mails off: the page’s button and the one-click unsubscribe of RFC 8058 (the body is not read)', {
        parameters: UNSUBSCRIBE_TOKEN, html: true, errors: [429, 503],
      }),
    },
    '/email/resubscribe': {
      post: operation('resubscribe', 'Turns the link’s recipient’s e-mails back on (the button of the page after unsubscribing)', { parameters: UNSUBSCRIBE_TOKEN, html: true, errors: [429, 503] }),
    },
    '/agent/deliveries': {
      get: operation('listDeliveries', `The outbox delivery log (e-mails and webhooks), newest first, up to ${MAX_DELIVERIES_LISTED} a page (\`nextCursor\`), by status, kind and ticket (its id or number; unknown → 404)`, {
        security: AGENT, ok: 'DeliveryList', errors: [400, 401, 403, 404, 429],
        parameters: [
          { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: [...DELIVERY_STATUSES] } },
          { name: 'kind', in: 'query', required: false, schema: { type: 'string', enum: [...DELIVERY_KINDS] } },
          { name: 'ticket', in: 'query', required: false, schema: { type: 'string', maxLength: 64 }, description: 'A ticket’s id or number' },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_DELIVERIES_LISTED }, description: `${MAX_DELIVERIES_LISTED} when left out` },
          { name: 'cursor', in: 'query', required: false, schema: { type: 'string' }, description: 'nextCursor of the previous page' },
        ],
      }),
    },
    '/agent/deliveries/retry': {
      post: operation('retryDeliveries', 'Sends every given-up (failed) delivery again, or those of one `kind` or `ticket` (id or number; unknown → 404), as retryDelivery does one; answers how many', {
        security: AGENT, body: 'DeliveriesRetryBody', ok: 'DeliveriesRetryAnswer', errors: [400, 401, 403, 404, 413, 415, 422, 429, 503],
      }),
    },
    '/agent/deliveries/{id}/retry': {
      post: operation('retryDelivery', 'Sends a given-up (failed) delivery again: pending now, attempts from zero, a new day of retries; 409 conflict for any other', {
        security: AGENT, ok: 'Delivery', errors: [401, 403, 404, 409, 429, 503],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      }),
    },
    '/agent/tickets/{id}': { get: operation('getAgentTicket', 'Any ticket, by its id or its number, with the moves a specialist may make now', { security: AGENT, parameters: TICKET_REF, ok: 'AgentTicket', errors: [401, 403, 404, 429] }) },
    '/agent/tickets/{id}/status': {
      post: operation('changeTicketStatus', 'Specialist changes the status; illegal transition → 409. `text` is required for clarification_requested (the question) and answered (the answer): 422 on `text` without it. With `lastEventId` (the newest event the specialist read), a ticket changed since → 409 conflict and nothing is stored; an id that is not one of the ticket’s events → 422 on `lastEventId`. Answers support’s list line after it and the new event (contract change: no longer the whole ticket). ' + AGENT_RETRY, {
        security: AGENT, parameters: [...TICKET_REF, AGENT_RETRY_KEY], headers: REPLAYED, body: 'AgentStatusBody', ok: 'AgentTicketChange', errors: [400, 401, 403, 404, 409, 413, 415, 422, 429, 503],
      }),
    },
    '/agent/tickets/{id}/messages': {
      post: operation('postAgentMessage', 'Specialist writes to the user without moving the ticket (e-mailed to the reporter, a `ticket.message` webhook); a closed ticket → 409 illegal_transition; with lastEventId, a ticket changed since → 409 conflict. ' + AGENT_RETRY, {
        security: AGENT, parameters: [...TICKET_REF, AGENT_RETRY_KEY], headers: REPLAYED, body: 'AgentMessageBody', ok: 'AgentTicketChange', status: 201, errors: [400, 401, 403, 404, 409, 413, 415, 422, 429, 503],
      }),
    },
    '/agent/tickets/{id}/assignee': {
      post: operation(
        'assignTicket',
        'Takes (agent "me"), hands over (a specialist’s name) or releases (null) a ticket. What already is: 200 with assignment null. A ticket a colleague handles changes hands only with `from` naming them; `from` no longer so → 409 conflict naming who handles it; a closed ticket → 409 illegal_transition; "me" with the shared token → 403 unnamed_agent; a name not in SUPPORT_AGENTS → 422 unknown_agent',
        {
          security: AGENT, parameters: TICKET_REF, body: 'AgentAssigneeBody', ok: 'AgentAssigneeChange', errors: [400, 401, 403, 404, 409, 413, 415, 422, 429, 503],
        },
      ),
    },
    '/dev/token': {
      post: operation('createDevToken', 'Dev mode only (SUPPORT_DEV=1, 404 otherwise): sign a one-hour reporter token', {
        body: 'DevTokenBody', ok: 'DevTokenResponse', errors: [400, 404, 415, 422, 429],
      }),
    },
    '/dev/agent-token': {
      get: operation('getDevAgentToken', "Dev mode only (SUPPORT_DEV=1, 404 otherwise): the agent token, for the demo's operator page", {
        ok: 'DevTokenResponse', errors: [404, 429],
      }),
    },
  };
}
