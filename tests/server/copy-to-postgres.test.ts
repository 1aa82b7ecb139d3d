/**
 * Moving from SQLite to PostgreSQL (`--copy-to-postgres`): a database served on SQLite is copied into a new
 * PostgreSQL one, and a server on that serves the same tickets, files and settings, numbering on where it was and
 * handing out no webhook id a desk has seen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTicketResponseSchema, ticketSchema } from '../../src/core';
import { ConfigError } from '../../src/server/config';
import { FOLDER_OWNER_FILE } from '../../src/server/attachments/folder-owner';
import { copySqliteToPostgres } from '../../src/server/storage/copy-to-postgres';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createEmptyTestDatabase, createTicket, dropTestDatabase, startTestServer, TEST_ENGINE, userAuth } from './helpers';
import { fileForm, pdfFile } from './images';

const WEBHOOKS = { webhookUrls: ['http://127.0.0.1:9/desk'], webhookSecret: 'w'.repeat(40), pollMs: 60_000 };

describe.skipIf(TEST_ENGINE !== 'postgres')('copying an SQLite database into PostgreSQL', () => {
  it('serves the same tickets, files and settings there, numbering on and reusing no webhook id', async () => {
    const sqlite = await startTestServer({ config: { databaseUrl: null, notifications: WEBHOOKS } });
    const url = await createEmptyTestDatabase();
    try {
      const alice = await userAuth(sqlite, 'alice-moves');
      const file = await call(sqlite, 'POST', '/attachments', { auth: alice, body: fileForm(pdfFile(), 'акт.pdf') });
      expect(file.status, file.text).toBe(201);
      const fileId = (file.body as { id: string }).id;
      const first = createTicketResponseSchema.parse((await createTicket(sqlite, alice, { ...validDrafts.other, attachmentIds: [fileId] })).body).ticket;
      const second = createTicketResponseSchema.parse((await createTicket(sqlite, alice, validDrafts.technical)).body).ticket;
      expect((await call(sqlite, 'POST', `/agent/tickets/${first.id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Ответ специалиста.' } })).status).toBe(200);
      // A rating is announced under an id of the events' sequence that no event row has.
      expect((await call(sqlite, 'POST', `/tickets/${first.id}/rating`, { auth: alice, json: { score: 5 } })).status).toBe(200);
      expect((await call(sqlite, 'PUT', '/me/notifications', { auth: alice, json: { email: false } })).status).toBe(200);
      const before = ticketSchema.parse((await call(sqlite, 'GET', `/tickets/${first.id}`, { auth: alice })).body);
      await sqlite.close();

      const counts = await copySqliteToPostgres(sqlite.dbPath, url, new Date());
      expect(counts).toMatchObject({ tickets: 2, attachments: 1, notification_prefs: 1, database_identity: 1 });
      expect(counts.events).toBeGreaterThanOrEqual(3);
      expect(counts.outbox).toBeGreaterThan(0);

      // Copied again, into a database that has its tickets now: refused, nothing added.
      await expect(copySqliteToPostgres(sqlite.dbPath, url, new Date())).rejects.toThrow(ConfigError);
      await expect(copySqliteToPostgres(sqlite.dbPath, url, new Date())).rejects.toThrow(/holds data already \(tickets\)/);

      // The database moved for good: its folder's marker goes, as the copy's last line says.
      rmSync(join(sqlite.dir, 'attachments', FOLDER_OWNER_FILE));
      const moved = await startTestServer({ dir: sqlite.dir, config: { databaseUrl: url, notifications: WEBHOOKS } });
      try {
        const after = ticketSchema.parse((await call(moved, 'GET', `/tickets/${first.id}`, { auth: alice })).body);
        expect(after).toEqual(before);
        const download = await call(moved, 'GET', `/attachments/${fileId}`, { auth: alice });
        expect(download.status).toBe(200);
        expect((await call(moved, 'GET', '/me/notifications', { auth: alice })).body).toMatchObject({ email: false });

        // Numbers go on from the last one; a new event's id is past every id handed out, the rating's too.
        const third = createTicketResponseSchema.parse((await createTicket(moved, alice, validDrafts.course)).body).ticket;
        expect(Number(third.number.slice(-6))).toBe(Number(second.number.slice(-6)) + 1);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query<{ id: string }>('SELECT max(event_id) AS id FROM outbox WHERE ticket_id = $1', [first.id]);
          const lastBefore = Number(rows[0]?.id ?? 0);
          expect(lastBefore).toBeGreaterThan(Math.max(...before.events.map((event) => event.id)));
          expect(Math.min(...third.events.map((event) => event.id))).toBeGreaterThan(lastBefore);
        } finally {
          await client.end();
        }
      } finally {
        await moved.close();
      }
    } finally {
      await sqlite.cleanup();
      await dropTestDatabase(url);
    }
  });

  it('refuses a file that is not an SQLite database of this build, and a database something is connected to', async () => {
    const url = await createEmptyTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'support-copy-'));
    try {
      await expect(copySqliteToPostgres('/nonexistent/support.sqlite', url, new Date())).rejects.toThrow(/^SUPPORT_DB: \/nonexistent\/support\.sqlite cannot be opened/);
      const notOurs = join(dir, 'other.sqlite');
      new BetterSqlite3(notOurs).exec('CREATE TABLE notes (text TEXT)');
      await expect(copySqliteToPostgres(notOurs, url, new Date())).rejects.toThrow(/^SUPPORT_DB: .*other\.sqlite is not a database of this server: no such table: schema_migrations/);
      // A server (here a plain session) on the target would go on under the identity it read at its start.
      const sqlite = await startTestServer({ dir, config: { databaseUrl: null } });
      await sqlite.close();
      const session = new pg.Client({ connectionString: url });
      await session.connect();
      try {
        await expect(copySqliteToPostgres(sqlite.dbPath, url, new Date())).rejects.toThrow(/names a database others are connected to \(1 session\(s\): a server\?\)/);
      } finally {
        await session.end();
      }
      expect((await copySqliteToPostgres(sqlite.dbPath, url, new Date())).database_identity).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await dropTestDatabase(url);
    }
  });
});
