/**
 * A download is read from disk as the client takes it: a client that asks for a file and reads nothing holds one
 * buffer of it on the server, not the whole file, and leaves no open file behind when it goes. Ten such
 * downloads of a 10 MB file used to hold 100 MB of the server's memory each minute they lasted.
 *
 * The server runs in this process, so the test reads how far the server has read the stored file from the
 * process's own open files (/proc/self/fdinfo: Linux).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attachmentSchema } from '../../src/core';
import { call, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pdfFile } from './images';

const SIZE = 9 * 1024 * 1024;

/** How far this process has read each open file under `folder`, by path. */
function readPositions(folder: string): Map<string, number> {
  const positions = new Map<string, number>();
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue;
    }
    if (!target.startsWith(folder)) continue;
    const info = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8');
    positions.set(target, Number(/^pos:\s+(\d+)/mu.exec(info)?.[1] ?? '0'));
  }
  return positions;
}

describe.runIf(process.platform === 'linux')('downloading a file', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.cleanup());

  it('reads the file as the client takes it, and closes it when the client goes', async () => {
    const auth = await userAuth(ts, 'downloader');
    const uploaded = await call(ts, 'POST', '/attachments', { auth, body: fileForm(pdfFile(SIZE), 'Акт.pdf', 'application/pdf') });
    expect(uploaded.status, uploaded.text).toBe(201);
    const { id } = attachmentSchema.parse(uploaded.body);
    const folder = join(ts.dir, 'attachments');

    // A client that sends the request and then reads nothing.
    const { port } = new URL(ts.api);
    const socket = connect(Number(port), '127.0.0.1');
    socket.pause();
    try {
      socket.write(`GET /api/v1/attachments/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${auth}\r\n\r\n`);
      // The server has the file open and has read some of it...
      await vi.waitFor(() => expect([...readPositions(folder).values()].some((position) => position > 0)).toBe(true), { timeout: 10_000, interval: 50 });
      // ...and, with the client reading nothing, it stops there: the socket's buffers take a little, not the file.
      let settled = -1;
      await vi.waitFor(
        () => {
          const now = Math.max(...readPositions(folder).values());
          const same = now === settled;
          settled = now;
          expect(same).toBe(true);
        },
        { timeout: 10_000, interval: 300 },
      );
      expect(settled).toBeLessThan(SIZE / 2);
    } finally {
      socket.destroy();
    }
    // The client went: the file is closed.
    await vi.waitFor(() => expect(readPositions(folder).size).toBe(0), { timeout: 10_000, interval: 50 });

    // A HEAD request opens the file for its size and closes it: it sends no body.
    const head = await fetch(`${ts.api}/attachments/${id}`, { method: 'HEAD', headers: { authorization: auth } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(SIZE));
    await vi.waitFor(() => expect(readPositions(folder).size).toBe(0), { timeout: 10_000, interval: 50 });

    // A client that reads gets the whole file.
    const whole = await fetch(`${ts.api}/attachments/${id}`, { headers: { authorization: auth } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe(String(SIZE));
    expect((await whole.arrayBuffer()).byteLength).toBe(SIZE);
    await vi.waitFor(() => expect(readPositions(folder).size).toBe(0), { timeout: 10_000, interval: 50 });
  });
});
