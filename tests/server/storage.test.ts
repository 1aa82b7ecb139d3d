import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { migratePostgres } from '../../src/server/storage/postgres-migrations';
import { agentTicketListSchema } from '../../src/server/schemas';
import { agentAuth, call, createEmptyTestDatabase, createTicket, dropTestDatabase, expectError, newKey, startTestServer, tableCounts, TEST_ENGINE, userAuth } from './helpers';
import type { TestServer } from './helpers';

describe.skipIf(TEST_ENGINE !== 'sqlite')('storage (SQLite)', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ config: { busyTimeoutMs: 50 } });
  });
  afterAll(() => ts.cleanup());

  it('creates the schema_migrations table with numbered migrations, WAL and foreign keys', () => {
    const db = new BetterSqlite3(ts.dbPath, { readonly: true });
    try {
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
      expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('answers 503 with Retry-After while the database is locked, keeps what is stored, and recovers', async () => {
    const alice = await userAuth(ts, 'alice');
    const first = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.other)).body).ticket;
    const before = tableCounts(ts.dbPath);

    const locker = new BetterSqlite3(ts.dbPath);
    locker.exec('BEGIN IMMEDIATE');
    const key = newKey();
    try {
      const busy = await createTicket(ts, alice, validDrafts.course, key);
      expectError(busy, 503, 'unavailable');
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
      // The error line names the request as its request-log line and its answer do, to be matched with them.
      const id = busy.headers.get('x-request-id') ?? '';
      expect(ts.logs.some((log) => log.level === 'error' && log.text.startsWith(`[support] storage unavailable on POST /api/v1/tickets (request ${id}): `))).toBe(true);
      const message = await call(ts, 'POST', `/tickets/${first.id}/messages`, { auth: alice, json: { text: 'hi' } });
      expectError(message, 503, 'unavailable');
      // Reads still work under WAL while a writer holds the lock.
      expect((await call(ts, 'GET', `/tickets/${first.id}`, { auth: alice })).status).toBe(200);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    expect(tableCounts(ts.dbPath)).toEqual(before);
    // The same Idempotency-Key works once the store is back: the failed attempt recorded nothing.
    const retry = await createTicket(ts, alice, validDrafts.course, key);
    expect(retry.status).toBe(201);
    expect(tableCounts(ts.dbPath).tickets).toBe((before.tickets ?? 0) + 1);
  });
});

describe.skipIf(TEST_ENGINE !== 'sqlite')('a database a newer build migrated (SQLite)', () => {
  it('is refused, unless the newer migrations say they keep older builds serving: then it is served, with a warning', async () => {
    let ts = await startTestServer();
    try {
      const mark = (olderBuildsServe: number) => {
        const db = new BetterSqlite3(ts.dbPath);
        db.prepare(`INSERT OR REPLACE INTO schema_migrations (version, name, applied_at, older_builds_serve) VALUES (999, 'from a newer build', ?, ?)`).run(new Date().toISOString(), olderBuildsServe);
        db.close();
      };
      mark(0);
      await expect(ts.restart()).rejects.toThrow('database schema 999 is newer than this server');
      mark(1);
      ts = await ts.restart();
      expect(ts.logs.some((line) => line.level === 'warn' && line.text.includes('database schema 999 is newer than this server') && line.text.includes('keep older builds serving'))).toBe(true);
      const alice = await userAuth(ts, 'older-build-alice');
      expect((await createTicket(ts, alice, validDrafts.other)).status).toBe(201);
    } finally {
      await ts.cleanup();
    }
  });
});

