/**
 * A failure that repeats on a timer (a database down under the outbox's rounds, every 5 s in every process) said on
 * the log once when it starts, then at most every `everyMs` while it lasts, and once when it is over: an outage of
 * an hour is a few lines, not hundreds of stack traces that bury everything else.
 */
import type { Logger } from './context';
import { errorLine } from './error-line';
import { isStorageUnavailable } from './errors';

/** How often a failure that lasts is said again: a failing mail server or desk, the outbox's rounds, the event listener. */
export const REPEAT_LOG_MS = 10 * 60_000;

/** What a repeating job tells about each of its rounds. */
export interface RepeatedFailure {
  failed(error: unknown): void;
  succeeded(): void;
}

/**
 * The log of `what` (a job, said as «outbox round»): the first failure in full (its stack, unless the storage is
 * merely unavailable, which says all in one line), then a line every `everyMs` with how many failed since, then
 * one line once a round works again.
 */
export function repeatedFailure(logger: Logger, what: string, clock: () => Date, everyMs = REPEAT_LOG_MS): RepeatedFailure {
  let since: number | null = null;
  let loggedAt = 0;
  let failures = 0;
  return {
    failed(error) {
      const now = clock().getTime();
      failures += 1;
      if (since === null) {
        since = now;
        loggedAt = now;
        if (isStorageUnavailable(error)) logger.warn(`[support] ${what} failed; trying again later: ${errorLine(error)}`);
        else logger.warn(`[support] ${what} failed; trying again later:`, error);
      } else if (now - loggedAt >= everyMs) {
        loggedAt = now;
        logger.warn(`[support] ${what} still failing since ${new Date(since).toISOString()} (${failures} times): ${errorLine(error)}`);
      }
    },
    succeeded() {
      if (since === null) return;
      logger.warn(`[support] ${what} works again after ${Math.round((clock().getTime() - since) / 1000)} s (${failures} failed)`);
      since = null;
      failures = 0;
    },
  };
}
