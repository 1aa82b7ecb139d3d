/**
 * One logical call: auth header, send, retry (network errors, 5xx, 429 — with backoff or the server's
 * Retry-After), one token refresh on 401, and the answer parsed through its schema. Never throws.
 */
import type * as z from 'zod/mini';
import type { AuthState } from './auth';
import { abortedFailure, failureFromError, networkFailure, parseBody } from './responses';
import { isRetryableStatus, nextRetry, parseRetryAfter } from './retry';
import type { RetryPolicy } from './retry';
import type { RawResponse, Send, SendRequest } from './transport';
import type { ApiFailure, ApiResult } from './types';

/** What every call of one client shares. */
export interface RequestContext {
  send: Send;
  auth: AuthState;
  policy: RetryPolicy;
  random: () => number;
  now: () => number;
  /** Waits between attempts; resolves early (or rejects) when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Gives up on one attempt after this long (a stalled connection), 0 for never. */
  timeoutMs: number;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Told when the server refuses the credentials for good (a 401 after the one refresh). */
  onUnauthorized?: (() => void) | undefined;
  /** The user's language, sent as `Accept-Language`. */
  language?: (() => string) | undefined;
}

/** One call. */
export interface CallSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  schema: z.ZodMiniType<T>;
  /** A JSON value or a form; a form is sent as is (the platform sets the multipart boundary). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Whether to send the Authorization header. */
  auth: boolean;
  signal?: AbortSignal | undefined;
  /** Sends through this seam instead of the context's (uploads with progress). */
  send?: Send;
  onProgress?: ((fraction: number) => void) | undefined;
  /** Overrides the per-attempt timeout (uploads of large files need longer). */
  timeoutMs?: number;
  /**
   * False for a request that must not run twice and has no idempotency key: it is retried only when the
   * server said it did nothing (429, 503), never after a network error or another 5xx, where it may have.
   */
  idempotent?: boolean;
  /** The answer is a file: a success's body is read as a Blob and checked by `schema` as it is. */
  binary?: boolean;
}

/** Statuses that promise the request was not processed. */
const REFUSED = new Set([429, 503]);

type Attempt = { kind: 'response'; response: RawResponse; text: string; blob?: Blob } | { kind: 'error'; error: unknown };

/** Runs a call to its end: a value or a typed failure. */
export async function call<T>(ctx: RequestContext, spec: CallSpec<T>): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: spec.binary === true ? '*/*' : 'application/json', ...spec.headers };
  const language = ctx.language?.();
  if (language !== undefined) headers['Accept-Language'] = language;
  let body: string | FormData | undefined;
  if (spec.body instanceof FormData) body = spec.body;
  else if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    headers['Content-Type'] = 'application/json';
  }
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    if (spec.signal?.aborted) return fail(abortedFailure());
    const authHeader = spec.auth ? await ctx.auth.header() : null;
    const request: SendRequest = {
      method: spec.method,
      url: spec.url,
      headers: authHeader === null ? headers : { ...headers, Authorization: authHeader },
      signal: spec.signal ?? new AbortController().signal,
    };
    if (body !== undefined) request.body = body;
    if (spec.onProgress !== undefined) request.onProgress = spec.onProgress;
    const outcome = await attemptOnce(ctx, spec.send ?? ctx.send, request, spec.timeoutMs ?? ctx.timeoutMs, spec.binary === true);
    if (spec.signal?.aborted) return fail(abortedFailure());

    let failure: ApiFailure;
    let retryAfterMs: number | null = null;
    if (outcome.kind === 'error') {
      failure = networkFailure(outcome.error);
      if (spec.idempotent === false) return fail(failure);
    } else {
      const { response, text } = outcome;
      if (response.status >= 200 && response.status < 300) {
        if (spec.binary !== true) return parseBody(spec.schema, text);
        const file = spec.schema.safeParse(outcome.blob);
        return file.success ? { ok: true, value: file.data } : fail({ kind: 'invalid-response', message: 'The answer is not a file' });
      }
      if (response.status === 401 && spec.auth && !refreshed) {
        refreshed = true;
        // The refresh retry is immediate and not counted: it is a new credential, not the same request again.
        if (await ctx.auth.refresh(authHeader)) {
          attempt--;
          continue;
        }
      }
      if (response.status === 401 && spec.auth) ctx.onUnauthorized?.();
      retryAfterMs = parseRetryAfter(response.header('Retry-After'), ctx.now());
      failure = failureFromError(response.status, text, retryAfterMs === null ? null : Math.ceil(retryAfterMs / 1000));
      if (!isRetryableStatus(response.status)) return fail(failure);
      if (spec.idempotent === false && !REFUSED.has(response.status)) return fail(failure);
    }
    const decision = nextRetry(attempt, retryAfterMs, ctx.random, ctx.policy);
    if (!decision.retry) return fail(failure);
    try {
      await ctx.sleep(decision.delayMs, spec.signal);
    } catch {
      return fail(abortedFailure());
    }
  }
}

function fail<T>(error: ApiFailure): ApiResult<T> {
  return { ok: false, error };
}

/**
 * One attempt with its own timeout. The body is read inside the attempt, so a connection cut mid-body
 * counts as a network error (and is retried) rather than as an invalid answer.
 */
async function attemptOnce(ctx: RequestContext, send: Send, request: SendRequest, timeoutMs: number, binary: boolean): Promise<Attempt> {
  const controller = new AbortController();
  const outer = request.signal;
  const onAbort = () => controller.abort(outer.reason);
  outer.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs > 0 ? ctx.setTimer(() => controller.abort(new Error('timeout')), timeoutMs) : null;
  try {
    const response = await send({ ...request, signal: controller.signal });
    if (binary && response.status >= 200 && response.status < 300 && response.blob !== undefined) {
      return { kind: 'response', response, text: '', blob: await response.blob() };
    }
    const text = await response.text();
    return { kind: 'response', response, text };
  } catch (error) {
    return { kind: 'error', error };
  } finally {
    if (timer !== null) ctx.clearTimer(timer);
    outer.removeEventListener('abort', onAbort);
  }
}
