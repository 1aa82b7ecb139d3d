/**
 * When a delivery finished, as SQL over an `outbox` row both engines run (null while it is pending). A given-up row
 * has no time of its own: it keeps, as `next_attempt_at`, the lease of the attempt that gave it up (every give-up
 * follows a claim), which ends at most a lease after the give-up. Its day of retries may have ended long after it
 * was queued, or sent again, so `created_at` would take it too early.
 */
export const FINISHED_AT_SQL = `CASE status WHEN 'sent' THEN sent_at WHEN 'failed' THEN next_attempt_at END`;
