/** The stored first answers of ticket creates, keyed by owner and `Idempotency-Key`. */
import type { Database } from 'better-sqlite3';
import type { IdempotencyRow } from './rows';

/** Prepared statements over `idempotency_keys`. */
export function idempotencyRepo(db: Database) {
  const get = db.prepare<[string, string], IdempotencyRow>('SELECT * FROM idempotency_keys WHERE owner = ? AND key = ?');
  const insert = db.prepare<IdempotencyRow>(`INSERT INTO idempotency_keys (owner, key, body_hash, ticket_id, status,
    response_json, created_at) VALUES (@owner, @key, @body_hash, @ticket_id, @status, @response_json, @created_at)`);

  return {
    /** The record of `key` for `owner`, if any. */
    get: (owner: string, key: string) => get.get(owner, key),
    /** Stores the first answer (inside the create's transaction). */
    insert: (row: IdempotencyRow) => void insert.run(row),
  };
}
