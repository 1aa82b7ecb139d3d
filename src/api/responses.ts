/** Reading answers: a 2xx body through its core schema, an error body into a typed ApiFailure. */
import type * as z from 'zod/mini';
import { apiErrorSchema } from '../core';
import type { ApiFailure, ApiResult } from './types';

/** The code we report when an error answer has no body of the contract's shape (a proxy's HTML page). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Parses JSON text, or undefined when it is not JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A 2xx body checked against its schema: the value, or an `invalid-response` failure naming the first problem. */
export function parseBody<T>(schema: z.ZodMiniType<T>, text: string): ApiResult<T> {
  // An empty body (204) reads as null, so "no content" is a schema like any other.
  const json = text === '' ? null : parseJsonText(text);
  if (json === undefined) return { ok: false, error: { kind: 'invalid-response', message: 'The answer is not JSON' } };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '' : ` at "${issue.path.map(String).join('.')}": ${issue.message}`;
  return { ok: false, error: { kind: 'invalid-response', message: `The answer does not match the contract${where}` } };
}

/**
 * An error answer as a typed failure: the server's code, message and per-field messages when the body has
 * the contract's shape (or at least a string code and message, as another backend may add codes), else
 * a code derived from the status.
 */
export function failureFromError(status: number, text: string, retryAfterSeconds: number | null): ApiFailure {
  const json = parseJsonText(text);
  const failure: Extract<ApiFailure, { kind: 'http' }> = {
    kind: 'http',
    status,
    code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request'),
    message: `HTTP ${status}`,
  };
  const strict = apiErrorSchema.safeParse(json);
  if (strict.success) {
    failure.code = strict.data.error.code;
    failure.message = strict.data.error.message;
    if (strict.data.error.fields !== undefined) failure.fields = strict.data.error.fields;
    if (strict.data.error.parts !== undefined) failure.parts = strict.data.error.parts;
    if (strict.data.error.markers !== undefined) failure.markers = strict.data.error.markers;
  } else {
    const loose = looseError(json);
    if (loose !== null) Object.assign(failure, loose);
  }
  if (retryAfterSeconds !== null) failure.retryAfterSeconds = retryAfterSeconds;
  return failure;
}

/** `{ error: { code: string, message: string } }` with an unknown code. */
function looseError(json: unknown): { code: string; message: string } | null {
  if (typeof json !== 'object' || json === null || !('error' in json)) return null;
  const error = (json as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

/** A network failure. */
export function networkFailure(cause: unknown): ApiFailure {
  return { kind: 'network', message: cause instanceof Error ? cause.message : 'Network request failed' };
}

/** An aborted call. */
export function abortedFailure(): ApiFailure {
  return { kind: 'aborted', message: 'The request was aborted' };
}
