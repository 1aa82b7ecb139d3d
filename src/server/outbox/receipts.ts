/**
 * Whether a new ticket's receipt may be e-mailed. A signed-in user's address comes from the verified token: theirs,
 * always. A guest types any address, so anyone could have support e-mail a stranger by filing tickets in their
 * name: a guest's address gets at most `receiptsPerAddressDay` receipts a day, whichever guests and addresses file
 * them and however the address is written ({@link mailbox}), counted in the database by a keyed hash of it (the
 * counters keep no address). Past that the ticket is registered as always, without the e-mail; support's own
 * e-mails about it are not counted. Queued after the ticket is committed, in a transaction of its own: only a
 * ticket registered now counts (not a replay, nor a create refused), and a receipt lost to a crash in between costs
 * the reporter nothing the widget's confirmation did not show.
 */
import { createHmac } from 'node:crypto';
import type { Reporter as ReporterRecord } from '../../core';
import type { AppDeps } from '../context';
import type { EventRow, TicketRow } from '../db/rows';
import { isStorageUnavailable } from '../errors';
import { emailRow } from './enqueue';
import { mailbox } from '../mailbox';

/** The counters' keys of the guests' receipts. */
const RECEIPT_KEY_PREFIX = 'receipts:';
/** The receipts' window: a day (the cleanup forgets it with the daily upload quotas'). */
const RECEIPT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Counts the receipt of a ticket of `reporter` and says whether it may go; nothing is counted without a mail server or an address. */
async function receiptAllowed(deps: Pick<AppDeps, 'config' | 'store' | 'clock'>, reporter: ReporterRecord): Promise<boolean> {
  const { config } = deps;
  if (config.notifications.smtpUrl === null || reporter.email === undefined || reporter.email === '') return false;
  if (!reporter.guest) return true;
  const key = `${RECEIPT_KEY_PREFIX}${createHmac('sha256', config.tokenSecret).update(mailbox(reporter.email)).digest('base64url').slice(0, 32)}`;
  try {
    const state = await deps.store.counters.add(key, 1, RECEIPT_WINDOW_MS, deps.clock().getTime());
    return state.count <= config.guard.receiptsPerAddressDay;
  } catch (error) {
    // A database too busy to count: the ticket still goes, without its receipt.
    if (isStorageUnavailable(error)) return false;
    throw error;
  }
}

/**
 * Queues the receipt of the ticket `row` registered with `event`, when the reporter gets e-mails and, for a guest,
 * the address has receipts left today. A database too busy for it loses the receipt, not the ticket.
 */
export async function queueReceipt(deps: AppDeps, row: TicketRow, event: EventRow, reporter: ReporterRecord): Promise<void> {
  try {
    if (!(await receiptAllowed(deps, reporter))) return;
    await deps.store.write(async (tx) => {
      const email = await emailRow(deps, tx, row, event, true);
      if (email !== null) await tx.outbox.enqueue([email]);
    });
  } catch (error) {
    if (!isStorageUnavailable(error)) throw error;
    deps.logger.warn(`[support] the receipt of ${row.number} was not queued: the database is busy (${error instanceof Error ? error.message : String(error)})`);
  }
}
