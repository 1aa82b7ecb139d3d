/**
 * Test harness: a real server on a free port with a temp SQLite file, or with SUPPORT_TEST_ENGINE=postgres its
 * own database in the run's throw-away PostgreSQL cluster, plus request and token helpers.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { expect, inject } from 'vitest';
import type { TicketDraftInput } from '../../src/core';
import { signReporterToken, startServer } from '../../src/server';
import type { ConfigOverrides, ReporterProfile, RunningServer } from '../../src/server';
import { validDrafts } from '../fixtures/drafts';
import { serverErrorSchema } from '../../src/server/schemas';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';

/** The secret every test server signs with. */
export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
/** The agent token of test servers. */
export const AGENT_TOKEN = 'test-agent-token-9f8e7d6c5b4a';
/** An origin the test servers allow. */
export const ALLOWED_ORIGIN = 'https://lms.example.ru';

/** The engine this run of the server suite tests. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.SUPPORT_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

// Copied from the migrated template of tests/server/postgres-setup.ts.
const TEMPLATE_DATABASE = 'support_template';

/** The URL of database `name` in the run's cluster. */
function databaseUrl(name: string): string {
  return inject('postgresUrl').replace(/\/postgres$/, `/${name}`);
}

/** Runs `sql` on the cluster's `postgres` database. */
async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database (PostgreSQL runs): nothing migrated yet; returns its URL. Dropped by {@link dropTestDatabase}. */
export async function createEmptyTestDatabase(): Promise<string> {
  const name = `support_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE template0`);
  return databaseUrl(name);
}

/** A fresh database for one test server (PostgreSQL runs): a copy of the migrated template; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `support_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  return databaseUrl(name);
}

/** A copy of the test database at `url` under a new name (nobody may be connected to it); returns the copy's URL. */
export async function copyDatabase(url: string): Promise<string> {
  const name = `support_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${new URL(url).pathname.slice(1)}`);
  return databaseUrl(name);
}

/**
 * The environment of server processes that share one store: the SQLite file and attachments under `dir`, or the
 * PostgreSQL database `databaseUrl`; the test secrets, and no rate limit to get in a test's way.
 */
export function sharedStoreEnv(dir: string, databaseUrl: string | null): Record<string, string> {
  return {
    SUPPORT_DB: join(dir, 'support.sqlite'),
    SUPPORT_DATABASE_URL: databaseUrl ?? '',
    SUPPORT_DATABASE_POOL_SIZE: '4',
    SUPPORT_ATTACHMENTS_DIR: join(dir, 'attachments'),
    SUPPORT_TOKEN_SECRET: TEST_SECRET,
    SUPPORT_AGENT_TOKEN: AGENT_TOKEN,
    SUPPORT_RATE_LIMIT: '100000',
    SUPPORT_SENDS_PER_USER_HOUR: '100000',
  };
}

/** Drops a database made by {@link createTestDatabase}, cutting whoever is still connected. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^support_[0-9a-f]{12}$/.test(name)) throw new Error(`not a test database: ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** A captured log line. */
export interface LogLine {
  level: 'info' | 'warn' | 'error';
  text: string;
}

/** A running test server with its files and a way to restart on the same database. */
export interface TestServer {
  server: RunningServer;
  api: string;
  dir: string;
  /** The SQLite file, or on PostgreSQL runs the database URL (both work with {@link tableCounts}). */
  dbPath: string;
  clock: () => Date;
  logs: LogLine[];
  close(): Promise<void>;
  /** Stops this server and starts a new one on the same database and attachments folder. */
  restart(): Promise<TestServer>;
  /** Removes the temp folder (after close). */
  cleanup(): Promise<void>;
}

/** Options for {@link startTestServer}. */
export interface TestServerOptions {
  clock?: () => Date;
  config?: ConfigOverrides;
  dir?: string;
}

/** Starts a server on port 0 with a temp DB; quiet logger that records lines. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'support-server-'));
  // A restart keeps the database its options name; a first start on PostgreSQL gets a fresh one.
  const postgres = TEST_ENGINE === 'postgres' && options.config?.databaseUrl !== null;
  const databaseUrl = postgres ? (options.config?.databaseUrl ?? (await createTestDatabase())) : null;
  const dbPath = databaseUrl ?? join(dir, 'support.sqlite');
  const clock = options.clock ?? (() => new Date());
  const logs: LogLine[] = [];
  const log = (level: LogLine['level']) => (...args: unknown[]) => void logs.push({ level, text: args.map(String).join(' ') });
  const server = await startServer({
    env: {},
    clock,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    config: {
      port: 0,
      host: '127.0.0.1',
      dbPath,
      attachmentsDir: join(dir, 'attachments'),
      tokenSecret: TEST_SECRET,
      agentToken: AGENT_TOKEN,
      dev: false,
      rateLimitPerMinute: 100_000,
      agentRateLimitPerMinute: 100_000,
      // Tests that are not about the hourly sends send as often as they need (those about it set `guard`).
      guard: { ...DEFAULT_GUARD_LIMITS, sendsPerUserHour: 100_000, guestSendsPerIpHour: 100_000 },
      allowedOrigins: [ALLOWED_ORIGIN],
      databasePoolSize: 4,
      ...options.config,
      databaseUrl,
    },
  });
  const self: TestServer = {
    server,
    api: `${server.url}/api/v1`,
    dir,
    dbPath,
    clock,
    logs,
    close: () => server.close(),
    async restart() {
      await server.close();
      return startTestServer({ ...options, dir, config: { ...options.config, databaseUrl } });
    },
    async cleanup() {
      await server.close();
      if (databaseUrl !== null) await dropTestDatabase(databaseUrl);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}

/** A reporter profile for user `sub`. */
export function profile(sub: string, overrides: Partial<ReporterProfile> = {}): ReporterProfile {
  return {
    sub,
    name: `Пользователь ${sub}`,
    role: 'teacher',
    org: { id: 'org-1', title: 'ООО «Учебный центр»' },
    lms: 'https://lms.example.ru',
    phone: '+7 912 345-67-89',
    email: `${sub}@example.ru`,
    ...overrides,
  };
}

