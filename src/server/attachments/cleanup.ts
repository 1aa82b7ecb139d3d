/**
 * Removes what abandoned drafts and crashes leave behind: uploads no ticket claimed within the limit (rows and
 * files), and, at start only, files in the folder that no row names (a crash between writing and committing).
 */
import type { AppDeps } from '../context';

/** Deletes unclaimed uploads older than `maxAgeMs`; returns how many. */
export async function removeUnclaimed(deps: Pick<AppDeps, 'store' | 'files' | 'clock'>, maxAgeMs: number): Promise<number> {
  const before = new Date(deps.clock().getTime() - maxAgeMs).toISOString();
  const names = deps.store.write(() => deps.store.attachments.removeUnclaimedBefore(before));
  for (const name of names) await deps.files.discard(name);
  return names.length;
}

/** Deletes temporary files and files no row names; returns how many. Only safe before the server listens. */
export async function removeOrphans(deps: Pick<AppDeps, 'store' | 'files'>): Promise<number> {
  const known = new Set(deps.store.attachments.storageNames());
  const orphans = deps.files.sweepTemporary().filter((name) => !known.has(name));
  for (const name of orphans) await deps.files.discard(name);
  return orphans.length;
}

/** Runs {@link removeUnclaimed} every `intervalMs`; returns the stop function. */
export function scheduleCleanup(deps: Pick<AppDeps, 'store' | 'files' | 'clock' | 'logger'>, maxAgeMs: number, intervalMs: number): () => void {
  const timer = setInterval(() => {
    removeUnclaimed(deps, maxAgeMs).catch((error: unknown) => deps.logger.error('[support] cleanup of unclaimed uploads failed:', error));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** At start: removes orphans and stale uploads, then schedules the sweep; returns the stop function. */
export async function startCleanup(deps: Pick<AppDeps, 'store' | 'files' | 'clock' | 'logger' | 'config'>): Promise<() => void> {
  const { unclaimedMaxAgeMs, cleanupIntervalMs } = deps.config.guard;
  const orphans = await removeOrphans(deps);
  const stale = await removeUnclaimed(deps, unclaimedMaxAgeMs);
  if (orphans + stale > 0) deps.logger.info(`[support] removed ${orphans} orphan file(s) and ${stale} unclaimed upload(s)`);
  return scheduleCleanup(deps, unclaimedMaxAgeMs, cleanupIntervalMs);
}
