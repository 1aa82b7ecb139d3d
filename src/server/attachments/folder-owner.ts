/**
 * The attachments folder belongs to one database. A server started on another one (a lost or mistyped
 * SUPPORT_DATABASE_URL, a new SQLite file) would take every stored file for an orphan and remove it at start, so the
 * folder keeps its database's identity in a marker file, and the start refuses a database that is not its own.
 */
import { linkSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config';
import type { ServerConfig } from '../config';
import type { Storage } from '../storage/types';
import { isStoredName } from './storage';

/** The marker's name in the folder. */
export const FOLDER_OWNER_FILE = '.support-database';

/**
 * Checks that `config.attachmentsDir` is this database's folder, and marks it so on its first start: the marker names
 * the database's identity and where it is. Throws a ConfigError (nothing removed) for another database's folder, for
 * the folder of this database's copy kept elsewhere (a backup or a restore started beside the original would take the
 * original's newer files for orphans), and for a folder of files none of which the database names before it was ever
 * marked (a folder from before the marker, started on a new database).
 */
export async function checkFolderOwner(
  store: Pick<Storage, 'identity' | 'location' | 'attachments'>,
  config: Pick<ServerConfig, 'attachmentsDir' | 'databaseUrl'>,
  retried = false,
): Promise<void> {
  const dir = config.attachmentsDir;
  const setting = config.databaseUrl === null ? 'SUPPORT_DB' : 'SUPPORT_DATABASE_URL';
  const [id, { place: location, formerly }] = await Promise.all([store.identity(), store.location()]);
  const path = join(dir, FOLDER_OWNER_FILE);
  let marked: string[] | null = null;
  try {
    marked = readFileSync(path, 'utf8').split('\n').map((line) => line.trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (marked !== null) {
    const [markedId = '', markedLocation = ''] = marked;
    if (markedId !== id) {
      throw new ConfigError(
        `SUPPORT_ATTACHMENTS_DIR ${dir} holds the files of another database (${markedId}; the one ${setting} names is ${id}): ` +
          `check ${setting}. Nothing was removed. A folder that really is to start over with this database loses its files: empty it first.`,
      );
    }
    // A marker from an older server says the same place its way (PostgreSQL: without the cluster's id) and gets
    // rewritten below.
    if (markedLocation !== '' && markedLocation !== location && markedLocation !== formerly) {
      throw new ConfigError(
        `SUPPORT_ATTACHMENTS_DIR ${dir} holds the files of this database at ${markedLocation}, and ${setting} names a copy of it at ` +
          `${location}: a copy started beside the original would remove the original's newer files. Give the copy a folder of its own: ` +
          `a copy of this one without its ${FOLDER_OWNER_FILE}, which the copy's first start writes anew. Nothing was removed. If the database ` +
          `has moved there for good, delete ${path} and start again.`,
      );
    }
    if (markedLocation === location) return;
  } else {
    const stored = readdirSync(dir).filter(isStoredName).length;
    if (stored > 0 && (await store.attachments.storageNames()).length === 0) {
      throw new ConfigError(
        `SUPPORT_ATTACHMENTS_DIR ${dir} holds ${stored} file(s) and the database ${setting} names knows none of them: ` +
          `it is another database's folder, or the database is new. Check ${setting}. Nothing was removed. If the files are no longer wanted, remove them.`,
      );
    }
  }
  // Written whole under a name of its own, then put in place at once: nobody reads half a marker.
  const part = `${path}.${process.pid}.tmp`;
  writeFileSync(part, `${id}\n${location}\n`, { mode: 0o600 });
  if (marked !== null) {
    // A marker without the place, or with an older server's way of saying it, gets it.
    renameSync(part, path);
    return;
  }
  // Marked by one start only: another starting at the same moment (on another database, maybe) finds the marker made
  // and is checked against it.
  try {
    linkSync(part, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A file system without hard links (some network shares) gets the marker the plain way.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') renameSync(part, path);
    else if (code !== 'EEXIST' || retried) throw error;
    else await checkFolderOwner(store, config, true);
  } finally {
    rmSync(part, { force: true });
  }
}
