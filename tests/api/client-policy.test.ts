/** The client's retry, auth and error policy against a scripted fetch (the happy paths run against the real server). */
import { describe, expect, it, vi } from 'vitest';
import { createHttpSupportApi } from '../../src/api';
import type { HttpSupportApiOptions, Send } from '../../src/api';
import { validDrafts } from '../fixtures/drafts';
import { apiError, json, metaBody, recordingSleep, scriptedFetch } from './fake-fetch';
import type { Step } from './fake-fetch';

const BASE = 'https://support.example.ru/api/v1';
const GUEST_KEY = 'g'.repeat(43);

function client(steps: Step[], options: Partial<HttpSupportApiOptions> = {}) {
  const fake = scriptedFetch(steps);
  const timing = recordingSleep();
  const api = createHttpSupportApi({ baseUrl: BASE, fetch: fake.fetch, sleep: timing.sleep, random: () => 0.5, ...options });
  return { api, requests: fake.requests, delays: timing.delays };
}

const unavailable = (retryAfter?: string) =>
  apiError(503, 'unavailable', 'Сервис временно недоступен.', retryAfter === undefined ? {} : { 'Retry-After': retryAfter });

describe('retries', () => {
  it('waits at least Retry-After seconds after a 503, then succeeds', async () => {
    const { api, requests, delays } = client([unavailable('2'), json(200, metaBody)]);
    const result = await api.getMeta();
    expect(result).toEqual({ ok: true, value: metaBody });
    expect(requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(2000);
    expect(delays[0]).toBeLessThan(2600);
  });

  it('honours Retry-After of a 429, also as an HTTP-date', async () => {
    const now = () => Date.parse('2025-03-10T09:00:00Z');
    const { api, delays } = client(
      [apiError(429, 'rate_limited', 'Слишком много запросов.', { 'Retry-After': '1' }), apiError(429, 'rate_limited', '…', { 'Retry-After': 'Mon, 10 Mar 2025 09:00:03 GMT' }), json(200, metaBody)],
      { now },
    );
    expect((await api.getMeta()).ok).toBe(true);
    expect(delays[0]).toBeGreaterThanOrEqual(1000);
    expect(delays[1]).toBeGreaterThanOrEqual(3000);
  });

  it('stops after a bounded number of attempts and returns the last failure with its Retry-After', async () => {
    const { api, requests, delays } = client([unavailable('1')]);
    const result = await api.getMeta();
    expect(requests).toHaveLength(5);
    expect(delays).toHaveLength(4);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'http', status: 503, code: 'unavailable', message: 'Сервис временно недоступен.', retryAfterSeconds: 1 },
    });
  });

  it('honours a custom maxAttempts', async () => {
    const { api, requests } = client([unavailable()], { maxAttempts: 2 });
    await api.getMeta();
    expect(requests).toHaveLength(2);
  });

  it('does not wait for a Retry-After longer than a minute: the caller gets it to show', async () => {
    const { api, requests, delays } = client([apiError(429, 'rate_limited', 'Подождите.', { 'Retry-After': '3600' })]);
    const result = await api.getMeta();
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(result.ok || result.error).toMatchObject({ kind: 'http', status: 429, retryAfterSeconds: 3600 });
  });

  it('backs off exponentially with jitter for 5xx without Retry-After', async () => {
    const { api, delays } = client([apiError(500, 'internal', 'Ошибка.'), apiError(502, 'internal', '…'), new TypeError('fetch failed'), json(200, metaBody)]);
    expect((await api.getMeta()).ok).toBe(true);
    expect(delays).toEqual([250, 500, 1000]);
  });

  it('retries network errors and reports kind "network" after the last attempt', async () => {
    const { api, requests } = client([new TypeError('fetch failed')]);
    expect(await api.getMeta()).toEqual({ ok: false, error: { kind: 'network', message: 'fetch failed' } });
    expect(requests).toHaveLength(5);
  });

  it.each([400, 401, 403, 404, 409, 413, 415, 422])('never retries a %i', async (status) => {
    const { api, requests, delays } = client([apiError(status, 'bad_request', 'Нет.'), json(200, metaBody)]);
    const result = await api.getTicket('abcdefgh12');
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(result.ok || result.error).toMatchObject({ kind: 'http', status });
  });

  it('sends the same Idempotency-Key on every attempt of a create', async () => {
    const { api, requests } = client([new TypeError('reset'), unavailable('0'), apiError(422, 'validation_failed', 'Нет.')], { token: 't' });
    await api.createTicket(validDrafts.technical, 'draft-key-123456');
    expect(requests.map((request) => request.headers['idempotency-key'])).toEqual(['draft-key-123456', 'draft-key-123456', 'draft-key-123456']);
    expect(requests.map((request) => request.body)).toEqual(Array(3).fill(JSON.stringify(validDrafts.technical)));
  });

  it('retries a message only when the server says it did nothing (429, 503), never after a network error or a 500', async () => {
    const network = client([new TypeError('reset'), json(201, {})], { token: 't' });
    expect(await network.api.sendMessage('abcdefgh12', { text: 'Ответ' })).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(network.requests).toHaveLength(1);

    const internal = client([apiError(500, 'internal', 'Ошибка.')], { token: 't' });
    await internal.api.sendMessage('abcdefgh12', { text: 'Ответ' });
    expect(internal.requests).toHaveLength(1);

    const refused = client([unavailable('1'), apiError(404, 'not_found', 'Нет.')], { token: 't' });
    await refused.api.sendMessage('abcdefgh12', { text: 'Ответ' });
    expect(refused.requests).toHaveLength(2);
  });

  it('gives up on a stalled attempt after the timeout and retries it', async () => {
    const hang: Step = (_request, signal) =>
      new Promise<Response>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'AbortError'))));
    const { api, requests } = client([hang, json(200, metaBody)], { timeoutMs: 20 });
    expect((await api.getMeta()).ok).toBe(true);
    expect(requests).toHaveLength(2);
  });
});

