import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../fixtures/ports';


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
});
