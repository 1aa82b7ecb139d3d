/** The SupportApi over HTTP (docs/http-contract.md): one client per widget, talking only to its configured base URL. */
import * as z from 'zod/mini';
import { attachmentSchema, createTicketResponseSchema, metaSchema, notificationPrefsSchema, ticketListSchema, ticketSchema } from '../core';
import type { NotificationPrefs, RatingBody, Ticket } from '../core';
import { createAuth } from './auth';
import { deferSubscription } from './deferred-subscription';
import type { LiveDeps } from './event-stream';
import { hasXhr, platformFetch, platformTimers } from './globals';
import type { Timers } from './globals';
import { accessKeyOptions, isGuestKey } from './guest-key';
import { DEFAULT_LIVE_OPTIONS } from './live-options';
import type { LiveOptions } from './live-options';
import { call } from './request';
import type { CallSpec, RequestContext } from './request';
import { DEFAULT_RETRY_POLICY } from './retry';
import type { RetryPolicy } from './retry';
import { createSleep } from './sleep';
import { fetchSend, xhrSend } from './transport';
import type { Send } from './transport';
import type { ApiResult, SupportApi, TicketPage, TicketPageRequest } from './types';
import { messageAnswerSchema } from './message-answer';
import { createUrlBuilder } from './url';

/** How to build the client; everything but `baseUrl` has a default, and every effect can be injected. */
export interface HttpSupportApiOptions {
  /** The API root, e.g. `https://support.example.ru/api/v1`; requests never leave its origin and path. */
  baseUrl: string;
  /** The reporter token signed by the LMS. */
  token?: string | null;
  /** Returns a fresh token; asked before the first call without a token, and once after a 401. */
  getToken?: () => Promise<string | null> | string | null;
  /**
   * Told when the server refuses the token for good (a 401 after the one refresh `getToken` allows): an expired
   * token the host must replace (`setToken`).
   */
  onUnauthorized?: () => void;
  /** A guest's key (`newGuestKey()`, kept by the widget), used when there is no token. */
  guestKey?: string;
  /**
   * The language the user reads (`ru`, `en`), asked at each call and sent as `Accept-Language`: the server answers
   * its errors in it and writes a new ticket's e-mails in it. Without it the browser's own preference goes.
   */
  language?: () => string;
  fetch?: typeof fetch;
  /** Waits between retries; tests pass a fast one. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source, 0…1. */
  random?: () => number;
  /** The clock, for HTTP-date `Retry-After` and stream health. */
  now?: () => number;
  /** Attempts per call, the first included (default 5). */
  maxAttempts?: number;
  /** The rest of the backoff policy. */
  retry?: Partial<RetryPolicy>;
  timers?: Timers;
  /** Per-attempt timeout of JSON calls (default 30 s; uploads have none, their signal cancels them). */
  timeoutMs?: number;
  /** Tuning of live updates. */
  live?: Partial<LiveOptions>;
  /** The upload seam: XHR (with progress) by default in browsers without an injected fetch. */
  uploadSend?: Send;
}

/** The SupportApi plus what the embed's `setToken` needs. */
export interface HttpSupportApi extends SupportApi {
  deleteAttachment(id: string, signal?: AbortSignal): Promise<ApiResult<null>>;
  downloadAttachment(id: string, signal?: AbortSignal): Promise<ApiResult<Blob>>;
  listTicketPage(page: TicketPageRequest, signal?: AbortSignal): Promise<ApiResult<TicketPage>>;
  rateTicket(id: string, body: RatingBody, signal?: AbortSignal): Promise<ApiResult<Ticket>>;
  getNotificationPrefs(signal?: AbortSignal): Promise<ApiResult<NotificationPrefs>>;
  setNotificationPrefs(prefs: NotificationPrefs, signal?: AbortSignal): Promise<ApiResult<NotificationPrefs>>;
  /** Replaces the reporter token (null: guest mode). */
  setToken(token: string | null): void;
  /** Replaces the guest key. */
  setGuestKey(key: string | null): void;
  /** This client speaking with a guest ticket's access key (see {@link SupportApi.withAccessKey}); throws on a malformed key. */
  withAccessKey(accessKey: string): HttpSupportApi;
}

