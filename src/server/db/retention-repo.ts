/** The deletes of the periodic cleanup on SQLite (see Retention in storage/types.ts). */
import type { Database } from 'better-sqlite3';
import { FINISHED_AT_SQL } from '../storage/finished-at';

/** Prepared statements over `outbox` and `idempotency_keys`. */
export function retentionRepo(db: Database) {
  // One statement each: SQLite's write lock is held for one batch, and other processes' writes go between batches.
  const finished = db.prepare<{ before: string; after: number; limit: number }, { id: number }>(`DELETE FROM outbox
    WHERE id IN (SELECT id FROM outbox WHERE id > @after AND status <> 'pending' AND ${FINISHED_AT_SQL} < @before ORDER BY id LIMIT @limit)
    RETURNING id`);
  const keys = db.prepare<{ before: string; limit: number }>(`DELETE FROM idempotency_keys
    WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE created_at < @before ORDER BY created_at LIMIT @limit)`);

  return {
    /** Deletes a batch of finished deliveries; returns their ids. */
    removeFinishedDeliveries: (before: string, after: number, limit: number) => finished.all({ before, after, limit }).map((row) => row.id),
    /** Deletes a batch of idempotency records; returns how many. */
    removeIdempotencyKeys: (before: string, limit: number) => keys.run({ before, limit }).changes,
  };
}
