/** A scripted fetch for policy tests: answers in order, records every request, never touches the network. */
import type { Meta } from '../../src/core';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../src/core';

/** A request as the fake saw it. */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** One scripted answer: a response, an error to throw, or a function of the request. */
export type Step = Response | Error | ((request: SeenRequest, signal: AbortSignal | undefined) => Response | Promise<Response>);

/** A fetch answering `steps` in order (the last one repeats) and the requests it received. */
export function scriptedFetch(steps: Step[]) {
  const requests: SeenRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const seen: SeenRequest = { url: String(input), method: init.method ?? 'GET', headers, body: init.body };
    requests.push(seen);
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const step = steps[Math.min(requests.length - 1, steps.length - 1)];
    if (step === undefined) throw new Error('no scripted answer');
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(seen, init.signal ?? undefined);
    return step.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** The contract's error body. */
export function apiError(status: number, code: string, message: string, headers: Record<string, string> = {}, fields?: Record<string, string>) {
  return json(status, { error: fields === undefined ? { code, message } : { code, message, fields } }, headers);
}

/** A valid `GET /meta` body. */
export const metaBody: Meta = {
  serverTime: '2025-03-10T09:00:00.000Z',
  open: true,
  nextOpening: '2025-03-10T09:00:00.000Z',
  provisional: false,
  timeZone: 'Europe/Moscow',
  channels: { email: 'support@uchi.pro', phone: '88001000862', phoneDisplay: '8 (800) 100-08-62' },
  limits: DEFAULT_ATTACHMENT_LIMITS,
  version: 'test',
};

/** A sleep that records its delays and returns at once (after a macrotask, like a real timer). */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal) => {
    delays.push(ms);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) reject(signal.reason);
      else setTimeout(resolve, 0);
    });
  };
  return { sleep, delays };
}