/** Creates the HTTP client; throws at once on an unusable base URL or guest key (a setup mistake). */
export function createHttpSupportApi(options: HttpSupportApiOptions): HttpSupportApi {
  const urls = createUrlBuilder(options.baseUrl);
  if (options.guestKey !== undefined && !isGuestKey(options.guestKey)) {
    throw new TypeError('guestKey must be 32–128 base64url characters (use newGuestKey())');
  }
  const fetchImpl = options.fetch ?? platformFetch();
  const timers = options.timers ?? platformTimers();
  const auth = createAuth({ token: options.token, getToken: options.getToken, guestKey: options.guestKey });
  const ctx: RequestContext = {
    send: fetchSend(fetchImpl),
    auth,
    policy: { ...DEFAULT_RETRY_POLICY, ...options.retry, ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }) },
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? createSleep(timers),
    timeoutMs: options.timeoutMs ?? 30_000,
    setTimer: (callback, ms) => timers.setTimeout(callback, ms),
    clearTimer: (handle) => timers.clearTimeout(handle),
    onUnauthorized: options.onUnauthorized,
    language: options.language,
  };
  // XHR only where it exists and nobody injected a fetch: an injected fetch means "all traffic goes here".
  const uploadSend = options.uploadSend ?? (options.fetch === undefined && hasXhr() ? xhrSend() : ctx.send);
  const live: LiveOptions = { ...DEFAULT_LIVE_OPTIONS, ...options.live };
  const run = <T>(spec: CallSpec<T>) => call(ctx, spec);

  const api: HttpSupportApi = {
    getMeta: (signal) => run({ method: 'GET', url: urls.build('meta'), schema: metaSchema, auth: false, signal }),

    // Retried like any call: a duplicate upload stays unclaimed and harmless, a lost one costs the user a retry.
    uploadAttachment(file, name, upload = {}) {
      const form = new FormData();
      form.append('file', file, name);
      return run({
        method: 'POST',
        url: urls.build('attachments'),
        schema: attachmentSchema,
        body: form,
        auth: true,
        signal: upload.signal,
        send: uploadSend,
        onProgress: upload.onProgress,
        timeoutMs: 0,
      });
    },

    downloadAttachment: (id, signal) =>
      run({ method: 'GET', url: urls.build('attachments', id), schema: z.custom<Blob>((value) => value instanceof Blob), auth: true, signal, binary: true }),

    // Deleting twice is harmless (the second answers 404), so it is retried like a read.
    deleteAttachment: (id, signal) =>
      run({ method: 'DELETE', url: urls.build('attachments', id), schema: z.null(), auth: true, signal }),

    // The same key on every attempt makes retrying a create safe: the server replays its first answer.
    createTicket: (draft, idempotencyKey, signal) =>
      run({
        method: 'POST',
        url: urls.build('tickets'),
        schema: createTicketResponseSchema,
        body: draft,
        headers: { 'Idempotency-Key': idempotencyKey },
        auth: true,
        signal,
      }),

    async listTickets(signal) {
      const result = await run({ method: 'GET', url: urls.build('tickets'), schema: ticketListSchema, auth: true, signal });
      return result.ok ? { ok: true, value: result.value.tickets } : result;
    },

    async listTicketPage({ cursor, limit }, signal) {
      const url = urls.build('tickets');
      url.searchParams.set('limit', String(limit));
      if (cursor !== null) url.searchParams.set('cursor', cursor);
      const result = await run({ method: 'GET', url, schema: ticketListSchema, auth: true, signal });
      // A backend without paging answers every ticket at once: that is the only page.
      return result.ok ? { ok: true, value: { tickets: result.value.tickets, nextCursor: result.value.nextCursor ?? null } } : result;
    },

    getTicket: (id, signal) => run({ method: 'GET', url: urls.build('tickets', id), schema: ticketSchema, auth: true, signal }),

    // A message has no idempotency key: it is retried only when the server said it did nothing (429, 503).
    sendMessage: (id, body, signal) =>
      run({
        method: 'POST',
        url: urls.build('tickets', id, 'messages'),
        schema: messageAnswerSchema,
        body,
        auth: true,
        signal,
        idempotent: false,
      }),

    // Rating is a put in effect (the last score wins), so a retry after a lost answer is harmless.
    rateTicket: (id, body, signal) =>
      run({ method: 'POST', url: urls.build('tickets', id, 'rating'), schema: ticketSchema, body, auth: true, signal }),

    getNotificationPrefs: (signal) =>
      run({ method: 'GET', url: urls.build('me', 'notifications'), schema: notificationPrefsSchema, auth: true, signal }),

    // A put: sending the same preference again changes nothing, so a retry after a lost answer is harmless.
    setNotificationPrefs: (prefs, signal) =>
      run({ method: 'PUT', url: urls.build('me', 'notifications'), schema: notificationPrefsSchema, body: prefs, auth: true, signal }),

    async cancelTicket(id, signal) {
      const result = await run({ method: 'POST', url: urls.build('tickets', id, 'cancel'), schema: ticketSchema, auth: true, signal });
      return alreadyCancelled(result, () => api.getTicket(id, signal));
    },

    // The stream code arrives with the first watched ticket: most visits only file one.
    subscribe(id, lastEventId, handlers) {
      const deps: LiveDeps = {
        fetch: fetchImpl,
        auth,
        eventsUrl: urls.build('tickets', id, 'events'),
        ticketId: id,
        getTicket: (signal) => api.getTicket(id, signal),
        sleep: ctx.sleep,
        random: ctx.random,
        now: ctx.now,
        timers,
        options: live,
        onUnauthorized: options.onUnauthorized,
      };
      return deferSubscription(import('./event-stream'), ({ subscribeToEvents }) => subscribeToEvents(deps, lastEventId, handlers), handlers);
    },

    setToken: (token) => auth.setToken(token),
    setGuestKey: (key) => auth.setGuestKey(key),
    withAccessKey: (accessKey) => createHttpSupportApi(accessKeyOptions(options, accessKey)),
  };
  return api;
}

/**
 * Cancel is idempotent in effect: a 409 after a retry (the first attempt went through) or from another
 * tab's cancel means the ticket is cancelled — answer with it rather than with an error.
 */
async function alreadyCancelled<T extends { status: string }>(
  result: ApiResult<T>,
  reload: () => Promise<ApiResult<T>>,
): Promise<ApiResult<T>> {
  if (result.ok || result.error.kind !== 'http' || result.error.status !== 409) return result;
  const fresh = await reload();
  return fresh.ok && fresh.value.status === 'cancelled' ? fresh : result;
}
