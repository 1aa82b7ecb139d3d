/**
 * Two API processes (`node --import tsx src/server/main.ts`) on one database — a PostgreSQL database on the
 * PostgreSQL run, one SQLite file on the SQLite run — and one attachments folder: live events cross between
 * them, idempotency holds across them, and a client whose process is killed resumes on the other one.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema, createTicketResponseSchema, ticketEventSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, createEmptyTestDatabase, createTestDatabase, dropTestDatabase, guestAuth, guestContact, sharedStoreEnv, newKey, TEST_ENGINE, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { openSse } from './sse-client';
import { freePort } from '../fixtures/ports';
import { fileForm, pngImage } from './images';

const ROOT = resolve(import.meta.dirname, '../..');

interface ApiProcess {
  api: string;
  child: ChildProcess;
  output: string[];
}


async function startProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const api = `http://127.0.0.1:${port}/api/v1`;
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output.join('')}`);
    if (await fetch(`${api}/meta`).then((response) => response.ok, () => false)) return { api, child, output };
    if (Date.now() > until) throw new Error(`server not ready:\n${output.join('')}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

function stop(process: ApiProcess, signal: NodeJS.Signals): Promise<void> {
  const { child } = process;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill(signal);
  });
}

/** The request helpers only read `api` and `clock`. */
function asTestServer(process: ApiProcess): TestServer {
  return { api: process.api, clock: () => new Date() } as unknown as TestServer;
}

async function post(api: string, path: string, auth: string, json: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${api}${path}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) });
}

/** The guest tickets one address may create per hour, for these processes. */
const GUEST_TICKETS = 5;