describe('aborts', () => {
  it('does not send when the signal is already aborted', async () => {
    const { api, requests } = client([json(200, metaBody)]);
    const controller = new AbortController();
    controller.abort();
    expect(await api.getMeta(controller.signal)).toEqual({ ok: false, error: { kind: 'aborted', message: expect.any(String) } });
    expect(requests).toHaveLength(0);
  });

  it('stops during a request without retrying', async () => {
    const controller = new AbortController();
    const abortNow: Step = () => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    };
    const { api, requests } = client([abortNow, json(200, metaBody)]);
    expect(await api.getMeta(controller.signal)).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(requests).toHaveLength(1);
  });

  it('stops while waiting to retry', async () => {
    const controller = new AbortController();
    const sleep = (_ms: number, signal?: AbortSignal) => {
      controller.abort();
      return Promise.reject(signal?.reason as Error);
    };
    const { api, requests } = client([unavailable('1'), json(200, metaBody)], { sleep });
    expect(await api.getMeta(controller.signal)).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(requests).toHaveLength(1);
  });
});

describe('answers', () => {
  it('reports a 2xx body that breaks the contract as invalid-response, without retrying', async () => {
    const { api, requests } = client([json(200, { ...metaBody, open: 'yes' })]);
    const result = await api.getMeta();
    expect(result.ok || result.error).toMatchObject({ kind: 'invalid-response', message: expect.stringContaining('open') });
    expect(requests).toHaveLength(1);
  });

  it('reports a body that is not JSON as invalid-response', async () => {
    const { api } = client([new Response('<html>ok</html>', { status: 200 })]);
    expect(await api.getMeta()).toMatchObject({ ok: false, error: { kind: 'invalid-response' } });
  });

  it('keeps the server field messages of a 422', async () => {
    const fields = { subject: 'Укажите тему обращения' };
    const { api } = client([apiError(422, 'validation_failed', 'Проверьте заполнение полей.', {}, fields)], { token: 't' });
    expect(await api.createTicket(validDrafts.other, 'draft-key-123456')).toEqual({
      ok: false,
      error: { kind: 'http', status: 422, code: 'validation_failed', message: 'Проверьте заполнение полей.', fields },
    });
  });

  it('derives a code from the status when the error body is not the contract (a proxy page)', async () => {
    const { api } = client([new Response('<h1>Bad gateway</h1>', { status: 502 })], { maxAttempts: 1 });
    expect(await api.getMeta()).toEqual({ ok: false, error: { kind: 'http', status: 502, code: 'internal', message: 'HTTP 502' } });
  });

  it('keeps an unknown code of another backend', async () => {
    const { api } = client([apiError(403, 'org_blocked', 'Организация заблокирована.')]);
    expect(await api.getMeta()).toMatchObject({ ok: false, error: { code: 'org_blocked', message: 'Организация заблокирована.' } });
  });
});

