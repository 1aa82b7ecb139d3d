/**
 * A client that stops sending its body halfway (a closed tab, a lost network) over a real socket: the answer and
 * the request log say 400, the client's doing, never 503 and a storage outage on the error log, and nothing of
 * the upload stays on disk. A database that drops its connection with the same codes is still an outage (503).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/core';
import { createApp, loadConfig } from '../../src/server';
import { createFileStorage } from '../../src/server/attachments/storage';
import { FOLDER_OWNER_FILE } from '../../src/server/attachments/folder-owner';
import type { Logger } from '../../src/server/context';
import { migrate } from '../../src/server/db/migrations';
import { openDatabase } from '../../src/server/db/open';
import { createBroker } from '../../src/server/events/broker';
import { createGuards } from '../../src/server/guard/guards';
import type { RequestLogLine } from '../../src/server/http/request-log';
import { createSqliteStorage } from '../../src/server/storage/sqlite';
import { newKey, startTestServer, tableCounts, TEST_ENGINE, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { pdfFile } from './images';

/** The request log lines captured so far. */
function requestLines(ts: TestServer): RequestLogLine[] {
  return ts.logs.filter((line) => line.level === 'info' && line.text.startsWith('{')).map((line) => JSON.parse(line.text) as RequestLogLine);
}

/**
 * Sends `head` (the request line and headers, Content-Length promising more) and `body`, the first part of the
 * body, on a socket of its own, then closes the socket once `ready` holds.
 */
async function sendPart(ts: TestServer, head: string, body: Buffer, ready: () => boolean = () => true): Promise<void> {
  const url = new URL(ts.server.url);
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  await new Promise<void>((resolve, reject) => socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]), (error) => (error ? reject(error) : resolve())));
  await expect.poll(ready, { timeout: 10_000, interval: 10 }).toBe(true);
  socket.destroy();
}

/** Resolves with the request log line of the one `method path` request once it is answered. */
async function loggedAnswer(ts: TestServer, method: string, path: string): Promise<RequestLogLine> {
  const of = () => requestLines(ts).filter((line) => line.method === method && line.path === path);
  await expect.poll(() => of().length, { timeout: 10_000, interval: 10 }).toBe(1);
  return of()[0] as RequestLogLine;
}

describe('a request body its client stops sending', () => {
  let ts: TestServer;
  let auth: string;
  beforeAll(async () => {
    ts = await startTestServer();
    auth = await userAuth(ts, 'leaver');
  });
  afterAll(() => ts.cleanup());
  const attachments = () => join(ts.dir, 'attachments');

  it('an upload cut halfway is the client’s 400, not a storage outage, and leaves no partial file', async () => {
    const boundary = 'AbortedBoundary7f3c';
    const part = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="act.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    // More than the bytes the type is decided from, so the file is being written when the client goes.
    const head = [
      'POST /api/v1/attachments HTTP/1.1',
      `Host: ${new URL(ts.server.url).host}`,
      `Authorization: ${auth}`,
      `Content-Type: multipart/form-data; boundary=${boundary}`,
      'Content-Length: 100000',
      '',
      '',
    ].join('\r\n');
    const written = () => readdirSync(attachments()).some((name) => name.endsWith('.part') && statSync(join(attachments(), name), { throwIfNoEntry: false })?.size !== 0);
    await sendPart(ts, head, Buffer.concat([part, pdfFile(20_000).subarray(0, 12_000)]), written);

    const line = await loggedAnswer(ts, 'POST', '/api/v1/attachments');
    expect(line.status).toBe(400);
    expect(ts.logs.filter((log) => log.level === 'error'), 'nothing on the error log').toEqual([]);
    expect(ts.logs.some((log) => log.text.includes('storage unavailable'))).toBe(false);
    // The temporary file is removed before the answer is written.
    expect(readdirSync(attachments())).toEqual([FOLDER_OWNER_FILE]);
    expect(tableCounts(ts.dbPath).attachments).toBe(0);
  });

  it('the same cut on a JSON route is a 400 too', async () => {
    const head = [
      'POST /api/v1/tickets HTTP/1.1',
      `Host: ${new URL(ts.server.url).host}`,
      `Authorization: ${auth}`,
      'Content-Type: application/json',
      `Idempotency-Key: ${newKey()}`,
      'Content-Length: 100000',
      '',
      '',
    ].join('\r\n');
    const before = ts.logs.length;
    await sendPart(ts, head, Buffer.from('{"category":"other","subject":"Не открывается'));
    expect((await loggedAnswer(ts, 'POST', '/api/v1/tickets')).status).toBe(400);
    expect(ts.logs.slice(before).filter((log) => log.level === 'error')).toEqual([]);
    expect(tableCounts(ts.dbPath).tickets).toBe(0);
  });
});

describe.skipIf(TEST_ENGINE !== 'sqlite')('a database connection that drops', () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-app-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is still an outage: the socket error node-postgres passes on (ECONNRESET, EPIPE) answers 503', async () => {
    for (const code of ['ECONNRESET', 'EPIPE']) {
      const db = openDatabase(':memory:', 0);
      migrate(db, new Date());
      const errors: unknown[][] = [];
      const logger: Logger = { info: () => undefined, warn: () => undefined, error: (...args: unknown[]) => void errors.push(args) };
      const store = createSqliteStorage(db, logger, { eventsPollMs: 1000 });
      store.tickets.page = () => {
        throw Object.assign(new Error(`read ${code}`), { code, syscall: 'read' });
      };
      const { config } = loadConfig({}, { tokenSecret: 'x'.repeat(40), agentToken: 'agent-token-0123456789', attachmentsDir: join(dir, 'files') });
      const app = createApp(
        { config, store, clock: () => new Date(), broker: createBroker(), files: createFileStorage(config.attachmentsDir), logger, guards: createGuards(config.guard, () => new Date(), store.counters) },
        { allowedOrigins: new Set() },
      );
      const response = await app.request('/api/v1/tickets', { headers: { authorization: `Guest ${'k'.repeat(43)}` } });
      expect(response.status, code).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(apiErrorSchema.parse(await response.json()).error.code).toBe('unavailable');
      expect(errors).toHaveLength(1);
      db.close();
    }
  });
});
