/**
 * Creates a folder and the missing folders above it. Node's recursive mkdir never returns under a folder that
 * answers "no such file" to every create, as /proc does (SUPPORT_DB=/proc/nope/support.sqlite hung the start),
 * so the missing levels are found first and created one by one, each failure thrown as it is.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** `mkdir -p path`, with `mode` for the folders it creates. */
export function makeDirs(path: string, mode?: number): void {
  const missing: string[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    try {
      statSync(dir);
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT' || dirname(dir) === dir) throw error;
      missing.push(dir);
    }
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir, mode === undefined ? {} : { mode });
    } catch (error) {
      // Another process may have made it in the meantime.
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
  }
}