describe(`two API processes on one ${TEST_ENGINE} database`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-multi-'));
  let databaseUrl: string | null = null;
  let dbPath = '';
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    databaseUrl = TEST_ENGINE === 'postgres' ? await createTestDatabase() : null;
    dbPath = databaseUrl ?? join(dir, 'support.sqlite');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      ...sharedStoreEnv(dir, databaseUrl),
      SUPPORT_DEV: '0',
      SUPPORT_GUEST_TICKETS_PER_IP_HOUR: String(GUEST_TICKETS),
    };
    // One after the other on SQLite, so the first creates the file and migrates it alone.
    a = await startProcess(env);
    b = await startProcess(env);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([stop(a, 'SIGTERM'), stop(b, 'SIGTERM')]);
    if (databaseUrl !== null) await dropTestDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a reporter streaming from B sees a status change made through A', { timeout: 30_000 }, async () => {
    const alice = await userAuth(asTestServer(a), 'multi-alice');
    const created = await post(a.api, '/tickets', alice, validDrafts.technical, { 'idempotency-key': newKey() });
    expect(created.status).toBe(201);
    const ticket = createTicketResponseSchema.parse(await created.json()).ticket;
    const stream = await openSse(`${b.api}/tickets/${ticket.id}/events`, { authorization: alice });
    try {
      expect(ticketEventSchema.parse(JSON.parse((await stream.next(10_000)).data ?? '')).status).toBe('registered');
      expect((await post(a.api, `/agent/tickets/${ticket.id}/status`, agentAuth, { status: 'in_progress' })).status).toBe(200);
      const event = ticketEventSchema.parse(JSON.parse((await stream.next(10_000)).data ?? ''));
      expect(event).toMatchObject({ ticketId: ticket.id, type: 'status', status: 'in_progress', previousStatus: 'registered' });
    } finally {
      stream.close();
    }
  });

  it('guests sending at once through both processes get exactly the per-address quota of tickets; a signed-in user still gets in', { timeout: 60_000 }, async () => {
    const before = tableCounts(dbPath);
    // Each with a fresh guest key (a guest mints them for free), all from one address, half through each process.
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        post([a, b][index % 2]?.api ?? a.api, '/tickets', guestAuth(), { ...validDrafts.other, contact: guestContact, consent: true, subject: `Гость ${index}` }, { 'idempotency-key': newKey() }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(GUEST_TICKETS);
    expect(statuses.filter((status) => status === 429)).toHaveLength(16 - GUEST_TICKETS);
    expect((tableCounts(dbPath).tickets ?? 0) - (before.tickets ?? 0)).toBe(GUEST_TICKETS);
    // The refused attempts did not use the quota up further: the address stays at its quota, not beyond it.
    expect((await post(b.api, '/tickets', guestAuth(), { ...validDrafts.other, contact: guestContact, consent: true }, { 'idempotency-key': newKey() })).status).toBe(429);
    const dave = await userAuth(asTestServer(b), 'multi-dave');
    expect((await post(b.api, '/tickets', dave, validDrafts.other, { 'idempotency-key': newKey() })).status).toBe(201);
  });

  it('a file uploaded through A is attached through B and downloaded through either', { timeout: 30_000 }, async () => {
    const erin = await userAuth(asTestServer(a), 'multi-erin');
    const png = await pngImage();
    const uploaded = await fetch(`${a.api}/attachments`, { method: 'POST', headers: { authorization: erin }, body: fileForm(png, 'screen.png') });
    expect(uploaded.status).toBe(201);
    const attachment = attachmentSchema.parse(await uploaded.json());
    const created = await post(b.api, '/tickets', erin, { ...validDrafts.technical, attachmentIds: [attachment.id] }, { 'idempotency-key': newKey() });
    expect(created.status).toBe(201);
    expect(createTicketResponseSchema.parse(await created.json()).ticket.attachments.map((file) => file.id)).toEqual([attachment.id]);
    for (const server of [a, b]) {
      const download = await fetch(`${server.api}/attachments/${attachment.id}`, { headers: { authorization: erin } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).subarray(0, 8)).toEqual(png.subarray(0, 8));
    }
  });

  it('50 creates sent to both processes with the same keys make exactly 50 tickets', { timeout: 60_000 }, async () => {
    const bob = await userAuth(asTestServer(a), 'multi-bob');
    const before = tableCounts(dbPath);
    const keys = Array.from({ length: 50 }, () => newKey());
    const answers = await Promise.all(
      keys.flatMap((key, index) => {
        const draft = { ...validDrafts.other, subject: `Два процесса ${index}` };
        return [a, b].map(async (target) => {
          const response = await post(target.api, '/tickets', bob, draft, { 'idempotency-key': key });
          return { key, status: response.status, id: createTicketResponseSchema.parse(await response.json()).ticket.id };
        });
      }),
    );
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    for (const key of keys) {
      const ids = new Set(answers.filter((answer) => answer.key === key).map((answer) => answer.id));
      expect(ids.size, `both processes answer key ${key} with one ticket`).toBe(1);
    }
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(50);
    const after = tableCounts(dbPath);
    expect((after.tickets ?? 0) - (before.tickets ?? 0)).toBe(50);
    expect((after.idempotency_keys ?? 0) - (before.idempotency_keys ?? 0)).toBe(50);
  });

  it.runIf(TEST_ENGINE === 'postgres')('live events keep crossing after the database cuts the listeners', { timeout: 60_000 }, async () => {
    const admin = new pg.Client({ connectionString: databaseUrl ?? '' });
    await admin.connect();
    const listeners = async (): Promise<number[]> => {
      const { rows } = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()",
      );
      return rows.map((row) => row.pid);
    };
    try {
      const dave = await userAuth(asTestServer(a), 'multi-dave');
      const created = await post(a.api, '/tickets', dave, validDrafts.technical, { 'idempotency-key': newKey() });
      const ticket = createTicketResponseSchema.parse(await created.json()).ticket;
      const stream = await openSse(`${b.api}/tickets/${ticket.id}/events`, { authorization: dave });
      try {
        await stream.next(10_000);
        // Each process listens on one connection; cut them all, as a database restart or a network drop would.
        let cut: number[] = [];
        for (const until = Date.now() + 10_000; cut.length < 2 && Date.now() < until; ) {
          cut = await listeners();
          if (cut.length < 2) await new Promise((done) => setTimeout(done, 50));
        }
        expect(cut.length).toBeGreaterThanOrEqual(2);
        await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [cut]);
        // Wait until both processes listen again on new connections.
        for (const until = Date.now() + 20_000; ; ) {
          const now = (await listeners()).filter((pid) => !cut.includes(pid));
          if (now.length >= 2) break;
          if (Date.now() > until) throw new Error('the listeners did not come back');
          await new Promise((done) => setTimeout(done, 50));
        }
        expect((await post(a.api, `/agent/tickets/${ticket.id}/status`, agentAuth, { status: 'in_progress' })).status).toBe(200);
        const event = ticketEventSchema.parse(JSON.parse((await stream.next(10_000)).data ?? ''));
        expect(event).toMatchObject({ ticketId: ticket.id, type: 'status', status: 'in_progress' });
        // Each process said the loss once and the return once.
        for (const { output } of [a, b]) {
          await expect.poll(() => output.join('').match(/event listener reconnected after \d+ s/g)?.length ?? 0, { timeout: 10_000 }).toBe(1);
          expect(output.join('').match(/event listener lost its connection/g)).toHaveLength(1);
        }
      } finally {
        stream.close();
      }
    } finally {
      await admin.end();
    }
  });

  it('a client of a killed process resumes on the other with Last-Event-ID and gets every later event once', { timeout: 60_000 }, async () => {
    const carol = await userAuth(asTestServer(a), 'multi-carol');
    const created = await post(a.api, '/tickets', carol, validDrafts.technical, { 'idempotency-key': newKey() });
    const ticket = createTicketResponseSchema.parse(await created.json()).ticket;
    const say = async (text: string) => expect((await post(a.api, `/tickets/${ticket.id}/messages`, carol, { text })).status).toBe(201);
    const textOf = (data: string | undefined) => ticketEventSchema.parse(JSON.parse(data ?? '')).text;

    const first = await openSse(`${b.api}/tickets/${ticket.id}/events`, { authorization: carol });
    await first.next(10_000);
    await say('до 1');
    await say('до 2');
    const seen = await first.take(2, 10_000);
    expect(seen.map((frame) => textOf(frame.data))).toEqual(['до 1', 'до 2']);
    const lastId = seen.at(-1)?.id ?? '';

    await stop(b, 'SIGKILL');
    first.close();
    await say('пока нет связи 1');
    await say('пока нет связи 2');

    const resumed = await openSse(`${a.api}/tickets/${ticket.id}/events`, { authorization: carol, 'last-event-id': lastId });
    try {
      await say('после 1');
      await say('последнее');
      // Everything after the last seen id, once each and in order, up to the last message sent.
      const frames = await resumed.take(4, 10_000);
      expect(frames.map((frame) => textOf(frame.data))).toEqual(['пока нет связи 1', 'пока нет связи 2', 'после 1', 'последнее']);
      const ids = frames.map((frame) => Number(frame.id));
      expect(ids.every((id, index) => id > Number(lastId) && (index === 0 || id > (ids[index - 1] ?? 0)))).toBe(true);
      // Nothing comes twice after them either: the next frame is the next message.
      await say('контрольное');
      expect(textOf((await resumed.next(10_000)).data)).toBe('контрольное');
    } finally {
      resumed.close();
    }
  });
});

