/** Opens the configured engine: PostgreSQL when SUPPORT_DATABASE_URL is set, else the SQLite file. */
import type { ServerConfig } from '../config';
import type { Logger } from '../context';
import { migrate } from '../db/migrations';
import { openDatabase, setBusyTimeout } from '../db/open';
import { migratedLine } from './migrated-line';
import { openPostgresStorage } from './postgres';
import { createSqliteStorage } from './sqlite';
import type { Storage } from './types';

/** How long a starting process waits for another's lock on the SQLite file (its migrations). */
export const STARTUP_BUSY_TIMEOUT_MS = 60_000;

/** Opens, migrates and returns the storage of `config`. */
export async function openStorage(config: ServerConfig, logger: Logger, now: Date): Promise<Storage> {
  if (config.databaseUrl !== null) {
    const options = { url: config.databaseUrl, poolSize: config.databasePoolSize, busyTimeoutMs: config.busyTimeoutMs, timeoutMs: config.databaseTimeoutMs };
    return openPostgresStorage(options, logger, now);
  }
  // Processes starting together on one file (`--workers`, a restart beside a running one) wait for each other's
  // migrations, however busy the machine: the request's shorter wait applies once this one is migrated.
  const db = openDatabase(config.dbPath, Math.max(config.busyTimeoutMs, STARTUP_BUSY_TIMEOUT_MS));
  try {
    const line = migratedLine(migrate(db, now, (warning) => logger.warn(warning)));
    if (line !== null) logger.info(line);
  } catch (error) {
    db.close();
    throw error;
  }
  setBusyTimeout(db, config.busyTimeoutMs);
  return createSqliteStorage(db, logger, { eventsPollMs: config.eventsPollMs });
}

/**
 * What to check when the database cannot be opened, where the reason alone misleads: PostgreSQL 15 lets a new role
 * create nothing in the schema `public`. (A password with a bare `@`, `#`, `/` or `?`, which would make the driver
 * look for a host named after the rest of it, is refused with the settings.)
 */
export function storageHint(config: Pick<ServerConfig, 'databaseUrl'>, error: unknown): string {
  if (config.databaseUrl === null) return '';
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '42501') return ' (the role needs to create tables: GRANT CREATE ON SCHEMA public TO <role>, or make it the database\'s owner)';
  return '';
}

/** Where the data is, for the start-up line (never the password of a URL). */
export function describeStorage(config: Pick<ServerConfig, 'databaseUrl' | 'dbPath'>): string {
  if (config.databaseUrl === null) return `sqlite ${config.dbPath}`;
  try {
    const url = new URL(config.databaseUrl);
    return `postgres ${url.hostname || 'socket'}${url.port === '' ? '' : `:${url.port}`}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}
