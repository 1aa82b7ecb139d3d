/**
 * Removes what abandoned drafts and crashes leave behind: uploads no ticket claimed within the limit (rows and
 * files), and files in the folder that no row names (a crash between writing and committing), once they are older
 * than any upload in progress can be. The same sweep deletes what is kept only for a time (retention.ts).
 */
import type { AppDeps } from '../context';
import { QUOTA_WINDOW_MS } from '../guard/guest-quota';
import { UPLOAD_QUOTA_WINDOW_MS } from '../guard/upload-quota';
import { RATE_KEY_PREFIX, RATE_WINDOW_MS } from '../http/rate-limit';
import { removeExpired } from '../retention';

/** Deletes unclaimed uploads older than `maxAgeMs`; returns how many. */
export async function removeUnclaimed(deps: Pick<AppDeps, 'store' | 'files' | 'clock'>, maxAgeMs: number): Promise<number> {
  const before = new Date(deps.clock().getTime() - maxAgeMs).toISOString();
  const names = await deps.store.write((tx) => tx.attachments.removeUnclaimedBefore(before));
  for (const name of names) await deps.files.discard(name);
  // Quota windows are at most a day long (the users' upload quotas): older ones are only rows. The rate limit's are a
  // minute long and one per reporter and guest key, the most numerous: they go once their minute is over.
  const now = deps.clock().getTime();
  await sweepCounters(deps.store.counters, now - RATE_WINDOW_MS, RATE_KEY_PREFIX);
  await sweepCounters(deps.store.counters, now - Math.max(QUOTA_WINDOW_MS, UPLOAD_QUOTA_WINDOW_MS));
  return names.length;
}

/** Rows one statement of the counters' sweep deletes at most. */
const COUNTER_SWEEP_BATCH = 5_000;

/** Forgets the counters' windows that started before `beforeMs` (of keys starting with `prefix`), a batch at a time. */
async function sweepCounters(counters: AppDeps['store']['counters'], beforeMs: number, prefix = ''): Promise<void> {
  while ((await counters.sweep(beforeMs, COUNTER_SWEEP_BATCH, prefix)) === COUNTER_SWEEP_BATCH);
}

/**
 * Deletes temporary files and files no row names, untouched for `minAgeMs`; returns how many. Another process on the
 * same folder may be writing one (workers, processes on one SQLite file, servers on one PostgreSQL database), so the
 * server passes an age no upload in progress reaches.
 */
export async function removeOrphans(deps: Pick<AppDeps, 'store' | 'files'>, minAgeMs = 0): Promise<number> {
  const orphans = deps.files.sweepTemporary(minAgeMs);
  // Read after the folder, so a file adopted meanwhile has its row in the list.
  const known = new Set(await deps.store.attachments.storageNames());
  const unnamed = orphans.filter((name) => !known.has(name));
  for (const name of unnamed) await deps.files.discard(name);
  return unnamed.length;
}

/**
 * Runs {@link removeExpired} and says what it deleted (nothing for nothing), at start and at every sweep. Nothing of it
 * is needed to serve: a failure, a busy database, is said and waits for the next sweep.
 */
async function sweepExpired(deps: Pick<AppDeps, 'store' | 'clock' | 'logger' | 'config'>): Promise<void> {
  try {
    const expired = await removeExpired(deps);
    if (expired.deliveries + expired.idempotencyKeys === 0) return;
    deps.logger.info(`[support] removed ${expired.deliveries} finished delivery(ies) and ${expired.idempotencyKeys} idempotency record(s) past their retention`);
  } catch (error) {
    deps.logger.error('[support] cleanup of old deliveries and idempotency records failed:', error);
  }
}

/**
 * Runs {@link removeUnclaimed}, {@link removeOrphans} (files older than `orphanAgeMs`) and {@link removeExpired} every
 * `intervalMs`; returns the stop function.
 */
export function scheduleCleanup(deps: Pick<AppDeps, 'store' | 'files' | 'clock' | 'logger' | 'config'>, maxAgeMs: number, intervalMs: number, orphanAgeMs: number): () => void {
  const timer = setInterval(() => {
    removeUnclaimed(deps, maxAgeMs).catch((error: unknown) => deps.logger.error('[support] cleanup of unclaimed uploads failed:', error));
    removeOrphans(deps, orphanAgeMs).catch((error: unknown) => deps.logger.error('[support] cleanup of orphan files failed:', error));
    void sweepExpired(deps);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** At start: removes orphans, stale uploads and what is past its retention, then schedules the sweep; returns the stop function. */
export async function startCleanup(deps: Pick<AppDeps, 'store' | 'files' | 'clock' | 'logger' | 'config'>): Promise<() => void> {
  const { unclaimedMaxAgeMs, cleanupIntervalMs, requestTimeoutMs } = deps.config.guard;
  // Whoever else uses the folder (a worker, a process started apart on the same SQLite file or PostgreSQL database)
  // may be mid-upload: what a crash left is removed once it is older than any request can be, now or at a later sweep.
  const orphanAgeMs = 2 * requestTimeoutMs;
  const orphans = await removeOrphans(deps, orphanAgeMs);
  const stale = await removeUnclaimed(deps, unclaimedMaxAgeMs);
  if (orphans + stale > 0) deps.logger.info(`[support] removed ${orphans} orphan file(s) and ${stale} unclaimed upload(s)`);
  await sweepExpired(deps);
  return scheduleCleanup(deps, unclaimedMaxAgeMs, cleanupIntervalMs, orphanAgeMs);
}