describe('auth', () => {
  it('sends Bearer with a token, Guest with a guest key, nothing to /meta; never cookies', async () => {
    const { api, requests } = client([json(200, { tickets: [] })], { token: 'tok', guestKey: GUEST_KEY });
    await api.listTickets();
    api.setToken(null);
    await api.listTickets();
    await api.getMeta();
    expect(requests.map((request) => request.headers.authorization)).toEqual(['Bearer tok', `Guest ${GUEST_KEY}`, undefined]);
  });

  it('asks getToken before the first call, and once more after a 401 — never in a loop', async () => {
    const tokens = ['expired', 'fresh', 'fresher'];
    let asked = 0;
    const getToken = () => Promise.resolve(tokens[asked++] ?? null);
    const { api, requests } = client([apiError(401, 'unauthorized', 'Токен истёк.')], { getToken });
    const result = await api.listTickets();
    expect(result).toMatchObject({ ok: false, error: { status: 401 } });
    expect(asked).toBe(2);
    expect(requests.map((request) => request.headers.authorization)).toEqual(['Bearer expired', 'Bearer fresh']);
  });

  it('does not retry a 401 when the getter has nothing new', async () => {
    const { api, requests } = client([apiError(401, 'unauthorized', 'Нет.')], { getToken: () => 'same' });
    await api.listTickets();
    expect(requests).toHaveLength(1);
  });

  it('tells onUnauthorized when a 401 is final, not when the refreshed token is taken', async () => {
    const told = vi.fn();
    const refused = client([apiError(401, 'unauthorized', 'Токен истёк.')], { token: 'expired', onUnauthorized: told });
    expect(await refused.api.listTickets()).toMatchObject({ ok: false, error: { status: 401 } });
    expect(told).toHaveBeenCalledTimes(1);
    // Not for a call without credentials (the metadata).
    await refused.api.getMeta();
    expect(told).toHaveBeenCalledTimes(1);

    const fixed = vi.fn();
    const tokens = ['expired', 'fresh'];
    const answer: Step = (request) => (request.headers.authorization === 'Bearer fresh' ? json(200, { tickets: [] }) : apiError(401, 'unauthorized', 'Нет.'));
    const { api } = client([answer], { getToken: () => tokens.shift() ?? null, onUnauthorized: fixed });
    expect((await api.listTickets()).ok).toBe(true);
    expect(fixed).not.toHaveBeenCalled();
  });

  it('shares one refresh between concurrent 401s', async () => {
    let asked = 0;
    const getToken = async () => {
      asked++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return asked === 1 ? 'old' : 'new';
    };
    const answer: Step = (request) => (request.headers.authorization === 'Bearer new' ? json(200, { tickets: [] }) : apiError(401, 'unauthorized', 'Нет.'));
    const { api } = client([answer], { getToken });
    const results = await Promise.all([api.listTickets(), api.listTickets(), api.listTickets()]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(asked).toBe(2);
  });

  it('refuses a malformed guest key or base URL at once', () => {
    expect(() => createHttpSupportApi({ baseUrl: BASE, guestKey: 'short' })).toThrow(/guestKey/);
    expect(() => createHttpSupportApi({ baseUrl: 'javascript:alert(1)' })).toThrow(/http/);
  });
});

describe('uploads', () => {
  const attachment = { id: 'att_12345678', name: 'a.png', contentType: 'image/png', size: 3, createdAt: '2025-03-10T09:00:00.000Z' };

  it('over fetch: multipart field "file", progress 0 then 1', async () => {
    const { api, requests } = client([json(201, attachment)], { token: 't' });
    const progress: number[] = [];
    const result = await api.uploadAttachment(new Blob(['abc'], { type: 'image/png' }), 'a.png', { onProgress: (f) => progress.push(f) });
    expect(result).toEqual({ ok: true, value: attachment });
    expect(progress).toEqual([0, 1]);
    const form = requests[0]?.body;
    expect(form).toBeInstanceOf(FormData);
    expect((form as FormData).get('file')).toBeInstanceOf(Blob);
    expect(requests[0]?.headers['content-type']).toBeUndefined();
  });

  it('goes through the upload seam when one is given (the XHR one in browsers)', async () => {
    const seen: string[] = [];
    const uploadSend: Send = (request) => {
      seen.push(`${request.method} ${request.url.pathname}`);
      request.onProgress?.(0.5);
      return Promise.resolve({ status: 201, header: () => null, text: () => Promise.resolve(JSON.stringify(attachment)) });
    };
    const { api, requests } = client([json(500, {})], { token: 't', uploadSend });
    const progress: number[] = [];
    expect((await api.uploadAttachment(new Blob(['abc']), 'a.png', { onProgress: (f) => progress.push(f) })).ok).toBe(true);
    expect(seen).toEqual(['POST /api/v1/attachments']);
    expect(progress).toEqual([0.5]);
    expect(requests).toHaveLength(0);
  });
});
