/** Maps an API failure to the reason the user is shown next to a failed file. */
import type { ApiFailure } from '../../../api/types';
import type { FailureReason } from './types';

/** The reason for a failed upload. */
export function reasonOfFailure(failure: ApiFailure): FailureReason {
  switch (failure.kind) {
    case 'network':
      return 'network';
    case 'aborted':
      return 'cancelled';
    case 'invalid-response':
      return 'server';
    case 'http':
      if (failure.status === 413) return 'too-large';
      if (failure.status === 415) return 'unsupported';
      if (failure.status === 429) return 'rate-limited';
      // Files the user's drafts (here or on another device) hold already: removing or sending some makes room.
      if (failure.status === 422 && failure.code === 'too_many_attachments') return 'too-many-waiting';
      // The server read the file and could not use it (a PDF cut short, an image that does not decode): sending the
      // same bytes again cannot help.
      if (failure.status === 422) return 'damaged';
      if (failure.status === 401 || failure.status === 403) return 'auth';
      return 'server';
    default:
      return failure satisfies never;
  }
}
