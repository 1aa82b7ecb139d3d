/** The widget build the browser tests load: rebuilt (vite JS API, as `npm run build`) when missing or stale. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/** The repository root (tests run from it, but say so explicitly for the vite API). */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where the build goes. */
export const WIDGET_DIR = join(ROOT, 'dist/widget');

// What goes into the bundle: a change here makes dist/widget stale.
const SOURCES = ['src/core', 'src/api', 'src/widget', 'src/embed', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why the build must be (re)made, or null when dist/widget is newer than every source. */
export function staleReason(): string | null {
  const loader = join(WIDGET_DIR, 'loader.js');
  if (!existsSync(loader) || !existsSync(join(WIDGET_DIR, '.vite/manifest.json'))) return 'dist/widget is missing';
  const built = statSync(loader).mtimeMs;
  const changed = SOURCES.map((source) => join(ROOT, source)).filter((path) => existsSync(path) && newestMtime(path) > built);
  return changed.length === 0 ? null : `sources changed since the last build: ${changed.map((path) => path.slice(ROOT.length + 1)).join(', ')}`;
}

/** `vite build && vite build --mode loader`, through the JS API. */
export async function buildWidget(): Promise<void> {
  const common = { root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' as const };
  // Vitest runs with NODE_ENV=test, which makes the React plugin emit the dev JSX runtime (jsxDEV) into a
  // bundle whose React is the production one: build as `npm run build` would, then put it back.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...common, mode: 'production' });
    await build({ ...common, mode: 'loader' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds when needed; returns what it did, for the log. */
export async function ensureWidgetBuilt(): Promise<string> {
  const reason = staleReason();
  if (reason === null) return 'dist/widget is up to date';
  const started = Date.now();
  await buildWidget();
  return `built dist/widget in ${Date.now() - started} ms (${reason})`;
}

const readManifest = () => JSON.parse(readFileSync(join(WIDGET_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;

/** The built file (`chunks/…`, named by content hash) of a module of the widget, as the build's manifest names it. */
export function builtFileOf(source: string): string {
  const file = readManifest()[source]?.file;
  if (file === undefined) throw new Error(`the build has no file of ${source}`);
  return file;
}

/** The module a request for a built file (`/widget/chunks/…`) loads, as the build's manifest names it; else the path. */
export function moduleOfRequest(): (url: string) => string {
  const byPath = new Map(Object.entries(readManifest()).map(([source, chunk]) => [`/widget/${chunk.file}`, source]));
  return (url) => {
    const path = new URL(url).pathname;
    return byPath.get(path) ?? path;
  };
}
