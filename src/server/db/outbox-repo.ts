/** The `outbox` and `notification_prefs` tables on SQLite (see OutboxRepo in storage/types.ts). */
import type { Database } from 'better-sqlite3';
import type { DeliveryFilter, DeliveryRow, NewOutboxRow, OutboxStats } from '../storage/types';
import { DELIVERY_SELECT, deliveryConditions } from '../storage/delivery-query';
import type { OutboxRow } from './rows';

/** Prepared statements over `outbox` and `notification_prefs`. */
export function outboxRepo(db: Database) {
  const insert = db.prepare<NewOutboxRow>(`INSERT INTO outbox (kind, target, dedupe_key, event_id, ticket_id, payload,
    next_attempt_at, created_at) VALUES (@kind, @target, @dedupe_key, @event_id, @ticket_id, @payload, @created_at, @created_at)
    ON CONFLICT (dedupe_key) DO NOTHING`);
  // One statement: SQLite's write lock makes the pick and the lease atomic across processes on the file.
  const claim = db.prepare<{ now: string; lease: string; limit: number }, OutboxRow>(`UPDATE outbox
    SET attempts = attempts + 1, next_attempt_at = @lease
    WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT @limit)
    RETURNING *`);
  const sent = db.prepare<[string, number]>(`UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?`);
  const retry = db.prepare<[string, string, number]>(`UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'`);
  const giveUp = db.prepare<[string, number]>(`UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ? AND status = 'pending'`);
  const one = db.prepare<[number], DeliveryRow>(`${DELIVERY_SELECT} WHERE outbox.id = ?`);
  const requeue = db.prepare<{ id: number; now: string }, OutboxRow>(`UPDATE outbox
    SET status = 'pending', attempts = 0, next_attempt_at = @now, requeued_at = @now
    WHERE id = @id AND status = 'failed' RETURNING *`);
  // Sent rows are left out: they are kept for days (SUPPORT_OUTBOX_RETENTION_DAYS), and the index on status skips them.
  const counts = db.prepare<[], OutboxStats['counts'][number]>(`SELECT kind, status, count(*) AS count FROM outbox
    WHERE status IN ('pending', 'failed') GROUP BY kind, status`);
  const oldest = db.prepare<[], OutboxStats['oldestPending'][number]>(`SELECT kind, min(created_at) AS at FROM outbox WHERE status = 'pending' GROUP BY kind`);
  const pref = db.prepare<[string], { email: number }>('SELECT email FROM notification_prefs WHERE owner = ?');
  const setPref = db.prepare<[string, number, string]>(`INSERT INTO notification_prefs (owner, email, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (owner) DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at`);

  return {
    enqueue: (rows: readonly NewOutboxRow[]) => {
      for (const row of rows) insert.run(row);
    },
    claim: (now: string, lease: string, limit: number) => claim.all({ now, lease, limit }).sort((a, b) => a.id - b.id),
    markSent: (id: number, at: string) => void sent.run(at, id),
    markFailed: (id: number, error: string, nextAt: string | null) => void (nextAt === null ? giveUp.run(error, id) : retry.run(error, nextAt, id)),
    // Prepared per call: which conditions a listing has decides which index serves it.
    list: (filter: DeliveryFilter, limit: number) => {
      const { where, values } = deliveryConditions(filter, () => '?');
      return db.prepare<unknown[], DeliveryRow>(`${DELIVERY_SELECT}${where} ORDER BY outbox.id DESC LIMIT ?`).all(...values, limit);
    },
    get: (id: number) => one.get(id),
    requeue: (id: number, now: string) => requeue.get({ id, now }),
    requeueFailed: (filter: Pick<DeliveryFilter, 'kind' | 'ticketId'>, now: string) => {
      const { where, values } = deliveryConditions({ ...filter, status: 'failed', before: null }, () => '?');
      return db.prepare(`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, requeued_at = ?${where}`).run(now, now, ...values).changes;
    },
    stats: (): OutboxStats => ({ counts: counts.all(), oldestPending: oldest.all() }),
    emailEnabled: (owner: string) => (pref.get(owner)?.email ?? 1) === 1,
    setEmail: (owner: string, enabled: boolean, at: string) => void setPref.run(owner, enabled ? 1 : 0, at),
  };
}
