/** The storage facade: the repositories over one connection, and the only way to write (one transaction). */
import type { Database } from 'better-sqlite3';
import type { Logger } from '../context';
import { isStorageUnavailable, unavailable } from '../errors';
import { attachmentsRepo } from './attachments-repo';
import { eventsRepo } from './events-repo';
import { idempotencyRepo } from './idempotency-repo';
import { ticketsRepo } from './tickets-repo';

/** Every repository of the server plus `write`. */
export interface Store {
  db: Database;
  tickets: ReturnType<typeof ticketsRepo>;
  events: ReturnType<typeof eventsRepo>;
  attachments: ReturnType<typeof attachmentsRepo>;
  idempotency: ReturnType<typeof idempotencyRepo>;
  /**
   * Runs `work` as one IMMEDIATE transaction (the write lock is taken up front, so two writers never
   * deadlock upgrading a read lock). Any throw rolls everything back; a busy/full/failing disk is a 503.
   */
  write<T>(work: () => T): T;
}

/** Builds the store over an open, migrated database. */
export function createStore(db: Database, logger: Logger): Store {
  return {
    db,
    tickets: ticketsRepo(db),
    events: eventsRepo(db),
    attachments: attachmentsRepo(db),
    idempotency: idempotencyRepo(db),
    write<T>(work: () => T): T {
      try {
        return db.transaction(work).immediate();
      } catch (error) {
        if (isStorageUnavailable(error)) {
          logger.warn('[support] write refused, storage unavailable:', error);
          throw unavailable();
        }
        throw error;
      }
    },
  };
}
