/** Which message explains a failed reply or cancel: the user must know whether to retry or to look again. */
import type { ApiFailure } from '../../api/types';

/** i18n keys (namespace 'timeline') of failure explanations. */
export type FailureKey = 'errors.network' | 'errors.conflict' | 'errors.rateLimited' | 'errors.generic';

/** The message key for a failure. */
export function getFailureKey(failure: ApiFailure): FailureKey {
  switch (failure.kind) {
    case 'network':
      return 'errors.network';
    case 'http':
      if (failure.status === 409) return 'errors.conflict';
      if (failure.status === 429) return 'errors.rateLimited';
      return 'errors.generic';
    case 'invalid-response':
    case 'aborted':
      return 'errors.generic';
    default:
      return failure satisfies never;
  }
}
