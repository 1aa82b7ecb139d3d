import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/core';
import { createApp, loadConfig } from '../../src/server';
import { createFileStorage } from '../../src/server/attachments/storage';
import { createGuards } from '../../src/server/guard/guards';
import type { Logger } from '../../src/server/context';
import { migrate } from '../../src/server/db/migrations';
import { openDatabase } from '../../src/server/db/open';
import { createSqliteStorage } from '../../src/server/storage/sqlite';
import { createBroker } from '../../src/server/events/broker';

describe('the global error handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-app-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns an unexpected throw into a logged 500 with the error shape (no details leaked)', async () => {
    const db = openDatabase(':memory:', 0);
    migrate(db, new Date());
    const errors: unknown[][] = [];
    const logger: Logger = { info: () => undefined, warn: () => undefined, error: (...args: unknown[]) => void errors.push(args) };
    const store = createSqliteStorage(db, logger, { eventsPollMs: 1000 });
    store.tickets.page = () => {
      throw new Error('secret internal detail');
    };
    const { config } = loadConfig({}, { tokenSecret: 'x'.repeat(40), agentToken: 'agent-token-0123456789', attachmentsDir: join(dir, 'files') });
    const app = createApp(
      { config, store, clock: () => new Date(), broker: createBroker(), files: createFileStorage(config.attachmentsDir), logger, guards: createGuards(config.guard, () => new Date(), store.counters) },
      { allowedOrigins: new Set() },
    );
    const response = await app.request('/api/v1/tickets', { headers: { authorization: `Guest ${'k'.repeat(43)}` } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(apiErrorSchema.parse(JSON.parse(text)).error.code).toBe('internal');
    expect(text).not.toContain('secret internal detail');
    expect(errors).toHaveLength(1);
    db.close();
  });

  it('lets a request through uncounted when the rate limit meets a busy database, and answers 503 at once when it meets a silent one', async () => {
    const db = openDatabase(':memory:', 0);
    migrate(db, new Date());
    const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const store = createSqliteStorage(db, quiet, { eventsPollMs: 1000 });
    let failure: Error = new Error('unset');
    store.counters.add = () => Promise.reject(failure);
    let pages = 0;
    const page = store.tickets.page.bind(store.tickets);
    store.tickets.page = (...args) => ((pages += 1), page(...args));
    const { config } = loadConfig({}, { tokenSecret: 'x'.repeat(40), agentToken: 'agent-token-0123456789', attachmentsDir: join(dir, 'files-2') });
    const app = createApp(
      { config, store, clock: () => new Date(), broker: createBroker(), files: createFileStorage(config.attachmentsDir), logger: quiet, guards: createGuards(config.guard, () => new Date(), store.counters) },
      { allowedOrigins: new Set() },
    );
    const list = () => app.request('/api/v1/tickets', { headers: { authorization: `Guest ${'k'.repeat(43)}` } });
    // Locked or busy: the read is served, uncounted.
    failure = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect((await list()).status).toBe(200);
    expect(pages).toBe(1);
    // Silent (PostgreSQL gave the statement up after SUPPORT_DATABASE_TIMEOUT_MS): the request's own statement
    // would wait as long again, so it is not tried.
    failure = new Error('Query read timeout');
    const silent = await list();
    expect(silent.status).toBe(503);
    expect(Number(silent.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(apiErrorSchema.parse(await silent.json()).error.code).toBe('unavailable');
    expect(pages).toBe(1);
    db.close();
  });
});
