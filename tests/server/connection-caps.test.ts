/** The connection caps: a connection over them gets the error shape at once, and the log says a cap is hit. */
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/core';
import { guardConnections } from '../../src/server/guard/connections';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';
import { call, startTestServer } from './helpers';
import type { TestServer } from './helpers';

/** Opens a connection and resolves once it is established (nothing sent). */
function open(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends a GET on a new connection and reads everything the server writes until it closes. */
function rawGet(url: URL, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('close', () => resolve(text));
    socket.once('error', (error) => (text === '' ? reject(error) : resolve(text)));
  });
}

describe('the connection caps', () => {
  let ts: TestServer;
  let url: URL;
  const held: Socket[] = [];
  beforeAll(async () => {
    ts = await startTestServer({ config: { guard: { ...DEFAULT_GUARD_LIMITS, maxConnectionsPerIp: 3 } } });
    url = new URL(ts.server.url);
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await ts.cleanup();
  });

  it('answer a connection over the per-address cap with a JSON 503 and Retry-After, and say so on the log once', async () => {
    for (let i = 0; i < 3; i++) held.push(await open(url));
    const refusals = [await rawGet(url, '/api/v1/meta'), await rawGet(url, '/api/v1/meta')];
    for (const answer of refusals) {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 503 /);
      expect(head).toMatch(/\r\nRetry-After: 5\r\n/);
      expect(head).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
      expect(apiErrorSchema.parse(JSON.parse(body)).error.code).toBe('unavailable');
    }
    const lines = ts.logs.filter((line) => line.level === 'warn' && line.text.includes('refusing connections'));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text).toContain('holds SUPPORT_MAX_CONNECTIONS_PER_IP (3)');

    // Connections given back, the address is served again.
    for (const socket of held.splice(0)) socket.destroy();
    await expect.poll(async () => (await call(ts, 'GET', '/meta').catch(() => ({ status: 0 }))).status, { timeout: 10_000 }).toBe(200);
  });
});

describe('the per-IP cap for IPv6 clients', () => {
  /** A socket as the server's `connection` event gives it: its address, what is written to it, whether it was refused. */
  class FakeSocket extends EventEmitter {
    written = '';
    destroyed = false;
    constructor(readonly remoteAddress: string) {
      super();
    }
    end(text?: string) {
      this.written += text ?? '';
    }
    destroySoon() {}
    setTimeout() {}
    destroy() {
      this.destroyed = true;
    }
  }

  it('counts the addresses of one /64 together, as the per-IP quotas do, and other networks apart', () => {
    const server = new EventEmitter() as unknown as Server;
    guardConnections(server, { ...DEFAULT_GUARD_LIMITS, maxConnectionsPerIp: 2 });
    const connect = (address: string) => {
      const socket = new FakeSocket(address);
      server.emit('connection', socket);
      return socket;
    };
    // One host taking a fresh address of its network for each connection.
    expect(connect('2001:db8:1:2::a').written).toBe('');
    expect(connect('2001:db8:1:2:ffff::b').written).toBe('');
    expect(connect('2001:db8:1:2::c').written).toMatch(/^HTTP\/1\.1 503 /u);
    // Another /64 has its own count; a connection that closes frees its place.
    const other = connect('2001:db8:1:3::a');
    expect(other.written).toBe('');
    other.emit('close');
    expect(connect('2001:db8:1:3::b').written).toBe('');
  });
});
