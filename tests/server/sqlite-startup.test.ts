/**
 * Processes starting together on one SQLite file (`--workers` on a new file, a restart beside a running process)
 * wait for each other's lock while they migrate, up to a minute: the requests' short busy timeout (2 s) is not the
 * start's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { openStorage } from '../../src/server/storage/open';
import { TEST_ENGINE } from './helpers';

describe.runIf(TEST_ENGINE === 'sqlite')('a start on a SQLite file another process holds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-startup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits for the other process’s write lock rather than failing after the requests’ busy timeout', async () => {
    const path = join(dir, 'support.sqlite');
    // Another process takes the write lock (as a worker migrating the new file does) and keeps it for a while.
    const holder = spawn(process.execPath, [
      '-e',
      `const Database = require('better-sqlite3'); const db = new Database(process.argv[1]); db.pragma('journal_mode = WAL');
       db.exec('BEGIN IMMEDIATE'); console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1500);`,
      path,
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => holder.once('exit', resolve));
    await new Promise<void>((resolve) => holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve()));
    const { config } = loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40) }, { dbPath: path, busyTimeoutMs: 100, databaseUrl: null });
    const store = await openStorage(config, { info: () => undefined, warn: () => undefined, error: () => undefined }, new Date());
    expect(await store.tickets.count()).toBe(0);
    await store.close();
    expect(await exited).toBe(0);
  }, 30_000);

  it('makes a new database file, and its write-ahead log, its owner’s alone to read', async () => {
    const path = join(dir, 'private.sqlite');
    const { config } = loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40) }, { dbPath: path, databaseUrl: null });
    const store = await openStorage(config, { info: () => undefined, warn: () => undefined, error: () => undefined }, new Date());
    try {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    } finally {
      await store.close();
    }
  });
});
