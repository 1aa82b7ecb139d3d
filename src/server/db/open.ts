/** Opens the SQLite file with the settings every connection of the server needs. */
import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { makeDirs } from '../make-dirs';
import { foldForSearch } from '../storage/search';

/**
 * Opens (creating its folder) the database: WAL for concurrent readers, foreign keys, a busy timeout — the latter
 * from the first statement on, so switching a new file to WAL waits for another process doing the same.
 */
export function openDatabase(path: string, busyTimeoutMs: number): Database {
  if (path !== ':memory:') {
    makeDirs(dirname(path));
    // A new file is the owner's alone to read (it holds reporters' names, e-mails and texts); SQLite gives its
    // -wal and -shm files the same permissions. An existing file keeps the ones it has.
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new BetterSqlite3(path);
  setBusyTimeout(db, busyTimeoutMs);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commits.
  db.pragma('synchronous = NORMAL');
  // What is deleted or rewritten is overwritten with zeros, not left in the file's free space: a person's erased
  // data must not come back from the file, or from a backup of it taken afterwards.
  db.pragma('secure_delete = ON');
  // Support's search compares folded text (storage/search.ts).
  db.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldForSearch(value) : value));
  return db;
}

/** How long a statement of `db` waits for another connection's lock before it fails (whole milliseconds, at least 0). */
export function setBusyTimeout(db: Database, ms: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
}
