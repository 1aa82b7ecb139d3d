/**
 * Attachment bytes on disk: random names in a private folder that no static route serves. An upload is
 * written under a temporary name (`<random>.part`) and gets its permanent name only inside the transaction
 * that records its row, so a crash leaves either a `.part` file or a file no row names: both are swept at start.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { makeDirs } from '../make-dirs';

/** Where and how attachment bytes are kept. */
export interface FileStorage {
  /** Reserves a fresh temporary path for bytes being received or re-encoded. */
  temporary(): string;
  /** Moves a finished temporary file under a fresh permanent name (synchronously, inside the row's transaction). */
  adopt(temporaryPath: string): string;
  /** Removes a temporary file (best effort; missing is fine). */
  dropTemporary(temporaryPath: string): Promise<void>;
  /**
   * Opens a permanent file to be sent: its size and a stream of its bytes, read as the receiver takes them (a
   * download that stalls holds one buffer of the file, not the whole file).
   */
  open(name: string): Promise<{ size: number; stream: Readable }>;
  /** Removes a permanent file (best effort). */
  discard(name: string): Promise<void>;
  /**
   * Permanent names of the files in the folder untouched for `minAgeMs`; temporary files that old are removed
   * on the way. With 0 (everything) only at start-up of the one process using the folder.
   */
  sweepTemporary(minAgeMs?: number): string[];
  /** Waits up to `ms` for uploads in progress to drop their temporary files, then removes what is left. */
  settle(ms: number): Promise<void>;
}

const NAME = /^[a-f0-9]{32}$/;

/** Whether `entry` of the folder is a stored file (not a temporary one, not the folder's marker). */
export function isStoredName(entry: string): boolean {
  return NAME.test(entry);
}
const TEMPORARY = /^[a-f0-9]{32}\.part$/;
const SETTLE_POLL_MS = 20;

/** File storage under `dir` (created, owner-only permissions). */
export function createFileStorage(dir: string): FileStorage {
  makeDirs(dir, 0o700);
  const live = new Set<string>();
  const pathOf = (name: string) => {
    // Names come only from adopt(); the check keeps a corrupted row from reading outside the folder.
    if (!NAME.test(name)) throw new Error(`bad storage name ${JSON.stringify(name)}`);
    return join(dir, name);
  };
  const fresh = () => randomBytes(16).toString('hex');
  return {
    temporary() {
      const path = join(dir, `${fresh()}.part`);
      live.add(path);
      return path;
    },
    adopt(temporaryPath) {
      const name = fresh();
      renameSync(temporaryPath, pathOf(name));
      live.delete(temporaryPath);
      return name;
    },
    async dropTemporary(temporaryPath) {
      await rm(temporaryPath, { force: true }).catch(() => undefined);
      live.delete(temporaryPath);
    },
    async open(name) {
      const handle = await open(pathOf(name), 'r');
      try {
        const { size } = await handle.stat();
        return { size, stream: handle.createReadStream() };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },
    async discard(name) {
      await rm(pathOf(name), { force: true }).catch(() => undefined);
    },
    sweepTemporary(minAgeMs = 0) {
      const names: string[] = [];
      const before = Date.now() - minAgeMs;
      const oldEnough = (entry: string) => minAgeMs <= 0 || (statSync(join(dir, entry), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < before;
      for (const entry of readdirSync(dir)) {
        if (!oldEnough(entry)) continue;
        if (TEMPORARY.test(entry)) rmSync(join(dir, entry), { force: true });
        else if (NAME.test(entry)) names.push(entry);
      }
      return names;
    },
    async settle(ms) {
      const until = Date.now() + ms;
      while (live.size > 0 && Date.now() < until) await new Promise((done) => setTimeout(done, SETTLE_POLL_MS));
      for (const path of live) rmSync(path, { force: true });
      live.clear();
    },
  };
}
