/** The one error type of the server and its `{ error: { code, message, fields? } }` answer (docs/http-contract.md). */
import type { ApiError } from '../core';
import type { Locale } from './locale';
import type { ServerErrorCode } from './schemas';

/**
 * What an error says to a person, in both languages the server answers in: Russian, and English for a caller whose
 * `Accept-Language` prefers it (the widget sends the language it shows).
 */
export interface Sentence {
  ru: string;
  en: string;
}

/** HTTP status codes the contract answers errors with (docs/http-contract.md says when each). */
export const ERROR_STATUSES = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503] as const;
/** One of {@link ERROR_STATUSES}. */
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/**
 * An expected failure: thrown anywhere in a request, turned into the error shape by the app's handler. Its `message`
 * is the Russian sentence (what logs and tests read); the answer says the one the caller prefers.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ServerErrorCode,
    readonly sentence: Sentence,
    /** What is wrong with each field, by its wire path, in both languages like the sentence. */
    readonly fields?: Record<string, Sentence>,
    readonly headers: Record<string, string> = {},
    /** More of the answer for codes that carry it (`several_problems`: the parts and markers). */
    readonly details: Omit<ApiError['error'], 'code' | 'message' | 'fields'> = {},
  ) {
    super(sentence.ru);
    this.name = 'ApiFailure';
  }

  /** The sentence in `locale`. */
  say(locale: Locale): string {
    return this.sentence[locale];
  }

  /** The fields' sentences in `locale`, if any. */
  fieldsIn(locale: Locale): Record<string, string> | undefined {
    const fields = this.fields;
    return fields === undefined ? undefined : Object.fromEntries(Object.entries(fields).map(([path, sentence]) => [path, sentence[locale]]));
  }
}

/** The wire body of an error. */
export function errorBody(
  code: ServerErrorCode,
  message: string,
  fields?: Record<string, string>,
  details: Omit<ApiError['error'], 'code' | 'message' | 'fields'> = {},
): Omit<ApiError, 'error'> & { error: Omit<ApiError['error'], 'code'> & { code: ServerErrorCode } } {
  return { error: { code, message, ...(fields === undefined ? {} : { fields }), ...details } };
}

/** Seconds a client should wait before retrying after the store was briefly unavailable. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

// Conditions the store recovers from (a lock, a full or failing disk): a retry later may succeed, and
// nothing half-written stays behind because every write is one transaction.
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOLFS)/;
// A full or failing disk, out of descriptors, and a lost database socket: node-postgres passes on its socket's
// ECONNREFUSED, ECONNRESET, ETIMEDOUT and EPIPE. A request stream fails with the same codes when its client goes
// (an aborted body is ECONNRESET), so what reads a request body answers that itself and never lets it reach here.
const UNAVAILABLE_NODE = new Set(['ENOSPC', 'EIO', 'EROFS', 'EDQUOT', 'EMFILE', 'ENFILE', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
// PostgreSQL's SQLSTATEs of the same kind: connection lost, out of resources, shutting down, a lock or
// serialization conflict, a read-only replica.
const UNAVAILABLE_POSTGRES = /^(08...|53...|57P0[1-3]|55P03|40001|40P01|25006)$/;
// node-postgres reports a dropped connection, a full pool and a statement left unanswered past its timeout
// (a server that hangs, a network that drops packets) without a code.
const UNAVAILABLE_POSTGRES_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/;

/** node-postgres's error for a statement left unanswered past its `query_timeout`. */
const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * Whether `error` says the database is silent (a statement given up for lack of an answer) rather than busy or
 * locked: the next statement would wait as long again. A full pool's wait for a connection is busy, not silent.
 */
export function isStorageSilent(error: unknown): boolean {
  return error instanceof Error && !('code' in error) && error.message === QUERY_TIMEOUT_MESSAGE;
}

/** Whether `error` says the storage cannot be used right now (rather than that our code is wrong). */
export function isStorageUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof Error && !('code' in error)) return UNAVAILABLE_POSTGRES_MESSAGE.test(error.message);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (UNAVAILABLE.test(code) || UNAVAILABLE_NODE.has(code) || UNAVAILABLE_POSTGRES.test(code));
}

/** The 503 answer for a storage problem. */
export function unavailable(): ApiFailure {
  const sentence = { ru: 'Сервис временно недоступен. Повторите попытку через несколько секунд.', en: 'The service is unavailable for a moment. Try again in a few seconds.' };
  return new ApiFailure(503, 'unavailable', sentence, undefined, {
    'Retry-After': String(UNAVAILABLE_RETRY_SECONDS),
  });
}

/** Common failures, so their wording lives in one place. */
export const failures = {
  notFound: () => new ApiFailure(404, 'not_found', { ru: 'Не найдено.', en: 'Not found.' }),
  ticketNotFound: () => new ApiFailure(404, 'not_found', { ru: 'Обращение не найдено.', en: 'Ticket not found.' }),
  attachmentNotFound: () => new ApiFailure(404, 'not_found', { ru: 'Файл не найден.', en: 'File not found.' }),
  /** 401; `rejection` (dev mode only) says which check a reporter token failed. */
  unauthorized: (sentence: Sentence = { ru: 'Требуется авторизация.', en: 'Sign-in required.' }, rejection?: { reason: string; detail: string }) =>
    new ApiFailure(401, 'unauthorized', sentence, undefined, {}, rejection === undefined ? {} : { reason: rejection.reason, detail: rejection.detail }),
  forbidden: () => new ApiFailure(403, 'forbidden', { ru: 'Недостаточно прав для этого действия.', en: 'You are not allowed to do this.' }),
  badRequest: (sentence: Sentence) => new ApiFailure(400, 'bad_request', sentence),
  validation: (fields: Record<string, Sentence>, sentence: Sentence = { ru: 'Проверьте заполнение полей.', en: 'Check the fields.' }) =>
    new ApiFailure(422, 'validation_failed', sentence, fields),
  payloadTooLarge: (sentence: Sentence = { ru: 'Слишком большой запрос.', en: 'The request is too large.' }) => new ApiFailure(413, 'payload_too_large', sentence),
  unsupportedMedia: (sentence: Sentence) => new ApiFailure(415, 'unsupported_media_type', sentence),
  illegalTransition: (sentence: Sentence = { ru: 'Это действие недоступно для обращения в текущем статусе.', en: 'This cannot be done to the ticket in its current status.' }) =>
    new ApiFailure(409, 'illegal_transition', sentence),
};