/** `Authorization` for user `sub`, signed on the server's clock. */
export async function userAuth(ts: TestServer, sub: string): Promise<string> {
  return `Bearer ${await signReporterToken(profile(sub), TEST_SECRET, '1h', ts.clock())}`;
}

/** A fresh guest key and its `Authorization`. */
export function guestAuth(): string {
  return `Guest ${randomBytes(32).toString('base64url')}`;
}

/** The agent's `Authorization`. */
export const agentAuth = `Bearer ${AGENT_TOKEN}`;

/** A parsed response. */
export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** Options of {@link call}. */
export interface CallOptions {
  auth?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** Sends a request and reads the whole answer (JSON parsed when it is JSON). */
export async function call(ts: TestServer, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth !== undefined) headers.authorization = options.auth;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${ts.api}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed, text };
}

let keyCounter = 0;
/** A unique Idempotency-Key. */
export function newKey(): string {
  keyCounter++;
  return `test-key-${Date.now()}-${keyCounter}-${randomBytes(4).toString('hex')}`;
}

/** Creates a ticket (201 expected) and returns the parsed answer. */
export async function createTicket(
  ts: TestServer,
  auth: string,
  draft: TicketDraftInput | Record<string, unknown> = validDrafts.technical,
  key = newKey(),
): Promise<Reply> {
  return call(ts, 'POST', '/tickets', { auth, json: draft, headers: { 'idempotency-key': key } });
}

/** Asserts the error shape, and the status and code when given. */
export function expectError(reply: Reply, status?: number, code?: string): void {
  if (status !== undefined) expect(reply.status, reply.text).toBe(status);
  const parsed = serverErrorSchema.safeParse(reply.body);
  expect(parsed.success, `error shape: ${reply.text}`).toBe(true);
  if (code !== undefined && parsed.success) expect(parsed.data.error.code).toBe(code);
}

const TABLES = ['tickets', 'events', 'attachments', 'idempotency_keys', 'ticket_counters'];

/** Row counts of every data table (or of `tables`), read through a separate connection (psql for a PostgreSQL URL). */
export function tableCounts(dbPath: string, tables: readonly string[] = TABLES): Record<string, number> {
  if (dbPath.startsWith('postgres://')) {
    const sql = `SELECT ${tables.map((table) => `(SELECT COUNT(*) FROM ${table})`).join(', ')}`;
    const out = execFileSync(join(inject('postgresBin'), 'psql'), [dbPath, '-XAtq', '-F', ',', '-c', sql], { encoding: 'utf8' });
    const values = out.trim().split(',').map(Number);
    return Object.fromEntries(tables.map((table, index) => [table, values[index] ?? NaN]));
  }
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return counts;
  } finally {
    db.close();
  }
}

/** The number `sql` answers (its first row's first column) on either engine, read like {@link tableCounts}. */
export function queryNumber(dbPath: string, sql: string): number {
  if (dbPath.startsWith('postgres://')) {
    return Number(execFileSync(join(inject('postgresBin'), 'psql'), [dbPath, '-XAtq', '-c', sql], { encoding: 'utf8' }).trim());
  }
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    return Number(db.prepare(sql).pluck().get());
  } finally {
    db.close();
  }
}

/** Runs a statement on the database through a separate connection (psql for a PostgreSQL URL). */
export function execSql(dbPath: string, sql: string): void {
  if (dbPath.startsWith('postgres://')) {
    execFileSync(join(inject('postgresBin'), 'psql'), [dbPath, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
    return;
  }
  const db = new BetterSqlite3(dbPath, { fileMustExist: true });
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** Every row of `tables` as text (psql's row text on PostgreSQL, JSON on SQLite): what a search of the database finds. */
export function rowsText(dbPath: string, tables: readonly string[]): string {
  if (dbPath.startsWith('postgres://')) {
    return tables
      .map((table) => execFileSync(join(inject('postgresBin'), 'psql'), [dbPath, '-XAtq', '-c', `SELECT t::text FROM ${table} t`], { encoding: 'utf8' }))
      .join('\n');
  }
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    return tables.map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all())).join('\n');
  } finally {
    db.close();
  }
}

/** A fixed clock at an ISO instant. */
export function fixedClock(iso: string): () => Date {
  const at = new Date(iso);
  return () => new Date(at.getTime());
}

export { guestContact } from '../fixtures/drafts';
