/**
 * The folder of the package.json this server belongs to, found once by walking up from this module. The
 * server runs from `src/server` (tsx) or bundled into `dist/server/main.js`, so paths such as `dist/widget`
 * and `public/demo` are resolved from the root, never relative to the running module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = '@uchi-pro/support-widget';

let cached: string | null = null;

/** The project's root folder (where its package.json is). */
export function projectRoot(): string {
  if (cached !== null) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isOurs(manifest)) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json of ${PACKAGE_NAME} above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

function isOurs(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}
