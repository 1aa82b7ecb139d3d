/** Turns a failed ApiResult into a thrown error for react-query, keeping the typed failure. */
import type { ApiFailure, ApiResult } from './types';

/** An ApiFailure as an Error, so react-query's `error` carries it. */
export class SupportApiError extends Error {
  /** The typed failure. */
  readonly failure: ApiFailure;
  constructor(failure: ApiFailure) {
    super(failure.message);
    this.name = 'SupportApiError';
    this.failure = failure;
  }
}

/** The value of a successful result, or throws a SupportApiError. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new SupportApiError(result.error);
}

/** The typed failure behind an error thrown by a hook, or a network failure for anything else. */
export function failureOf(error: unknown): ApiFailure {
  if (error instanceof SupportApiError) return error.failure;
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}

/** The server's per-field messages of a failure (a 422), keyed by dotted path like `course.url`; empty otherwise. */
export function fieldErrorsOf(failure: ApiFailure): Record<string, string> {
  return failure.kind === 'http' && failure.fields !== undefined ? failure.fields : {};
}

/** Whether trying the same call again later may succeed (offline, server trouble, rate limit). */
export function isTransientFailure(failure: ApiFailure): boolean {
  return failure.kind === 'network' || (failure.kind === 'http' && (failure.status === 429 || failure.status >= 500));
}