describe.skipIf(TEST_ENGINE !== 'sqlite')('migration 15 (SQLite)', () => {
  it('puts back in the queue an answered ticket the user wrote in after the answer before the migration', async () => {
    let ts = await startTestServer();
    try {
      const alice = await userAuth(ts, 'migrated-alice');
      const ticket = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.other)).body).ticket;
      expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Готово.' } })).status).toBe(200);
      expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: alice, json: { text: 'Не помогло' } })).status).toBe(201);
      // The database as the server before migration 15 left it (the server sits idle meanwhile).
      const db = new BetterSqlite3(ts.dbPath);
      db.exec(`DROP INDEX idempotency_keys_by_age; DROP TRIGGER events_set_last_actor; DROP INDEX tickets_by_status_actor; ALTER TABLE tickets DROP COLUMN last_actor;
        ALTER TABLE schema_migrations DROP COLUMN older_builds_serve; DELETE FROM schema_migrations WHERE version >= 15;`);
      db.close();
      ts = await ts.restart();
      const queue = agentTicketListSchema.parse((await call(ts, 'GET', '/agent/tickets?order=due', { auth: agentAuth })).body).tickets;
      expect(queue.find((line) => line.id === ticket.id)).toMatchObject({ status: 'answered', awaitingSupport: true });
    } finally {
      await ts.cleanup();
    }
  });
});

describe('a build from before migration 15 serving beside this one (a rolling restart)', () => {
  it('a change it writes, knowing nothing of who made the newest change, still puts the ticket back in the queue', async () => {
    const ts = await startTestServer();
    try {
      const alice = await userAuth(ts, 'rolling-alice');
      const ticket = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.other)).body).ticket;
      expect((await call(ts, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Готово.' } })).status).toBe(200);
      const waiting = async () => {
        const queue = agentTicketListSchema.parse((await call(ts, 'GET', '/agent/tickets?order=due', { auth: agentAuth })).body).tickets;
        return queue.find((line) => line.id === ticket.id)?.awaitingSupport;
      };
      expect(await waiting()).toBeUndefined();
      // The user's «не помогло» as the older build stores it: the event and the ticket's update time, nothing else.
      const at = new Date().toISOString();
      const event = ['message', 'answered', 'answered', 'reporter', 'Не помогло', at];
      if (TEST_ENGINE === 'sqlite') {
        const db = new BetterSqlite3(ts.dbPath);
        try {
          db.transaction(() => {
            db.prepare('INSERT INTO events (ticket_id, type, status, previous_status, actor, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(ticket.id, ...event);
            db.prepare('UPDATE tickets SET updated_at = ? WHERE id = ?').run(at, ticket.id);
          })();
        } finally {
          db.close();
        }
      } else {
        const client = new pg.Client({ connectionString: ts.dbPath });
        await client.connect();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO events (ticket_id, type, status, previous_status, actor, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [ticket.id, ...event]);
          await client.query('UPDATE tickets SET updated_at = $1 WHERE id = $2', [at, ticket.id]);
          await client.query('COMMIT');
        } finally {
          await client.end();
        }
      }
      expect(await waiting()).toBe(true);
    } finally {
      await ts.cleanup();
    }
  });
});

