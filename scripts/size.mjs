// Prints raw / gzip / brotli sizes of the built browser files and fails when a budget is exceeded.
// Budgets (gzip -9, kB of 1024 bytes): loader.js under 1 kB; the widget entry and the widget file it requests
// at once, with everything they import statically (two files: the form screen up to the category choice, what
// must arrive before the panel paints) at most 150 kB (React, react-dom, i18next, react-hook-form,
// react-query and zod take about 117 kB of it; the fields past the choice load after the first frame); the
// whole first open (that and the HTTP client) at most 156 kB; the lazy screenshot chunk (capture + editor,
// beyond what the first open loaded) at most 20 kB; the lazy one-problem check (its rules and the two models' weights,
// loaded when the user starts typing the description, beyond what the first open loaded) at most 32 kB.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const OUT = 'dist/widget';
const KB = 1024;
const BUDGETS = { loader: 1 * KB, main: 150 * KB, firstOpen: 156 * KB, screenshot: 20 * KB, oneProblem: 32 * KB };

if (!existsSync(join(OUT, '.vite/manifest.json'))) {
  console.error(`size: ${OUT} is not built; run npm run build first`);
  process.exit(1);
}

/** raw, gzip -9 and brotli (quality 11) sizes of a file's bytes. */
function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (list) => list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => `${(n / KB).toFixed(2)} kB`;

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === '.vite') continue;
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(OUT, path));
  }
})(OUT);

const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8'));
const byKey = (key) => manifest[key];
/** A chunk and everything it imports statically, as file names. */
function closure(key, seen = new Set()) {
  const chunk = byKey(key);
  if (chunk === undefined || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry && manifest[key].file.includes('/widget-'));
// The entry requests the widget file first thing: the two are what must arrive before the panel paints.
const appKey = Object.keys(manifest).find((key) => manifest[key].isEntry && manifest[key].file.includes('/app-'));
const main = closure(appKey, closure(entryKey));
// Each is evaluated in a task of its own only while the entry does not import the widget file statically.
if (appKey === undefined || closure(entryKey).has(byKey(appKey).file)) {
  console.error('size: the widget entry must request the widget file with import(), not import it statically');
  process.exit(1);
}
// The first open needs the HTTP client too (loaded on the first request), with its imports.
const clientKey = Object.keys(manifest).find((key) => key.endsWith('src/api/http-client.ts'));
const firstOpen = clientKey === undefined ? new Set() : closure(clientKey, new Set(main));
const screenshotKey = Object.keys(manifest).find((key) => key.includes('src/widget/screenshot/') && manifest[key].isDynamicEntry);
// The capture library the flow loads on demand counts too: capture + editor is one budget.
const screenshotAll = new Set();
if (screenshotKey !== undefined) {
  closure(screenshotKey, screenshotAll);
  for (const lazyKey of byKey(screenshotKey).dynamicImports ?? []) closure(lazyKey, screenshotAll);
}
const screenshot = new Set([...screenshotAll].filter((file) => !firstOpen.has(file) && !main.has(file)));

console.log('file'.padEnd(48), 'raw'.padStart(11), 'gzip'.padStart(11), 'brotli'.padStart(11));
for (const file of files.sort()) {
  const s = sizes(join(OUT, file));
  console.log(file.padEnd(48), kb(s.raw).padStart(11), kb(s.gzip).padStart(11), kb(s.brotli).padStart(11));
}

const oneProblemKey = Object.keys(manifest).find((key) => key === 'src/core/one-problem/index.ts' && manifest[key].isDynamicEntry);
const oneProblem = new Set([...(oneProblemKey === undefined ? [] : closure(oneProblemKey))].filter((file) => !firstOpen.has(file) && !main.has(file)));

const groups = [
  ['loader', ['loader.js'], BUDGETS.loader],
  ['main (entry + imports)', [...main], BUDGETS.main],
  ['first open (total)', [...firstOpen], BUDGETS.firstOpen],
  ['screenshot (lazy)', [...screenshot], BUDGETS.screenshot],
  ['one-problem (lazy)', [...oneProblem], BUDGETS.oneProblem],
];
let failed = false;
console.log('');
for (const [name, list, budget] of groups) {
  const total = sum(list.map((file) => sizes(join(OUT, file))));
  const ok = total.gzip <= budget;
  failed ||= !ok || list.length === 0;
  console.log(`${name.padEnd(20)} ${kb(total.raw).padStart(11)} raw ${kb(total.gzip).padStart(11)} gzip ${kb(total.brotli).padStart(11)} brotli   budget ${kb(budget)} gzip  ${list.length === 0 ? 'MISSING' : ok ? 'ok' : 'OVER BUDGET'}`);
}
if (failed) {
  console.error('size: a bundle is over its budget or missing');
  process.exit(1);
}
