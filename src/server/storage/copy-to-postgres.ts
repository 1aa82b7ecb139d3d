/**
 * Moving from SQLite to PostgreSQL (`--copy-to-postgres`): every row of an SQLite database of this build's schema
 * goes into a new PostgreSQL one, with its ids, in one transaction. The sequences go on past the last id used or
 * reserved, so ticket numbers continue and no webhook is sent under an id a desk has seen (desks drop a repeated
 * `id`). The database keeps its identity, so its attachments folder goes with it.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { ConfigError } from '../config';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { errorLine } from '../error-line';
import { migratePostgres } from './postgres-migrations';

/** Every table of the schema, in the order their references need (a ticket before its events, files and deliveries). */
const TABLES = [
  'database_identity',
  'ticket_counters',
  'tickets',
  'events',
  'attachments',
  'idempotency_keys',
  'rate_counters',
  'outbox',
  'notification_prefs',
  'assignments',
] as const;

/** The order rows are read in: the order they were written, so a follow-up comes after the ticket it continues. */
const ORDER: Partial<Record<(typeof TABLES)[number], string>> = { tickets: 'seq', events: 'id', outbox: 'id', assignments: 'id' };

/** How many values one INSERT carries (PostgreSQL takes at most 65,535 parameters). */
const VALUES_PER_INSERT = 30_000;

/** A column as PostgreSQL has it. */
interface Column {
  name: string;
  boolean: boolean;
  identity: boolean;
}

/** What was copied: rows per table. */
export type CopyCounts = Record<(typeof TABLES)[number], number>;

/** Says why the copy cannot be made, naming the setting to look at. */
function refuse(message: string): never {
  throw new ConfigError(message);
}

/**
 * Copies the SQLite file `sqlitePath` into the PostgreSQL database `databaseUrl`, which is migrated first and must
 * hold no ticket yet. The file is read in one transaction, a consistent picture even while a server writes to it
 * (what it writes afterwards is not copied: stop the server first).
 */
