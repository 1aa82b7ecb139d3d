/**
 * How long the server keeps what it holds of a person beyond the tickets: a create's stored first answer (the
 * whole ticket, contact included) until no retry of it can come, and a finished delivery (the e-mail with the
 * reporter's name, address and text, the webhook with the ticket) for SUPPORT_OUTBOX_RETENTION_DAYS. The periodic
 * cleanup runs {@link removeExpired}; tickets themselves are kept.
 */
import type { AppDeps } from './context';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a create is replayed at least. The widget keeps a draft with its key until the ticket is sent: a send
 * whose answer was lost comes back at the user's next visit, after a weekend or a holiday too.
 */
export const IDEMPOTENCY_REPLAY_MS = 7 * DAY_MS;

/** Kept beyond the window: processes' clocks differ, and a sweep comes only every SUPPORT_CLEANUP_INTERVAL_MS. */
const IDEMPOTENCY_MARGIN_MS = DAY_MS;

/** Records older than this are deleted. */
const IDEMPOTENCY_KEEP_MS = IDEMPOTENCY_REPLAY_MS + IDEMPOTENCY_MARGIN_MS;

/** Rows one statement deletes: a batch holds the other writers (SQLite's write lock, PostgreSQL's row locks) briefly. */
const RETENTION_BATCH = 500;

/**
 * Batches of each kind one sweep deletes at most, so a start never waits long on the backlog of a database that kept
 * everything (the first start after an upgrade): what is left goes at the next sweeps.
 */
const RETENTION_MAX_BATCHES = 200;

/** What one sweep deleted. */
export interface Removed {
  deliveries: number;
  idempotencyKeys: number;
}

/** Deletes finished deliveries past their retention and idempotency records past their window; returns how many. */
export async function removeExpired(deps: Pick<AppDeps, 'store' | 'clock' | 'config'>, batch = RETENTION_BATCH): Promise<Removed> {
  const now = deps.clock().getTime();
  const finishedBefore = new Date(now - deps.config.notifications.retentionDays * DAY_MS).toISOString();
  const createdBefore = new Date(now - IDEMPOTENCY_KEEP_MS).toISOString();
  const { retention } = deps.store;
  let deliveries = 0;
  // From the last id deleted on: the next batch does not walk again over what this one left behind.
  let after = 0;
  for (let round = 0; round < RETENTION_MAX_BATCHES; round++) {
    const ids = await retention.removeFinishedDeliveries(finishedBefore, after, batch);
    deliveries += ids.length;
    if (ids.length < batch) break;
    after = Math.max(after, ...ids);
  }
  let idempotencyKeys = 0;
  for (let round = 0; round < RETENTION_MAX_BATCHES; round++) {
    const count = await retention.removeIdempotencyKeys(createdBefore, batch);
    idempotencyKeys += count;
    if (count < batch) break;
  }
  return { deliveries, idempotencyKeys };
}
