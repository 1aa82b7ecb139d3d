/** A keyed request's first answer (a ticket's create, a specialist's change): given again to a retry of it. */
import { replayOf } from '../../core';
import { ApiFailure } from '../errors';
import type { Sentence } from '../errors';
import type { Transaction } from '../storage/types';

/**
 * Under the lock of `owner`'s `key`, the answer stored for it when the key was first given to the same request
 * (`hash`, its canonical body's); undefined when the key is new; 409 `idempotency_conflict` (`conflict`) when it was
 * given to another request.
 */
export async function storedAnswer(tx: Transaction, owner: string, key: string, hash: string, conflict: Sentence): Promise<string | undefined> {
  // Two requests with one key at once, on any process: the second waits here, then finds the first one's record.
  await tx.lock(`idempotency:${owner}:${key}`);
  const previous = await tx.idempotency.get(owner, key);
  if (previous === undefined) return undefined;
  if (replayOf(previous.body_hash, hash) === 'conflict') throw new ApiFailure(409, 'idempotency_conflict', conflict);
  return previous.response_json;
}
