/** What a start says of the migrations it applied, so an upgrade's change of schema is on the log. */

/** The line for `applied` (versions, ascending), or null when the database was up to date. */
export function migratedLine(applied: readonly number[]): string | null {
  const [first] = applied;
  const last = applied.at(-1);
  if (first === undefined || last === undefined) return null;
  const from = first - 1;
  return `[support] database ${from === 0 ? 'created at' : `migrated from schema ${from} to`} schema ${last} (${applied.length} migration${applied.length === 1 ? '' : 's'})`;
}

/** A migration of a newer build, as `schema_migrations` records it. */
export interface NewerMigration {
  version: number;
  /** 1 when older builds may go on serving on the database it changed (its changes only add or loosen). */
  older_builds_serve: number | null;
}

/**
 * A database a newer build migrated (schema `current`, this build knows `latest`): served when every newer migration
 * says older builds may go on serving on it, so a process of the previous build that stops during a rolling restart
 * starts again; refused otherwise. Returns the line to log as a warning.
 */
export function newerSchemaLine(current: number, latest: number, newer: readonly NewerMigration[]): string {
  const refusing = `database schema ${current} is newer than this server (${latest})`;
  if (newer.length === 0 || newer.some((migration) => migration.older_builds_serve !== 1)) throw new Error(`${refusing}; refusing to start`);
  return `[support] ${refusing}, whose migrations keep older builds serving: serving it; upgrade this server`;
}
