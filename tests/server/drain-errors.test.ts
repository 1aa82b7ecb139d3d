/**
 * A stop's drain and grace do not turn a client's own mistakes into the server's: a malformed body sent while the
 * server drains is still the client's 400, not a 503 that tells it to send the same again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { call, expectError, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

describe('a client’s mistake while the server stops', () => {
  let ts: TestServer | undefined;
  afterAll(() => ts?.cleanup());

  it('is its 400 during the drain', async () => {
    ts = await startTestServer({ config: { shutdownDrainMs: 3_000 } });
    const auth = await userAuth(ts, 'drain-mistake');
    const stopping = ts.server.close();
    await expect.poll(async () => (await fetch(`${ts?.server.url}/readyz`)).status, { timeout: 5_000, interval: 20 }).toBe(503);
    const reply = await call(ts, 'POST', '/tickets', { auth, body: '{"category": ', headers: { 'content-type': 'application/json', 'idempotency-key': 'drain-mistake-0001' } });
    expectError(reply, 400, 'bad_request');
    await stopping;
  });
});
