/**
 * The server as an ops engineer deploys it: a clean copy of the repository (its files, no node_modules), the
 * server built to plain JavaScript, `npm ci --omit=dev` from the npm cache, then the documented production
 * command `npm run serve`. Dev tooling (tsx, vite, typescript) is absent, so the server must not need it.
 *
 * Install scripts are skipped to keep the test fast (compiling better-sqlite3 takes minutes); its compiled
 * addon is copied from the repository's install instead. Everything else comes from the production install.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitFor } from './helpers';

const REPO = resolve(import.meta.dirname, '../..');
const SECRET = 'deploy-test-secret-0123456789-0123456789';

describe('production deploy without dev dependencies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-deploy-'));
  const app = join(dir, 'app');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    // The repository's files as a fresh clone has them (tracked plus new, never ignored ones such as dist/).
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter((f) => f !== '');
    for (const file of files) {
      if (!existsSync(join(REPO, file))) continue; // deleted in the work tree, not yet committed
      mkdirSync(dirname(join(app, file)), { recursive: true });
      copyFileSync(join(REPO, file), join(app, file));
    }
    // The build machine's step (the Dockerfile's build stage): the server bundle, built with the dev tools.
    execFileSync(join(REPO, 'node_modules/.bin/vite'), ['build', '-c', 'vite.server.config.ts', '--logLevel', 'warn', '--outDir', join(app, 'dist/server')], { cwd: REPO, stdio: 'inherit' });
    execFileSync('npm', ['ci', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: 'inherit' });
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    mkdirSync(dirname(join(app, addon)), { recursive: true });
    cpSync(join(REPO, addon), join(app, addon));
  }, 180_000);

  it('installs no dev tooling, and none of the widget\'s libraries (dist/widget holds them built)', () => {
    for (const tool of ['tsx', 'vite', 'vitest', 'eslint', 'storybook', 'typescript']) expect(existsSync(join(app, 'node_modules', tool)), tool).toBe(false);
    for (const library of ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', '@hookform/resolvers', 'i18next', 'modern-screenshot']) {
      expect(existsSync(join(app, 'node_modules', library)), library).toBe(false);
    }
  });

  it('`npm run serve` answers /api/v1/meta and /healthz, and stops on SIGTERM', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn('npm', ['run', '--silent', 'serve'], {
      cwd: app,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SUPPORT_TOKEN_SECRET: SECRET, PORT: String(port), SUPPORT_DB: join(dir, 'data/support.sqlite'), SUPPORT_LOG: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => server.once('exit', done));
    try {
      await waitFor('the production server to answer', async () => {
        if (server.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
        return (await fetch(`${base}/healthz`).catch(() => null))?.ok === true;
      }, 30_000);
      const meta = await fetch(`${base}/api/v1/meta`);
      expect(meta.status).toBe(200);
      expect(await meta.json()).toMatchObject({ limits: { maxFilesPerTicket: expect.any(Number) } });
      // Production mode has no demo pages.
      expect((await fetch(`${base}/support`)).status).toBe(404);
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      server.kill('SIGKILL');
    }
  }, 60_000);

  it("the Dockerfile's runtime stage holds enough: its files alone serve the API and pass its HEALTHCHECK", async () => {
    // The runtime stage's `COPY --from=build /app/<source> <target>` lines, replayed from the production install
    // above (what `npm prune --omit=dev` leaves in the build stage): nothing else of the repository is there.
    const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8').replace(/\\\r?\n/g, ' ');
    const runtime = dockerfile.slice(dockerfile.search(/^FROM \S+ AS runtime$/m));
    const copies = [...runtime.matchAll(/^COPY --from=build \/app\/(\S+) \.\/(\S+)$/gm)].map((m) => ({ source: m[1] ?? '', target: m[2] ?? '' }));
    expect(copies.map((c) => c.source).sort()).toEqual(['dist/server', 'dist/widget', 'node_modules', 'package.json']);
    const image = join(dir, 'image');
    for (const { source, target } of copies) {
      mkdirSync(dirname(join(image, target)), { recursive: true });
      if (source === 'node_modules') symlinkSync(join(app, source), join(image, target), 'dir');
      // The widget build is not this test's business (serve-widget.test.ts): the repository's, or an empty folder.
      else if (source === 'dist/widget' && !existsSync(join(REPO, source))) mkdirSync(join(image, target), { recursive: true });
      else if (source === 'dist/widget') cpSync(join(REPO, source), join(image, target), { recursive: true });
      else cpSync(join(app, source), join(image, target), { recursive: true });
    }
    const cmd = JSON.parse(/^CMD (.+)$/m.exec(runtime)?.[1] ?? '[]') as string[];
    const healthcheck = JSON.parse(/^HEALTHCHECK .*?CMD (\[.+\])$/m.exec(runtime)?.[1] ?? '[]') as string[];
    expect(cmd[0]).toBe('node');
    expect(healthcheck[0]).toBe('node');

    const port = await freePort();
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), SUPPORT_TOKEN_SECRET: SECRET, SUPPORT_DB: join(dir, 'image-data/support.sqlite'), SUPPORT_SERVE_WIDGET: '1', SUPPORT_LOG: 'off' };
    const server = spawn(process.execPath, cmd.slice(1), { cwd: image, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => server.once('exit', done));
    try {
      await waitFor('the image layout to answer', async () => {
        if (server.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
        return (await fetch(`http://127.0.0.1:${port}/api/v1/meta`).catch(() => null))?.ok === true;
      }, 30_000);
      // The container's health check, run as Docker would: exit code 0 while the server answers.
      expect(spawnSync(process.execPath, healthcheck.slice(1), { cwd: image, env, timeout: 10_000 }).status).toBe(0);
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      // …and 1 once it is gone.
      expect(spawnSync(process.execPath, healthcheck.slice(1), { cwd: image, env, timeout: 10_000 }).status).toBe(1);
    } finally {
      server.kill('SIGKILL');
    }
  }, 60_000);
});
