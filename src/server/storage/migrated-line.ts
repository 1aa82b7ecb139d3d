/** What a start says of the migrations it applied, so an upgrade's change of schema is on the log. */

/** The line for `applied` (versions, ascending), or null when the database was up to date. */
export function migratedLine(applied: readonly number[]): string | null {
  const [first] = applied;
  const last = applied.at(-1);
  if (first === undefined || last === undefined) return null;
  const from = first - 1;
  return `[support] database ${from === 0 ? 'created at' : `migrated from schema ${from} to`} schema ${last} (${applied.length} migration${applied.length === 1 ? '' : 's'})`;
}
