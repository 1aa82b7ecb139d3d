/**
 * The reference app served over a real socket, composed by hand (as tests/server/error-handler.test.ts does)
 * so the test holds the server's own SQLite connection and file storage: `PRAGMA max_page_count` is per
 * connection, so only the server's connection can be made to run out of room.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Database } from 'better-sqlite3';
import { createApp, loadConfig } from '../../src/server';
import { createFileStorage } from '../../src/server/attachments/storage';
import type { FileStorage } from '../../src/server/attachments/storage';
import { migrate } from '../../src/server/db/migrations';
import { openDatabase } from '../../src/server/db/open';
import { createSqliteStorage } from '../../src/server/storage/sqlite';
import { createBroker } from '../../src/server/events/broker';
import { createGuards } from '../../src/server/guard/guards';
import type { LogLine, TestServer } from '../server/helpers';
import { AGENT_TOKEN, TEST_SECRET } from '../server/helpers';

/** A served app whose database connection and disk the test controls. */
export interface OwnedServer extends Pick<TestServer, 'api' | 'dir' | 'dbPath' | 'clock' | 'logs'> {
  /** The server's own connection. */
  db: Database;
  /** While true, every attachment write fails the way a full disk does (ENOSPC). */
  diskFull: boolean;
  cleanup(): Promise<void>;
}

/** Writes to /dev/full where it exists (a real ENOSPC from the kernel), else throws an ENOSPC error. */
function failLikeAFullDisk(): never {
  if (existsSync('/dev/full')) writeFileSync('/dev/full', 'x');
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

/** Starts the app on a free port of 127.0.0.1 over a temp folder. */
export async function startOwnedServer(): Promise<OwnedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'support-owned-'));
  const dbPath = join(dir, 'support.sqlite');
  const logs: LogLine[] = [];
  const log = (level: LogLine['level']) => (...args: unknown[]) => void logs.push({ level, text: args.map(String).join(' ') });
  const logger = { info: log('info'), warn: log('warn'), error: log('error') };
  const { config } = loadConfig({}, { port: 0, dbPath, attachmentsDir: join(dir, 'attachments'), tokenSecret: TEST_SECRET, agentToken: AGENT_TOKEN, rateLimitPerMinute: 100_000, busyTimeoutMs: 50 });
  const db = openDatabase(dbPath, config.busyTimeoutMs);
  migrate(db, new Date());
  const real = createFileStorage(config.attachmentsDir);
  const clock = () => new Date();
  const owned = { diskFull: false };
  // Writing the upload's final file is where a full disk fails it.
  const files: FileStorage = { ...real, adopt: (path) => (owned.diskFull ? failLikeAFullDisk() : real.adopt(path)) };
  const store = createSqliteStorage(db, logger, { eventsPollMs: 1000 });
  const guards = createGuards(config.guard, clock, store.counters);
  const app = createApp({ config, store, clock, broker: createBroker(), files, logger, guards }, { allowedOrigins: new Set() });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(owned, {
    api: `http://127.0.0.1:${port}/api/v1`,
    dir,
    dbPath,
    clock,
    logs,
    db,
    async cleanup() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** The request helpers of tests/server/helpers.ts read only `api` and `clock`: an owned server serves as one. */
export function asTestServer(owned: OwnedServer): TestServer {
  return owned as unknown as TestServer;
}