export async function copySqliteToPostgres(sqlitePath: string, databaseUrl: string, now: Date, warn: (line: string) => void = () => undefined): Promise<CopyCounts> {
  let source: BetterSqlite3.Database;
  try {
    source = new BetterSqlite3(sqlitePath, { readonly: true, fileMustExist: true });
  } catch (error) {
    return refuse(`SUPPORT_DB: ${sqlitePath} cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A database that does not answer is said within seconds, as the server's start says it.
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    let version: number;
    try {
      version = (source.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null } | undefined)?.version ?? 0;
    } catch (error) {
      return refuse(`SUPPORT_DB: ${sqlitePath} is not a database of this server: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (version < LATEST_SCHEMA_VERSION) {
      refuse(`SUPPORT_DB: ${sqlitePath} has schema ${version}, and this build copies schema ${LATEST_SCHEMA_VERSION}: start this build's server on it once (it migrates the file), stop it, and copy again.`);
    }
    if (version > LATEST_SCHEMA_VERSION) refuse(`SUPPORT_DB: ${sqlitePath} has schema ${version}, newer than this build's ${LATEST_SCHEMA_VERSION}: copy it with the build that wrote it.`);
    const sqliteTables = (source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").all() as Array<{ name: string }>).map((row) => row.name);
    sameNames('the SQLite file\'s tables', sqliteTables, TABLES);

    try {
      await client.connect();
    } catch (error) {
      // errorLine: a connection refused by every address of a name is an AggregateError with no message.
      return refuse(`SUPPORT_DATABASE_URL cannot be opened: ${errorLine(error)}`);
    }
    await migratePostgres(client, now, warn);
    const { rows: pgTables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'",
    );
    sameNames('the PostgreSQL database\'s tables', pgTables.map((row) => row.name), TABLES);
    // A server on it would go on with the identity it read at its start, and mark new files with it.
    const { rows: others } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    if (Number(others[0]?.n ?? 0) > 0) refuse(`SUPPORT_DATABASE_URL names a database others are connected to (${others[0]?.n ?? ''} session(s): a server?): stop them, and copy into a database nothing uses.`);
    for (const table of ['tickets', 'events', 'attachments', 'outbox', 'notification_prefs', 'assignments', 'idempotency_keys', 'ticket_counters'] as const) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      if (Number(rows[0]?.n ?? 0) > 0) refuse(`SUPPORT_DATABASE_URL names a database that holds data already (${table}): copy into a new, empty database.`);
    }

    // One picture of the file, read in one go; the copy goes in whole or not at all.
    const counts = {} as CopyCounts;
    source.prepare('BEGIN').run();
    await client.query('BEGIN');
    try {
      // The migrations gave the new database an identity of its own, and a started server counts its readiness checks.
      await client.query('DELETE FROM database_identity');
      await client.query('DELETE FROM rate_counters');
      // The rows come with what the triggers would derive (a ticket's last actor from its events): firing them
      // would only rewrite every ticket once per event.
      for (const table of TABLES) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      for (const table of TABLES) counts[table] = await copyTable(source, client, table);
      for (const table of TABLES) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
      await continueSequences(source, client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      source.prepare('COMMIT').run();
    }
    return counts;
  } finally {
    source.close();
    await client.end().catch(() => undefined);
  }
}

/** Refuses when `found` is not exactly `expected`: a table this copy does not know would be left behind. */
function sameNames(what: string, found: readonly string[], expected: readonly string[]): void {
  const missing = expected.filter((name) => !found.includes(name));
  const extra = found.filter((name) => !expected.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    refuse(`${what} are not this build's: ${[...missing.map((name) => `${name} missing`), ...extra.map((name) => `${name} unknown`)].join(', ')}.`);
  }
}

/** Copies one table's rows; returns how many. */
async function copyTable(source: BetterSqlite3.Database, client: pg.Client, table: string): Promise<number> {
  const { rows: described } = await client.query<{ name: string; type: string; identity: string }>(
    'SELECT column_name AS name, data_type AS type, is_identity AS identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
    [table],
  );
  const columns: Column[] = described.map((column) => ({ name: column.name, boolean: column.type === 'boolean', identity: column.identity === 'YES' }));
  const sqliteColumns = (source.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((row) => row.name);
  sameNames(`the columns of ${table}`, sqliteColumns, columns.map((column) => column.name));
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const order = ORDER[table as keyof typeof ORDER];
  const overriding = columns.some((column) => column.identity) ? ' OVERRIDING SYSTEM VALUE' : '';
  const perInsert = Math.max(1, Math.floor(VALUES_PER_INSERT / columns.length));
  // Read a batch at a time: a school's events need not fit in memory at once.
  const rows = source.prepare(`SELECT ${names} FROM ${table}${order === undefined ? '' : ` ORDER BY ${order}`}`).raw().iterate() as IterableIterator<unknown[]>;
  let copied = 0;
  try {
    for (let batch = take(rows, perInsert); batch.length > 0; batch = take(rows, perInsert)) {
      copied += batch.length;
      const values: unknown[] = [];
      const tuples = batch.map((row) => {
        const placeholders = row.map((value, index) => {
          values.push(columns[index]?.boolean === true && value !== null ? value !== 0 : value);
          return `$${values.length}`;
        });
        return `(${placeholders.join(', ')})`;
      });
      await client.query(`INSERT INTO ${table} (${names})${overriding} VALUES ${tuples.join(', ')}`, values);
    }
  } finally {
    // A failed insert leaves the statement open: closed, so the file's read transaction can end.
    rows.return?.();
  }
  return copied;
}

/** The next `count` rows of `rows` (fewer at its end). */
function take(rows: IterableIterator<unknown[]>, count: number): unknown[][] {
  const batch: unknown[][] = [];
  while (batch.length < count) {
    const next = rows.next();
    if (next.done === true) break;
    batch.push(next.value);
  }
  return batch;
}

/**
 * Each identity column's sequence goes on past the highest id the file used or reserved (SQLite's `sqlite_sequence`
 * counts ids handed out with no row, as the events' ids of notices that are not events).
 */
async function continueSequences(source: BetterSqlite3.Database, client: pg.Client): Promise<void> {
  const { rows: identities } = await client.query<{ table: string; column: string }>(
    "SELECT table_name AS table, column_name AS column FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
  );
  const handedOut = new Map(
    (source.prepare('SELECT name, seq FROM sqlite_sequence').all() as Array<{ name: string; seq: number }>).map((row) => [row.name, row.seq]),
  );
  for (const { table, column } of identities) {
    const { rows } = await client.query<{ max: string | null }>(`SELECT max("${column}") AS max FROM ${table}`);
    const last = Math.max(Number(rows[0]?.max ?? 0), handedOut.get(table) ?? 0);
    if (last > 0) await client.query('SELECT setval(pg_get_serial_sequence($1, $2), $3)', [table, column, last]);
  }
}