describe.skipIf(TEST_ENGINE !== 'postgres')('API processes starting together on an empty PostgreSQL database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-migrate-'));
  let databaseUrl = '';
  beforeAll(async () => {
    databaseUrl = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrate it once between them and all serve; a database from a newer build is refused', { timeout: 90_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', ...sharedStoreEnv(dir, databaseUrl), SUPPORT_DEV: '0' };
    const started = await Promise.all([startProcess(env), startProcess(env), startProcess(env)]);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      const versions = rows.map((row) => row.version);
      expect(versions.length).toBeGreaterThan(0);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, index) => index + 1));
      const alice = await userAuth(asTestServer(started[0] as ApiProcess), 'migrate-alice');
      for (const server of started) expect((await post(server.api, '/tickets', alice, validDrafts.other, { 'idempotency-key': newKey() })).status).toBe(201);
      await Promise.all(started.map((server) => stop(server, 'SIGTERM')));

      // A newer build migrated this database: this one does not start on it, and says why.
      await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from a newer build', now()::text)");
      await expect(startProcess(env)).rejects.toThrow(/newer than this server/);
      // Unless the newer build says its migrations keep older builds serving (a rolling restart): then it serves.
      await client.query('UPDATE schema_migrations SET older_builds_serve = 1 WHERE version = 999');
      const older = await startProcess(env);
      try {
        expect((await post(older.api, '/tickets', alice, validDrafts.other, { 'idempotency-key': newKey() })).status).toBe(201);
        expect(older.output.join('')).toContain('database schema 999 is newer than this server');
        expect(older.output.join('')).toContain('keep older builds serving: serving it');
      } finally {
        await stop(older, 'SIGTERM');
      }
    } finally {
      await client.end();
    }
  });
});
