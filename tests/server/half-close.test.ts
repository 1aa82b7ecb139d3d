/**
 * A client that half-closes its connection once its request is sent (`printf … | nc -N`, some proxies' checks) still
 * gets its answer; one that stops in the middle of its body is still cut off with nothing stored.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketListSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { call, newKey, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

/** Sends `request` and half-closes at once; resolves with everything the server wrote before it closed. */
function sendAndHalfClose(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('a client that half-closes after its request', () => {
  let ts: TestServer;
  let port: number;
  beforeAll(async () => {
    ts = await startTestServer();
    port = Number(new URL(ts.server.url).port);
  });
  afterAll(() => ts.cleanup());

  it('gets the answer of a request still being made when it closed its side: its ticket, 201', async () => {
    const auth = await userAuth(ts, 'half-close');
    const body = JSON.stringify({ ...validDrafts.other, subject: 'Отправлено и закрыто' });
    const head = [`POST /api/v1/tickets HTTP/1.1`, 'Host: x', `Authorization: ${auth}`, `Idempotency-Key: ${newKey()}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`];
    const answer = await sendAndHalfClose(port, `${head.join('\r\n')}\r\n\r\n${body}`);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 201 Created');
    expect(answer).toContain('Отправлено и закрыто');
    const listed = ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth })).body).tickets;
    expect(listed.map((ticket) => ticket.subject)).toEqual(['Отправлено и закрыто']);
  });

  it('is still cut off, with nothing stored, when it closes in the middle of its body', async () => {
    const auth = await userAuth(ts, 'half-close-cut');
    const body = JSON.stringify(validDrafts.other);
    const head = [`POST /api/v1/tickets HTTP/1.1`, 'Host: x', `Authorization: ${auth}`, `Idempotency-Key: ${newKey()}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body) + 100}`];
    const answer = await sendAndHalfClose(port, `${head.join('\r\n')}\r\n\r\n${body}`);
    expect(answer).not.toMatch(/^HTTP\/1\.1 (2|5)\d\d/);
    expect(ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth })).body).tickets).toEqual([]);
  });
});
