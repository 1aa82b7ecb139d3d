/**
 * Idempotent create: a replay of the same key and body gets the first answer; the same key with another body
 * is refused. Bodies are compared in a canonical JSON form, so key order never makes two bodies differ.
 */

/** JSON with object keys sorted at every level, so equal bodies serialise equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** What a create with an already used key gets: the first answer again, or a refusal. */
export type IdempotentReplay = 'replay' | 'conflict';

/** Decides a create whose key was used before, from the canonical forms (or hashes of them) of both bodies. */
export function replayOf(previousBody: string, body: string): IdempotentReplay {
  return previousBody === body ? 'replay' : 'conflict';
}

/** The message of the refusal (409 `idempotency_conflict`). */
export const IDEMPOTENCY_CONFLICT_MESSAGE = 'Этот ключ идемпотентности уже использован для другого обращения.';