describe.skipIf(TEST_ENGINE !== 'postgres')('storage (PostgreSQL)', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ config: { busyTimeoutMs: 50 } });
  });
  afterAll(() => ts.cleanup());

  it('says at start when its pools would need more connections than the database takes, and not otherwise', async () => {
    expect(ts.logs.some((line) => line.text.includes('SUPPORT_DATABASE_POOL_SIZE'))).toBe(false);
    const greedy = await startTestServer({ config: { databasePoolSize: 100_000 } });
    try {
      const warned = greedy.logs.filter((line) => line.level === 'warn' && line.text.includes('SUPPORT_DATABASE_POOL_SIZE 100000 × 1 process(es) = 100000 connections'));
      expect(warned).toHaveLength(1);
      expect(warned[0]?.text).toMatch(/max_connections \d+, \d+ kept for superusers/);
    } finally {
      await greedy.cleanup();
    }
  });

  it('asks a transaction\'s connection one statement at a time', async () => {
    // A ticket's view reads its events, files and links at once; inside the create's transaction that was one
    // connection asked several things together, which pg queues with a warning (once a process) and pg 9 refuses.
    // Every connection's statements are counted here as they start and end.
    const original = pg.Client.prototype.query;
    const running = new WeakMap<object, number>();
    let overlapping = 0;
    const counted = function (this: pg.Client, ...args: unknown[]) {
      const now = running.get(this) ?? 0;
      if (now > 0) overlapping += 1;
      running.set(this, now + 1);
      const done = () => running.set(this, (running.get(this) ?? 1) - 1);
      const last = args.at(-1);
      if (typeof last === 'function') {
        args[args.length - 1] = (...result: unknown[]) => {
          done();
          return (last as (...values: unknown[]) => unknown)(...result);
        };
        return (original as (...values: unknown[]) => unknown).apply(this, args);
      }
      const result = (original as (...values: unknown[]) => unknown).apply(this, args) as Promise<unknown> | undefined;
      if (typeof result?.then === 'function') result.then(done, done);
      else done();
      return result;
    };
    pg.Client.prototype.query = counted as typeof original;
    try {
      const alice = await userAuth(ts, 'alice-one-at-a-time');
      const created = await createTicket(ts, alice, validDrafts.technical);
      expect(created.status).toBe(201);
      expect(createTicketResponseSchema.parse(created.body).ticket.events).toHaveLength(1);
      expect(overlapping).toBe(0);
    } finally {
      pg.Client.prototype.query = original;
    }
  });

  it('records its numbered migrations', async () => {
    const client = new pg.Client({ connectionString: ts.dbPath });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    } finally {
      await client.end();
    }
  });

  it('migrates an empty database once when several sessions start at the same moment', async () => {
    const url = await createEmptyTestDatabase();
    const clients = Array.from({ length: 4 }, () => new pg.Client({ connectionString: url }));
    try {
      await Promise.all(clients.map((client) => client.connect()));
      const applied = await Promise.all(clients.map((client) => migratePostgres(client, new Date())));
      // One session applied every migration; the others found nothing left to do.
      const all = applied.flat().sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: all.length }, (_, index) => index + 1));
      expect(applied.filter((versions) => versions.length > 0)).toHaveLength(1);
      const { rows } = await (clients[0] as pg.Client).query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(all);
    } finally {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await dropTestDatabase(url);
    }
  });

  it('starts and serves on a migrated database whose role may no longer create anything', async () => {
    // Least privilege between upgrades: the role reads and writes the tables, and CREATE on the schema is gone.
    const url = await createEmptyTestDatabase();
    const migrated = await startTestServer({ config: { databaseUrl: url } });
    await migrated.close();
    const role = `plain_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'plain-role-secret'`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
      await admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      expect((await admin.query<{ can: boolean }>(`SELECT has_schema_privilege('${role}', 'public', 'CREATE') AS can`)).rows[0]?.can).toBe(false);
    } finally {
      await admin.end();
    }
    const asRole = new URL(url);
    asRole.username = role;
    asRole.password = 'plain-role-secret';
    const server = await startTestServer({ config: { databaseUrl: asRole.toString() } });
    try {
      const created = await createTicket(server, await userAuth(server, 'least-privilege'), validDrafts.other);
      expect(created.status, created.text).toBe(201);
    } finally {
      await server.close();
      await dropTestDatabase(url);
    }
  });

  it('answers 503 while another session locks the tickets, keeps what is stored, and recovers', async () => {
    const alice = await userAuth(ts, 'alice');
    const first = createTicketResponseSchema.parse((await createTicket(ts, alice, validDrafts.other)).body).ticket;
    const before = tableCounts(ts.dbPath);
    const locker = new pg.Client({ connectionString: ts.dbPath });
    await locker.connect();
    await locker.query('BEGIN');
    // Writers of tickets wait for this lock (past the lock timeout); readers do not.
    await locker.query('LOCK TABLE tickets IN EXCLUSIVE MODE');
    const key = newKey();
    try {
      const busy = await createTicket(ts, alice, validDrafts.course, key);
      expectError(busy, 503, 'unavailable');
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
      expectError(await call(ts, 'POST', `/tickets/${first.id}/messages`, { auth: alice, json: { text: 'hi' } }), 503, 'unavailable');
      expect((await call(ts, 'GET', `/tickets/${first.id}`, { auth: alice })).status).toBe(200);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect(tableCounts(ts.dbPath)).toEqual(before);
    expect((await createTicket(ts, alice, validDrafts.course, key)).status).toBe(201);
    expect(tableCounts(ts.dbPath).tickets).toBe((before.tickets ?? 0) + 1);
  });
});
