/** The failures a story can ask the memory API for, as the HTTP client would report them. */
import type { ApiFailure, ApiResult } from '../../src/api/types';
import { IDEMPOTENCY_CONFLICT_MESSAGE } from '../../src/core';

/** A failure by name. */
export type FailureKind =
  | 'network'
  | 'server'
  | 'rate-limited'
  | 'conflict'
  | 'too-large'
  | 'unsupported'
  | 'not-found'
  | 'several-problems'
  | 'signed-out'
  | 'refused'
  | 'already-registered';

/** The parts a server with a stricter one-problem check finds (the `several-problems` failure). */
export const SERVER_PARTS = ['На странице курса белый экран после входа.', 'Счёт за март не пришёл на почту.'];

/** The server's own sentence of the `refused` failure (a 422 without fields: nothing in the form to fix). */
export const REFUSAL_MESSAGE = 'Обращения от организации временно принимаются только по e-mail.';

/**
 * A failure that happens every time, or by attempts: the first `after` attempts succeed (default 0), then
 * `times` attempts fail (default: every one after them), then the call succeeds again.
 */
export type FailureRule = FailureKind | { kind: FailureKind; times?: number; after?: number };

/** The failure the client would give for `kind`. */
export function failureOf(kind: FailureKind): ApiFailure {
  switch (kind) {
    case 'network':
      return { kind: 'network', message: 'Failed to fetch' };
    case 'server':
      return { kind: 'http', status: 503, code: 'unavailable', message: 'Сервис временно недоступен.' };
    case 'rate-limited':
      return { kind: 'http', status: 429, code: 'rate_limited', message: 'Слишком много запросов.', retryAfterSeconds: 30 };
    case 'conflict':
      return { kind: 'http', status: 409, code: 'illegal_transition', message: 'Статус обращения уже изменился.' };
    case 'too-large':
      return { kind: 'http', status: 413, code: 'payload_too_large', message: 'Файл слишком большой.' };
    case 'unsupported':
      return { kind: 'http', status: 415, code: 'unsupported_media_type', message: 'Такой тип файла не принимается.' };
    case 'not-found':
      return { kind: 'http', status: 404, code: 'not_found', message: 'Обращение не найдено.' };
    case 'signed-out':
      // The LMS's token expired and the one refresh did not help: the server speaks of tokens, the widget does not.
      return { kind: 'http', status: 401, code: 'unauthorized', message: 'Токен доступа истёк.' };
    case 'refused':
      return { kind: 'http', status: 422, code: 'refused', message: REFUSAL_MESSAGE };
    case 'already-registered':
      // A first attempt registered the ticket (its answer was lost), then the text changed: the key is refused.
      return { kind: 'http', status: 409, code: 'idempotency_conflict', message: IDEMPOTENCY_CONFLICT_MESSAGE };
    case 'several-problems':
      return { kind: 'http', status: 422, code: 'several_problems', message: 'В описании, похоже, несколько разных проблем (2).', parts: SERVER_PARTS, markers: ['Счёт за март'] };
    default:
      return kind satisfies never;
  }
}

/** A failed result. */
export function fail<T>(failure: ApiFailure): ApiResult<T> {
  return { ok: false, error: failure };
}

/** A successful result. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** Counts attempts per operation and says whether this one fails. */
export function createFailureGate(rules: Partial<Record<string, FailureRule>>) {
  const attempts = new Map<string, number>();
  return (operation: string): ApiFailure | null => {
    const rule = rules[operation];
    if (rule === undefined) return null;
    const attempt = (attempts.get(operation) ?? 0) + 1;
    attempts.set(operation, attempt);
    if (typeof rule === 'string') return failureOf(rule);
    const { after = 0, times = Number.POSITIVE_INFINITY } = rule;
    return attempt > after && attempt <= after + times ? failureOf(rule.kind) : null;
  };
}

/** Waits `ms` unless the signal aborts first (then rejects with the abort reason). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
