/**
 * One mapping from a failed API call to what the user reads: whether to retry now, wait, look again or fix
 * something. Every feature shows failures through it (namespace `common`, key `failure`).
 */
import type { TFunction } from 'i18next';
import type { ApiFailure } from '../../api/types';

/** Why a call failed, as the user needs to know it. */
export type FailureReason = 'network' | 'server' | 'rateLimited' | 'alreadyRegistered' | 'conflict' | 'signedOut' | 'refused' | 'generic';

/** Network failures and 5xx after the client's own retries: the API is unreachable for now. */
export function isUnreachable(failure: ApiFailure): boolean {
  return failure.kind === 'network' || (failure.kind === 'http' && failure.status >= 500);
}

/** The server refused a draft's key: a first attempt registered the ticket, then the text changed. */
export function isAlreadyRegistered(failure: ApiFailure): boolean {
  return failure.kind === 'http' && failure.code === 'idempotency_conflict';
}

/** The reason of a failure. */
export function failureReason(failure: ApiFailure): FailureReason {
  switch (failure.kind) {
    case 'network':
      return 'network';
    case 'http':
      if (isAlreadyRegistered(failure)) return 'alreadyRegistered';
      if (failure.status >= 500) return 'server';
      if (failure.status === 429) return 'rateLimited';
      if (failure.status === 409) return 'conflict';
      // The LMS's sign-in the widget was given has expired: the server's sentence speaks of tokens.
      if (failure.status === 401) return 'signedOut';
      // The server's own sentence (a 4xx) says what to fix; it is shown as text, never as HTML.
      return failure.message.trim() === '' ? 'generic' : 'refused';
    case 'invalid-response':
    case 'aborted':
      return 'generic';
    default:
      return failure satisfies never;
  }
}

/** The sentence for a failure. */
export function failureMessage(t: TFunction, failure: ApiFailure): string {
  const reason = failureReason(failure);
  if (reason === 'rateLimited' && failure.kind === 'http' && failure.retryAfterSeconds !== undefined) {
    // A long wait (a guest's hourly quota) in minutes: «3595 с» is hard to read.
    const seconds = failure.retryAfterSeconds;
    return seconds > 90 ? t('common:failure.rateLimitedMinutes', { minutes: Math.ceil(seconds / 60) }) : t('common:failure.rateLimitedFor', { seconds });
  }
  return t(`common:failure.${reason}`, { message: failure.message });
}
