/** Integrity checks over a server's SQLite file and attachments folder, read through a separate connection. */
import { readdirSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { FOLDER_OWNER_FILE } from '../../src/server/attachments/folder-owner';

/** Rows that break the invariants "a ticket has its first event", "every reference points at a row". */
export interface Orphans {
  ticketsWithoutFirstEvent: number;
  eventsWithoutTicket: number;
  attachmentsWithoutTicket: number;
  attachmentsWithoutEvent: number;
  idempotencyWithoutTicket: number;
  /** Stored files no row names, and rows whose file is missing. */
  filesWithoutRow: number;
  rowsWithoutFile: number;
}

const QUERIES: Record<Exclude<keyof Orphans, 'filesWithoutRow' | 'rowsWithoutFile'>, string> = {
  ticketsWithoutFirstEvent: `SELECT COUNT(*) AS n FROM tickets t WHERE NOT EXISTS (
    SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.previous_status IS NULL AND e.actor = 'system')`,
  eventsWithoutTicket: 'SELECT COUNT(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = e.ticket_id)',
  attachmentsWithoutTicket: `SELECT COUNT(*) AS n FROM attachments a WHERE a.ticket_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = a.ticket_id)`,
  attachmentsWithoutEvent: `SELECT COUNT(*) AS n FROM attachments a WHERE a.event_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = a.event_id AND e.ticket_id = a.ticket_id)`,
  idempotencyWithoutTicket: 'SELECT COUNT(*) AS n FROM idempotency_keys k WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = k.ticket_id)',
};

/** Counts every kind of orphan; all zero for a consistent store. */
export function findOrphans(dbPath: string, attachmentsDir: string): Orphans {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const names = new Set((db.prepare('SELECT storage_name FROM attachments').all() as Array<{ storage_name: string }>).map((row) => row.storage_name));
    // The folder's marker of its database is no file of a ticket.
    const files = new Set(readdirSync(attachmentsDir).filter((name) => name !== FOLDER_OWNER_FILE));
    return {
      ticketsWithoutFirstEvent: count(QUERIES.ticketsWithoutFirstEvent),
      eventsWithoutTicket: count(QUERIES.eventsWithoutTicket),
      attachmentsWithoutTicket: count(QUERIES.attachmentsWithoutTicket),
      attachmentsWithoutEvent: count(QUERIES.attachmentsWithoutEvent),
      idempotencyWithoutTicket: count(QUERIES.idempotencyWithoutTicket),
      filesWithoutRow: [...files].filter((name) => !names.has(name)).length,
      rowsWithoutFile: [...names].filter((name) => !files.has(name)).length,
    };
  } finally {
    db.close();
  }
}

/** The all-zero answer of {@link findOrphans}. */
export const NO_ORPHANS: Orphans = {
  ticketsWithoutFirstEvent: 0,
  eventsWithoutTicket: 0,
  attachmentsWithoutTicket: 0,
  attachmentsWithoutEvent: 0,
  idempotencyWithoutTicket: 0,
  filesWithoutRow: 0,
  rowsWithoutFile: 0,
};

/** A status histogram as `{ "400": 12, "404": 30, … }`, keys sorted. */
export function histogram(statuses: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const status of [...statuses].sort((a, b) => a - b)) out[String(status)] = (out[String(status)] ?? 0) + 1;
  return out;
}
