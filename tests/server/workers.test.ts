/**
 * `npm run server -- --workers N`: a primary with N workers on one port and one database (a SQLite file, or on
 * the PostgreSQL run a PostgreSQL database); SIGTERM stops them all.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validDrafts } from '../fixtures/drafts';
import { freePort } from '../fixtures/ports';
import { Desk } from '../fixtures/receivers';
import { scrape } from './scrape';
import { createTestDatabase, dropTestDatabase, newKey, sharedStoreEnv, TEST_ENGINE, userAuth } from './helpers';
import type { TestServer } from './helpers';

const ROOT = resolve(import.meta.dirname, '../..');

/** The pids of `pid`'s children running the server (tsx may start helpers of its own). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid), '-f', 'src/server/main.ts'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe(`--workers on ${TEST_ENGINE}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-workers-'));
  let databaseUrl: string | null = null;
  beforeAll(async () => {
    databaseUrl = TEST_ENGINE === 'postgres' ? await createTestDatabase() : null;
  });
  afterAll(async () => {
    if (databaseUrl !== null) await dropTestDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves from N workers sharing one port and stops them all on SIGTERM', { timeout: 60_000 }, async () => {
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((done) => probe.close(() => done()));
    const output: string[] = [];
    // A desk that refuses every webhook: each ticket's delivery stays pending.
    const desk = new Desk(() => 500);
    await desk.start();
    const metricsPort = await freePort();
    const primary = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--workers', '2'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        ...sharedStoreEnv(dir, databaseUrl),
        SUPPORT_DEV: '0',
        SUPPORT_METRICS_PORT: String(metricsPort),
        SUPPORT_WEBHOOK_URLS: desk.url,
        SUPPORT_WEBHOOK_SECRET: 'whsec-workers-0123456789-abcdefghijklmnopqrstuvwxyz',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: string[] = [];
    primary.stdout.on('data', (chunk: Buffer) => (output.push(chunk.toString()), stdout.push(chunk.toString())));
    primary.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((done) => primary.once('exit', (code) => done(code)));
    const api = `http://127.0.0.1:${port}/api/v1`;
    // Ready when both workers said they listen.
    for (const until = Date.now() + 40_000; (output.join('').match(/listening on/g) ?? []).length < 2; ) {
      if (primary.exitCode !== null || Date.now() > until) throw new Error(`workers did not start:\n${output.join('')}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    const workers = childrenOf(primary.pid ?? 0);
    expect(workers).toHaveLength(2);
    const auth = await userAuth({ clock: () => new Date() } as unknown as TestServer, 'workers');
    const created = await fetch(`${api}/tickets`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': newKey() },
      body: JSON.stringify(validDrafts.other),
    });
    expect(created.status).toBe(201);
    // Each worker's lines name it, and the request's line says which worker answered.
    for (const until = Date.now() + 10_000; !output.join('').includes('"path":"/api/v1/tickets"'); ) {
      if (Date.now() > until) throw new Error(`no request line:\n${output.join('')}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    const text = output.join('');
    expect(text).toMatch(/\[support worker 1\] Support API listening on/);
    expect(text).toMatch(/\[support worker 2\] Support API listening on/);
    const line = text.split('\n').find((l) => l.includes('"path":"/api/v1/tickets"')) ?? '';
    expect([1, 2]).toContain((JSON.parse(line) as { worker?: number }).worker);
    // stdout is the request log alone, a JSON object a line; the start's and workers' lines are on stderr.
    const outLines = stdout.join('').split('\n').filter((l) => l !== '');
    expect(outLines.length).toBeGreaterThan(0);
    for (const l of outLines) expect(() => JSON.parse(l) as unknown, l).not.toThrow();

    // The primary serves both workers' metrics on their own port: requests summed over the workers, the outbox's
    // backlog (read from the one database by each) taken once.
    for (let i = 0; i < 6; i += 1) expect((await fetch(`${api}/meta`)).status).toBe(200);
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    const samples = await scrape(metricsUrl);
    // Each worker's counts are a series of its own (a replaced worker's are not subtracted from the sum).
    const total = (series: string) =>
      [...samples.entries()].filter(([key]) => key.startsWith(`${series.slice(0, -1)},worker="`)).reduce((sum, [, value]) => sum + value, 0);
    expect(total('support_http_requests_total{method="GET",route="/api/v1/meta",status="200"}')).toBe(6);
    expect(total('support_http_requests_total{method="POST",route="/api/v1/tickets",status="201"}')).toBe(1);
    expect([...samples.keys()].filter((key) => key.startsWith('support_http_requests_total{') && !/,worker="[12]"\}$/.test(key))).toEqual([]);
    expect(samples.has('process_resident_memory_bytes{worker="1"}') && samples.has('process_resident_memory_bytes{worker="2"}')).toBe(true);
    expect(output.join('')).toContain(`metrics of 2 worker(s) at http://127.0.0.1:${metricsPort}/metrics`);
    await vi.waitFor(() => expect(desk.hits.length).toBeGreaterThanOrEqual(1), { timeout: 15_000, interval: 50 });
    expect((await scrape(metricsUrl)).get('support_outbox_deliveries{kind="webhook",status="pending"}')).toBe(1);
    await desk.stop();

    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
    expect(await fetch(`${api}/meta`).then(() => 'answered', () => 'refused')).toBe('refused');
  });

  /** Runs the primary with `env` until it exits on its own; its exit code and what it printed. */
  const runUntilExit = (env: Record<string, string>) => {
    const output: string[] = [];
    const primary = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--workers', '2'], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SUPPORT_DEV: '0', SUPPORT_TOKEN_SECRET: 'x'.repeat(40), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    primary.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    return new Promise<{ code: number | null; output: string }>((done) => primary.once('exit', (code) => done({ code, output: output.join('') })));
  };

  it('a wrong setting stops the primary at once, before any worker', { timeout: 60_000 }, async () => {
    const { code, output } = await runUntilExit({ SUPPORT_TOKEN_SECRET: 'short' });
    expect(code).toBe(1);
    expect(output.match(/SUPPORT_TOKEN_SECRET must be at least 32 characters/g)).toHaveLength(1);
    expect(output).not.toContain('worker');
  });

  it('a worker says Node\'s warnings (the database driver\'s on TLS modes) under its name, as every other line', { timeout: 60_000 }, async () => {
    // sslmode=require makes the driver warn as it reads the address; nothing listens there, so the workers stop.
    const { code, output } = await runUntilExit({ SUPPORT_DATABASE_URL: 'postgres://support:secret@127.0.0.1:9/support?sslmode=require', SUPPORT_DB: '' });
    expect(code).toBe(1);
    expect(output).toMatch(/\[support worker \d+\] Warning: SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'/);
    expect(output).not.toMatch(/\(node:\d+\)/);
    expect(output).not.toMatch(/^(?!\[support)\S.*verify-full/m);
  });

  it('workers that keep dying before they listen are not replaced forever: the primary stops with 1', { timeout: 60_000 }, async () => {
    // A database file under a file: every worker fails to open it, the setting itself is well formed.
    const { code, output } = await runUntilExit({ SUPPORT_DB: '/dev/null/support.sqlite', SUPPORT_DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(output).toContain('workers in a row exited before listening');
    // Each worker said why in one line naming the setting, not with a driver's stack.
    expect(output).toMatch(/\[support worker \d+\] SUPPORT_DB: sqlite \/dev\/null\/support\.sqlite cannot be opened: /);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output.match(/exited before listening \(1\); starting another/g)?.length ?? 0).toBeLessThan(3);
  });
});
