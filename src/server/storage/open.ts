/** Opens the configured engine: PostgreSQL when SUPPORT_DATABASE_URL is set, else the SQLite file. */
import type { ServerConfig } from '../config';
import type { Logger } from '../context';
import { migrate } from '../db/migrations';
import { openDatabase } from '../db/open';
import { openPostgresStorage } from './postgres';
import { createSqliteStorage } from './sqlite';
import type { Storage } from './types';

/** Opens, migrates and returns the storage of `config`. */
export async function openStorage(config: ServerConfig, logger: Logger, now: Date): Promise<Storage> {
  if (config.databaseUrl !== null) {
    return openPostgresStorage({ url: config.databaseUrl, poolSize: config.databasePoolSize, busyTimeoutMs: config.busyTimeoutMs }, logger, now);
  }
  const db = openDatabase(config.dbPath, config.busyTimeoutMs);
  try {
    migrate(db, now);
  } catch (error) {
    db.close();
    throw error;
  }
  return createSqliteStorage(db, logger, { eventsPollMs: config.eventsPollMs });
}

/** Where the data is, for the start-up line (never the password of a URL). */
export function describeStorage(config: ServerConfig): string {
  if (config.databaseUrl === null) return `sqlite ${config.dbPath}`;
  try {
    const url = new URL(config.databaseUrl);
    return `postgres ${url.hostname || 'socket'}${url.port === '' ? '' : `:${url.port}`}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}
