import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../fixtures/ports';
import { startChildServer } from './child-server';


/** Polls `check` until it is true, or fails after `timeoutMs`. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether the server answers /meta (false when nothing listens). */
async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

describe('npm run server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-signals-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the server when npm gets SIGTERM: no orphan keeps answering', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/v1/meta`;
    const npm = spawn('npm', ['run', '--silent', 'server'], {
      env: { ...process.env, SUPPORT_DEV: '1', PORT: String(port), HOST: '127.0.0.1', SUPPORT_DB: join(dir, 'db.sqlite') },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
    try {
      await waitFor('the server to answer', () => answers(url), 45_000);
      npm.kill('SIGTERM');
      await exited;
      await waitFor('the server to stop answering', async () => !(await answers(url)), 15_000);
    } finally {
      npm.kill('SIGKILL');
    }
    expect(await answers(url)).toBe(false);
  }, 90_000);

  it('stops cleanly when the whole process group of npm start gets SIGTERM, the same stop passed on twice', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/v1/meta`;
    // Its own process group, as a terminal or a supervisor starts it: the signal reaches every process in it, and
    // the start script passes it on to the server once more.
    const start = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
      env: { ...process.env, SUPPORT_DEV: '1', PORT: String(port), HOST: '127.0.0.1', SUPPORT_DB: join(mkdtempSync(join(dir, 'group-')), 'db.sqlite') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const output: string[] = [];
    start.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    start.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
    try {
      await waitFor('the server to answer', () => answers(url), 45_000).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${output.join('')}`);
      });
      process.kill(-(start.pid ?? 0), 'SIGTERM');
      // The server finished its shutdown (a second signal would have killed it: the script exits 143 then).
      expect(await exited).toBe(0);
    } finally {
      try {
        process.kill(-(start.pid ?? 0), 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    const text = output.join('');
    expect(text.match(/SIGTERM: shutting down/g)?.length).toBe(1);
    expect(text).not.toContain('again: stopping now');
  }, 90_000);

  it('drains first with SUPPORT_SHUTDOWN_DRAIN_MS: /readyz says so, answers close their connections, then it stops', async () => {
    const server = await startChildServer({ SUPPORT_DEV: '1', SUPPORT_SHUTDOWN_DRAIN_MS: '8000', SUPPORT_DB: join(mkdtempSync(join(dir, 'drain-')), 'db.sqlite') });
    /** An answer's status, its `connection` header and its body, over a connection of its own. */
    const ask = (path: string) =>
      new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
        get(`${server.api}${path}`, { headers: { connection: 'keep-alive' } }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
        }).on('error', reject);
      });
    expect((await ask('/readyz')).status).toBe(200);
    expect((await ask('/meta')).connection).toBe('keep-alive');
    server.child.kill('SIGTERM');
    await waitFor('/readyz to say it drains', async () => (await ask('/readyz')).status === 503, 8_000);
    expect(JSON.parse((await ask('/readyz')).body)).toMatchObject({ status: 'draining' });
    // Still serving, each answer closing its connection rather than leaving it to be cut under the next request.
    const meta = await ask('/meta');
    expect(meta.status).toBe(200);
    expect(meta.connection).toBe('close');
    expect(await server.exited).toBe(0);
    expect(server.output.join('')).toContain('[support] draining for 8000 ms');
  }, 90_000);

  it('stops gracefully on SIGHUP, the terminal it was started from closing, rather than dying mid-request', async () => {
    const server = await startChildServer({ SUPPORT_DEV: '1', SUPPORT_DB: join(mkdtempSync(join(dir, 'hangup-')), 'db.sqlite') });
    // Killed by the signal, the exit code would be null (signal SIGHUP); a graceful stop exits 0 once it has closed.
    expect(await server.stop('SIGHUP')).toBe(0);
    expect(server.output.join('')).toContain('[support] SIGHUP: shutting down');
    expect(server.output.join('')).toContain('[support] stopped');
  }, 90_000);
});
