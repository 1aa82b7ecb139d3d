/**
 * The package as a host installs it: `npm pack ./dist/package-root` (the published package: the repository's
 * own package.json also carries the Support API's runtime), the tarball unpacked into a fresh Vite + React 19 +
 * TypeScript app (tests/package/consumer-app), type-checked with `strict` under `nodenext` and `bundler`,
 * built with `vite build`, and loaded in Chromium, where it sends a ticket to the real Support API.
 * Offline: the app's own dependencies and those the tarball declares are linked from this repository's
 * node_modules (and nothing else is: a runtime import the package does not declare fails the build).
 * Runs after `npm run build` (npm test builds first).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean, fillBasics, openPage, reporterToken, send, startHarness, visible, waitUntil } from '../browser/harness';
import type { Harness } from '../browser/harness';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(import.meta.dirname, 'consumer-app');
const PACKAGE = '@uchi-pro/support-widget';
/** The Support API's runtime packages: in the repository's dependencies, never in a host app. */
const SERVER_PACKAGES = ['better-sqlite3', 'pg', 'nodemailer', 'sharp', 'hono', '@hono/node-server', 'busboy', 'file-type', 'jose', 'prom-client', 'smtp-server', 'mailparser'];

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

let work: string;
let app: string;
let packed: string[];
let shipped: PackageJson;
let h: Harness | undefined;

/** Runs a Node script of the repository's node_modules in the app; on failure, the error carries its output. */
async function node(script: string, args: string[]): Promise<void> {
  try {
    await run(process.execPath, [join(ROOT, 'node_modules', script), ...args], {
      cwd: app,
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${script} ${args.join(' ')} failed:\n${stdout}\n${stderr}`);
  }
}

beforeAll(async () => {
  for (const built of ['dist/package-root/package.json', 'dist/package-root/dist/package/react.js', 'dist/package-root/dist/widget/element.js']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run npm run build first`);
  }
  work = mkdtempSync(join(tmpdir(), 'consumer-app-'));
  const { stdout } = await run('npm', ['pack', './dist/package-root', '--json', '--pack-destination', work], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  const [info] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  packed = info.files.map((file) => file.path);

  app = join(work, 'app');
  cpSync(FIXTURE, app, { recursive: true, filter: (source) => !/[\\/](node_modules|dist)$/.test(source) });
  const installed = join(app, 'node_modules', PACKAGE);
  mkdirSync(installed, { recursive: true });
  await run('tar', ['-xzf', join(work, info.filename), '-C', installed, '--strip-components=1']);

  // What npm would install: the app's dependencies and the dependencies and peers the tarball declares.
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  const own = read(join(app, 'package.json'));
  shipped = read(join(installed, 'package.json'));
  const names = new Set([
    ...Object.keys({ ...own.dependencies, ...own.devDependencies }),
    ...Object.keys({ ...shipped.dependencies, ...shipped.peerDependencies }),
  ]);
  names.delete(PACKAGE);
  for (const name of names) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), link, 'dir');
  }
}, 60_000);

