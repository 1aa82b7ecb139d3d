/** The OpenAPI document's `webhooks`: what the server POSTs to each address of SUPPORT_WEBHOOK_URLS. */
import type { SchemaName } from './openapi';
import type { WebhookType } from './schemas';

// One text and one body per type, so a type the sender gains cannot be left out of the document.
const TYPES: Readonly<Record<WebhookType, { summary: string; detail: string; body: SchemaName }>> = {
  'ticket.created': {
    summary: 'A ticket was registered',
    detail: 'The ticket’s first event, the only one with `previousStatus` null: the server registering it (`status` registered, `actor` system). Who reported it is the ticket’s `reporter`, read with `GET /agent/tickets/{id}`. A follow-up names the ticket it continues in `ticket.followUpOf`.',
    body: 'WebhookTicketCreated',
  },
  'ticket.status': {
    summary: 'The ticket moved to another status',
    detail: 'A specialist’s move (`actor` support, `agent` naming a specialist with a token of their own, the comment in `text`), the reporter’s cancel, or the reporter’s reply to a specialist’s question, which moves it back to work (`actor` reporter, the reply in `text`, its files in `attachments`).',
    body: 'WebhookTicketStatus',
  },
  'ticket.message': {
    summary: 'A message on the ticket',
    detail: 'A message that left the status as it was: the reporter’s, a specialist’s (`actor` support), or the server’s note on a closed ticket that a follow-up continues it (`actor` system).',
    body: 'WebhookTicketMessage',
  },
  'ticket.rated': {
    summary: 'The reporter rated the help',
    detail: 'The reporter’s rating, given or changed (within its week): `rating` as it is now, its comment included. Not a ticket event: `id` comes from the events’ sequence, so it orders and deduplicates with them.',
    body: 'WebhookTicketRated',
  },
  'ticket.assigned': {
    summary: 'The ticket’s assignee changed',
    detail: 'A specialist took it, handed it over or released it, or a named specialist’s move that handles it (asking, working on, answering or resolving) took it (that move comes as its own `ticket.status` too): `assignment` says who, by whom and how, `ticket.assignee` who handles it now. Not a ticket event: `id` comes from the events’ sequence.',
    body: 'WebhookTicketAssigned',
  },
  'ticket.erased': {
    summary: 'The reporter’s personal data was erased from the ticket',
    detail: 'Support erased the reporter’s data on their request (152-ФЗ, `POST /agent/erasures`): `ticket` is what is left. Erase your own copies of what you received about the ticket’s reporter: their name and contacts, the texts they wrote, their files. The ticket’s deliveries, sent or not, were dropped with the erasure (they held the data), so what had not reached you never will; this one holds none. Not a ticket event: `id` comes from the events’ sequence.',
    body: 'WebhookTicketErased',
  },
};

const DELIVERY = [
  'POSTed as JSON to every address of SUPPORT_WEBHOOK_URLS; each address receives every type, so one endpoint can dispatch on `type` (and should accept a type it does not know yet: new ones may be added).',
  'Delivery is at least once and **not ordered**: each delivery is retried on its own, so after an outage a newer event can arrive before older ones, and a process stopped between sending and recording sends one again.',
  '`ticket` is as the event (or notice) left it. Ids increase across the server, events’ and notices’ alike: keep each once by the verified body’s `id`, and take the ticket’s state (`ticket.status`, `ticket.assignee`) from the highest `id` seen for the ticket, or read it with `GET /agent/tickets/{id}`.',
].join(' ');

const HEADERS = [
  {
    name: 'X-Uchi-Event-Id', in: 'header', required: true, schema: { type: 'string', pattern: '^[1-9][0-9]*$' },
    description: 'The body’s `id`, the same on every retry. Only the body is signed: deduplicate by the verified body’s `id`.',
  },
  {
    name: 'X-Uchi-Timestamp', in: 'header', required: true, schema: { type: 'string', pattern: '^[0-9]+$' },
    description: 'When this attempt was signed, in unix seconds: the signature’s `t`.',
  },
  {
    name: 'X-Uchi-Signature', in: 'header', required: true, schema: { type: 'string', pattern: '^t=[0-9]+(,v1=[0-9a-f]{64}){1,2}$' },
    description: '`t=<unix seconds>,v1=<hex HMAC-SHA256(SUPPORT_WEBHOOK_SECRET, "<t>.<raw body>")>`, with a second `v1` under SUPPORT_WEBHOOK_SECRET_PREVIOUS while the key is being replaced. Verify the raw body before parsing it, refuse a `t` more than 5 minutes from your clock, compare in constant time and accept when any `v1` matches.',
  },
  { name: 'User-Agent', in: 'header', required: true, schema: { type: 'string', const: 'uchi-support-webhook/1' } },
];

const RESPONSES = {
  '2XX': { description: 'Delivered: any 2xx accepts it, and its body is not read.' },
  default: {
    description: 'Any other answer (a redirect is not followed, Retry-After is not read), no answer within SUPPORT_OUTBOX_SEND_TIMEOUT_MS (15 s) or no connection fails the attempt. The same body, newly signed, is tried again after 30 s, 1 min, 2 min … doubling up to an hour apart (SUPPORT_OUTBOX_RETRY_MS, SUPPORT_OUTBOX_RETRY_MAX_MS), until the next try would come more than a day after the event (SUPPORT_OUTBOX_GIVE_UP_MS): then it is given up, listed by `GET /agent/deliveries?status=failed`, and `POST /agent/deliveries/{id}/retry` sends it again with a new day of retries.',
  },
};

/** One entry per event type: its body (a component schema), the signed headers and what the sender makes of the answer. */
export function webhooks(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(TYPES).map(([type, { summary, detail, body }]) => [type, {
    post: {
      // ticket.created → ticketCreatedWebhook: what a generated receiver names it.
      operationId: `${type.replace(/\.(\w)/u, (_, first: string) => first.toUpperCase())}Webhook`,
      summary,
      description: `${detail} ${DELIVERY}`,
      parameters: HEADERS,
      // The signature in the headers is the credential, and the receiver checks it: no scheme of the API's own.
      security: [],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${body}` } } } },
      responses: RESPONSES,
    },
  }]));
}
