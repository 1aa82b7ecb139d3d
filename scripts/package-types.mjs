/**
 * Makes the package's declarations (tsc's output in dist/package/types) resolve under every TypeScript module
 * resolution: relative imports get the `.js` (or `/index.js`) Node's ESM resolution needs (`nodenext`,
 * `node16`; `bundler` accepts them too), and files no entry reaches are removed.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const TYPES = join(ROOT, 'dist/package/types');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const entries = Object.values(pkg.exports)
  .map((target) => (typeof target === 'object' ? target.types : undefined))
  .filter((types) => typeof types === 'string' && types.startsWith('./dist/package/types/'))
  .map((types) => join(ROOT, types));

// `from './x'`, `import('./x')`, `import './x'`, `/// <reference path>` is not used by tsc's output.
// Also the bare `.` and `..` tsc writes for types inferred through a folder's index (`import("..").X`).
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

/** The declaration file a relative specifier names, and the specifier Node's ESM resolution accepts. */
function resolveSpecifier(file, specifier) {
  const base = specifier.replace(/\.js$/, '');
  const target = resolve(dirname(file), base);
  if (existsSync(`${target}.d.ts`)) return { file: `${target}.d.ts`, specifier: `${base}.js` };
  if (existsSync(join(target, 'index.d.ts'))) return { file: join(target, 'index.d.ts'), specifier: `${base}/index.js` };
  throw new Error(`${relative(ROOT, file)}: cannot resolve "${specifier}" to a declaration file`);
}

const reached = new Set();
const pending = [...entries];
while (pending.length > 0) {
  const file = pending.pop();
  if (reached.has(file)) continue;
  if (!existsSync(file)) throw new Error(`The declarations name ${relative(ROOT, file)}, which tsc did not emit`);
  reached.add(file);
  const code = readFileSync(file, 'utf8').replace(SPECIFIER, (_match, keyword, quote, specifier) => {
    const found = resolveSpecifier(file, specifier);
    pending.push(found.file);
    return `${keyword}${quote}${found.specifier}${quote}`;
  });
  writeFileSync(file, code);
}

function prune(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      prune(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (!reached.has(path)) rmSync(path);
  }
}
prune(TYPES);
console.info(`package types: ${reached.size} declaration files from ${entries.length} entries`);
