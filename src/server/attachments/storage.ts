/** Attachment bytes on disk: random names in a private folder that no static route serves. */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where and how attachment bytes are kept. */
export interface FileStorage {
  /** Writes new bytes under a fresh random name and returns that name. */
  save(bytes: Buffer): Promise<string>;
  read(name: string): Promise<Buffer>;
  /** Removes a file whose database row was never written (best effort). */
  discard(name: string): Promise<void>;
}

const NAME = /^[a-f0-9]{32}$/;

/** File storage under `dir` (created, owner-only permissions). */
export function createFileStorage(dir: string): FileStorage {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pathOf = (name: string) => {
    // Names come only from save(); the check keeps a corrupted row from reading outside the folder.
    if (!NAME.test(name)) throw new Error(`bad storage name ${JSON.stringify(name)}`);
    return join(dir, name);
  };
  return {
    async save(bytes) {
      const name = randomBytes(16).toString('hex');
      await writeFile(pathOf(name), bytes, { flag: 'wx', mode: 0o600 });
      return name;
    },
    read: (name) => readFile(pathOf(name)),
    async discard(name) {
      await rm(pathOf(name), { force: true }).catch(() => undefined);
    },
  };
}