afterAll(async () => {
  await h?.close();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('the packed package in a fresh Vite + React 19 + TypeScript app', () => {
  it('packs the built files, the types and a licence; no sources, no build manifest', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'LICENSE',
        'README.md',
        'dist/package/index.js',
        'dist/package/react.js',
        'dist/package/core.js',
        'dist/package/types/embed/package/mount.d.ts',
        'dist/package/types/embed/package/react.d.ts',
        'dist/package/types/embed/package/loader-types.d.ts',
        'dist/package/types/embed/package/element-types.d.ts',
        'dist/widget/loader.js',
        'dist/widget/element.js',
      ]),
    );
    const unexpected = packed.filter((path) => !/^(package\.json|LICENSE|README\.md|dist\/(package|widget)\/.+)$/.test(path));
    expect(unexpected).toEqual([]);
    expect(packed.filter((path) => /(^|\/)\.vite\/|manifest\.json$|\.map$/.test(path))).toEqual([]);
  });

  it('declares as dependencies only what the browser code imports, none of the server runtime', async () => {
    expect(Object.keys(shipped.dependencies ?? {}).sort()).toEqual(['@hookform/resolvers', '@tanstack/react-query', 'i18next', 'modern-screenshot', 'react-hook-form', 'zod']);
    // Ranges from the repository's exact versions, so a host shares its own copies.
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Required<Pick<PackageJson, 'dependencies' | 'devDependencies'>>;
    const pinned = { ...root.dependencies, ...root.devDependencies };
    for (const [name, range] of Object.entries(shipped.dependencies ?? {})) expect(range, name).toBe(`^${pinned[name]}`);
    expect(shipped.devDependencies).toBeUndefined();
    // The installed tree as npm sees it (the app's own packages and what the tarball declares).
    const { stdout } = await run('npm', ['ls', '--all', '--parseable', '--offline'], { cwd: app, maxBuffer: 16 * 1024 * 1024 }).catch(
      // npm ls exits 1 on a peer or extraneous complaint about the linked folders; the listing is still printed.
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const listed = stdout.split('\n').filter(Boolean).map((path) => relative(app, path));
    expect(listed).toContain(join('node_modules', PACKAGE));
    expect(listed).toContain(join('node_modules', 'modern-screenshot'));
    for (const name of SERVER_PACKAGES) {
      expect(listed.filter((path) => path.split(/node_modules[\\/]/).at(-1) === name), name).toEqual([]);
    }
  });

  it.each([
    ['nodenext', 'tsconfig.json'],
    ['bundler', 'tsconfig.bundler.json'],
  ])('type-checks with strict and moduleResolution %s (%s), and a wrong option is a compile error', async (_resolution, config) => {
    // src/wrong-options.tsx has an expect-error on each wrong call: tsc fails if one of them compiles.
    await node('typescript/bin/tsc', ['-p', join(app, config)]);
  }, 60_000);

  it('builds with vite; in Chromium the element registers, `ready` arrives and a ticket is sent', async () => {
    await node('vite/bin/vite.js', ['build']);
    h = await startHarness();
    const harness = h;
    const dist = join(app, 'dist');
    const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
    const serveAll = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) serveAll(path);
        else harness.host.serve(`/${relative(dist, path)}`, { body: readFileSync(path, 'utf8'), contentType: types[extname(path)] ?? 'application/octet-stream' });
      }
    };
    serveAll(dist);

    const token = await reporterToken({ sub: 'consumer-user', name: 'Сидорова Ольга Викторовна', role: 'administrator' });
    const query = new URLSearchParams({ api: harness.apiUrl, token });
    const tracked = await openPage(harness, `${harness.host.origin}/index.html?${query}`);
    const { page } = tracked;
    const state = () => page.evaluate(() => (window as unknown as { __app: { events: string[]; created: string[]; elementDefined: boolean } }).__app);

    expect((await state()).elementDefined, 'customElements.get after the package import').toBe(true);
    // mount() from the root entry renders too.
    await visible(tracked, page.locator('#plain').getByRole('region', { name: 'Техподдержка Uchi.Pro' }), 'the mounted widget', 15_000);

    const region = page.locator('#react').getByRole('region', { name: 'Техподдержка Uchi.Pro' });
    await visible(tracked, region.getByRole('button', { name: 'Другой вопрос', exact: true }), 'the React widget', 15_000);
    await waitUntil(tracked, 'ready from onEvent', async () => (await state()).events.includes('ready'));
    await region.getByRole('button', { name: 'Другой вопрос', exact: true }).click();
    const subject = `Из приложения на пакете ${Date.now()}`;
    await fillBasics(region, { subject, description: 'Не открывается урок в приложении, собранном с пакетом.' });
    await send(tracked, region);
    await waitUntil(tracked, 'ticket:created from onEvent', async () => (await state()).created.length === 1);
    await expectClean(tracked);
    await tracked.context.close();
  }, 90_000);
});
