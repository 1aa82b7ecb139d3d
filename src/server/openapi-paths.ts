/** Builders for the OpenAPI document's operations and error responses. */
import { ATTACHMENT_TYPES } from '../core';
import type { ErrorStatus } from './errors';
import type { SchemaName } from './openapi';

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const HTML_PAGE = { 'text/html': { schema: { type: 'string' } } };

// One text per status the server answers errors with, so a new status cannot be left out of the document.
const ERROR_TEXT: Readonly<Record<ErrorStatus, string>> = {
  400: 'Bad request (malformed JSON, missing header, bad parameter)',
  401: 'No or invalid credentials',
  403: 'Credentials of the wrong kind (a reporter on an agent route, the agent on a reporter route), or `unnamed_agent`: the shared agent token taking a ticket for itself',
  404: 'Not found, or not yours',
  405: 'A known path asked with a method it does not have (Allow names the ones it has)',
  409: 'Illegal transition, idempotency conflict, or `conflict`: the ticket changed (or changed hands) since the caller read it',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Validation failed (`fields` maps paths to messages), or `several_problems`: the description holds several problems and `oneProblemConfirmed` is not set (`parts` and `markers` say what the check found), or `unknown_agent`: no specialist of that name',
  429: 'Rate limited (see Retry-After)',
  500: 'Unexpected error',
  503: 'Storage temporarily unavailable (see Retry-After)',
};

const RETRY_AFTER = { description: 'Seconds to wait before trying again', schema: { type: 'string', pattern: '^[0-9]+$' } };
// The headers an error answer carries, declared so a generated client types them.
const ERROR_HEADERS: Partial<Record<ErrorStatus, Record<string, unknown>>> = {
  405: { Allow: { description: 'The methods the path has', required: true, schema: { type: 'string' } } },
  429: { 'Retry-After': { ...RETRY_AFTER, required: true } },
  503: { 'Retry-After': RETRY_AFTER },
};

/** Shared error responses, one per status, all with the error schema. */
export function errorResponses(): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(ERROR_TEXT)) {
    const headers = ERROR_HEADERS[Number(status) as ErrorStatus];
    responses[`E${status}`] = { description, ...(headers === undefined ? {} : { headers }), content: { 'application/json': { schema: ref('Error') } } };
  }
  return responses;
}

interface OperationSpec {
  ok?: SchemaName | null;
  status?: number;
  body?: SchemaName;
  multipart?: boolean;
  binary?: boolean;
  sse?: boolean;
  /** An HTML page for people (the e-mails' links): 200 and 400 are pages, not JSON. */
  html?: boolean;
  noContent?: boolean;
  /** Headers of the success answer. */
  headers?: Record<string, unknown>;
  security?: unknown[];
  parameters?: unknown[];
  errors: number[];
}

/** One operation: its id (what a generated client names its method), summary, security, parameters, body and responses. */
export function operation(id: string, summary: string, spec: OperationSpec): Record<string, unknown> {
  return {
    operationId: id,
    summary,
    ...(spec.security === undefined ? { security: [] } : { security: spec.security }),
    ...(spec.parameters === undefined ? {} : { parameters: spec.parameters }),
    ...requestBody(spec),
    responses: {
      [String(spec.status ?? 200)]: success(spec),
      ...(spec.html === true ? { '400': { description: 'The link is malformed or not signed by this server (a page that says so)', content: HTML_PAGE } } : {}),
      ...Object.fromEntries(errorStatuses(spec.errors).map((status) => [String(status), { $ref: `#/components/responses/E${status}` }])),
    },
  };
}

/**
 * The error statuses of an operation: its own, 500, and 503 for every rate-limited one, since the rate limit's
 * counters are in the database: a database that does not answer is a 503 before the route runs.
 */
function errorStatuses(errors: readonly number[]): number[] {
  const all = new Set([...errors, 500]);
  if (all.has(429)) all.add(503);
  return [...all].sort((a, b) => a - b);
}

function requestBody(spec: OperationSpec): Record<string, unknown> {
  if (spec.body !== undefined) return { requestBody: { required: true, content: { 'application/json': { schema: ref(spec.body) } } } };
  if (spec.multipart !== true) return {};
  const schema = { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } };
  return { requestBody: { required: true, content: { 'multipart/form-data': { schema } } } };
}

function success(spec: OperationSpec): Record<string, unknown> {
  const answer = successBody(spec);
  return spec.headers === undefined ? answer : { ...answer, headers: spec.headers };
}

function successBody(spec: OperationSpec): Record<string, unknown> {
  if (spec.noContent === true) return { description: 'Done; no body' };
  if (spec.html === true) return { description: 'A page for the person who opened the link', content: HTML_PAGE };
  if (spec.sse === true) {
    const stream = { schema: { type: 'string' }, 'x-event-name': 'ticket-event', 'x-event-data': { anyOf: [ref('TicketEvent'), ref('AgentTicketEvent')] } };
    return {
      description: 'Server-sent events: `id` = event id, `data` = a TicketEvent as JSON (an AgentTicketEvent, with `agent`, read with an agent token). On shutdown a last event `reconnect` (`data` {reason, lastEventId}, with `retry`) asks the client to come back with Last-Event-ID',
      content: { 'text/event-stream': stream },
    };
  }
  if (spec.binary === true) return { description: 'The file, with the type it was stored as', content: Object.fromEntries(ATTACHMENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
  if (spec.ok === null || spec.ok === undefined) return { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } };
  return { description: 'OK', content: { 'application/json': { schema: ref(spec.ok) } } };
}
