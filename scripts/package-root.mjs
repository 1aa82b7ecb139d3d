/**
 * Writes dist/package-root: the npm package as it is packed and published (`npm pack ./dist/package-root`,
 * `npm publish ./dist/package-root`).
 *
 * The repository's package.json has to run the Support API after `npm ci --omit=dev`, so its `dependencies` are
 * the server's runtime (better-sqlite3, sharp, pg, nodemailer, hono, prom-client…, and zod, which both use), and the
 * widget's own libraries (react-query, react-hook-form, i18next…) are development ones, built into dist/widget. A
 * host app that installs the widget must get the latter and not the former. So the published manifest is
 * generated here from the root one: the same name, version, exports, peers and side effects, and as
 * `dependencies` only the packages the shipped files import (caret ranges from the root's exact versions): the root's
 * own dependencies, and of its development ones only the widget's libraries (BROWSER_LIBRARIES). A shipped file
 * importing anything else, a test or build tool among them, fails the build; a peer (React) stays a peer.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist/package-root');
const SHIPPED = ['dist/package', 'dist/widget'];
const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Files below `dir`, as paths relative to ROOT; the build manifest (`.vite`) is not shipped. */
function filesOf(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.name === '.vite') return [];
    return entry.isDirectory() ? filesOf(path) : [path];
  });
}

/** The package a bare specifier names: `react-dom/client` → `react-dom`, `@scope/a/b` → `@scope/a`. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const BARE = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'./][^"']*)["']/g;
const imported = new Map();
for (const dir of SHIPPED) {
  if (!existsSync(join(ROOT, dir))) throw new Error(`${dir} is missing: build the widget and the package first`);
  for (const file of filesOf(dir).filter((path) => /\.(js|d\.ts)$/.test(path))) {
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(BARE)) {
      const name = packageOf(match[1]);
      if (name.startsWith('node:')) throw new Error(`${file} imports ${match[1]}: the package runs in browsers`);
      if (!imported.has(name)) imported.set(name, file);
    }
  }
}

const peers = root.peerDependencies ?? {};
/** The widget's libraries: development dependencies of the repository (built into dist/widget), dependencies of the package. */
const BROWSER_LIBRARIES = ['@hookform/resolvers', '@tanstack/react-query', 'i18next', 'modern-screenshot', 'react-hook-form'];
const dependencies = {};
for (const [name, file] of [...imported].sort(([a], [b]) => a.localeCompare(b))) {
  if (name in peers || name === root.name) continue; // the package naming itself (in a doc comment)
  const version = root.dependencies?.[name] ?? (BROWSER_LIBRARIES.includes(name) ? root.devDependencies?.[name] : undefined);
  if (version === undefined) throw new Error(`${file} imports ${name}, which is neither in package.json's dependencies or peerDependencies nor one of the widget's libraries`);
  // The repository pins exact versions; a library declares ranges, so a host's own copy of zod or i18next is
  // shared rather than installed twice. The root's version is the lowest the package was built and tested with.
  dependencies[name] = /^\d+\.\d+\.\d+$/.test(version) ? `^${version}` : version;
}

const manifest = {
  name: root.name,
  version: root.version,
  description: 'Embeddable support-ticket widget for the Uchi.Pro LMS: mount(), a React component, a custom element and the script-tag loader',
  license: root.license,
  ...(root.repository === undefined ? {} : { repository: root.repository }),
  type: root.type,
  exports: root.exports,
  files: SHIPPED,
  sideEffects: root.sideEffects.filter((path) => !path.startsWith('./src/')),
  dependencies,
  peerDependencies: peers,
  ...(root.peerDependenciesMeta === undefined ? {} : { peerDependenciesMeta: root.peerDependenciesMeta }),
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const dir of SHIPPED) {
  for (const file of filesOf(dir)) {
    mkdirSync(join(OUT, file, '..'), { recursive: true });
    cpSync(join(ROOT, file), join(OUT, file));
  }
}
for (const file of ['README.md', 'LICENSE']) cpSync(join(ROOT, file), join(OUT, file));
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.info(`package root: ${relative(ROOT, OUT)} with dependencies ${Object.keys(dependencies).join(', ')}`);
