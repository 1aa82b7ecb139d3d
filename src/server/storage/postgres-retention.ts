/** The deletes of the periodic cleanup on PostgreSQL (see Retention in types.ts). */
import type { Pool } from 'pg';
import { FINISHED_AT_SQL } from './finished-at';
import type { Retention } from './types';

/**
 * Each batch one statement on its own: row locks are held for one batch. `SKIP LOCKED` leaves rows another
 * process's cleanup is deleting, or a specialist is sending again, to it; a row picked is checked again once locked,
 * so one sent again meanwhile (pending) is not deleted.
 */
export function retentionOf(pool: Pool): Retention {
  return {
    removeFinishedDeliveries: async (before, afterId, limit) => {
      const result = await pool.query<{ id: number }>(
        `DELETE FROM outbox WHERE id IN (
          SELECT id FROM outbox WHERE id > $1 AND status <> 'pending' AND ${FINISHED_AT_SQL} < $2
          ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
        [afterId, before, limit],
      );
      return result.rows.map((row) => row.id);
    },
    removeIdempotencyKeys: async (before, limit) =>
      (await pool.query(
        `DELETE FROM idempotency_keys WHERE (owner, key) IN (
          SELECT owner, key FROM idempotency_keys WHERE created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [before, limit],
      )).rowCount ?? 0,
  };
}
