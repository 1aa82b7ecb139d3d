/** Dev mode gives any caller any user's tickets: it never opens a database that has served outside it. */
import { afterAll, describe, expect, it } from 'vitest';
import { call, startTestServer } from './helpers';
import type { TestServer } from './helpers';

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.cleanup().catch(() => undefined);
});

/** The same store as `ts` (its folder and, on PostgreSQL, its database), in dev mode or not. */
const reopen = (ts: TestServer, dev: boolean) =>
  startTestServer({ dir: ts.dir, config: { dev, ...(ts.dbPath.startsWith('postgres') ? { databaseUrl: ts.dbPath } : {}) } });

describe('dev mode and a database that served for real', () => {
  it('a demo database opens again in dev mode, and outside it; after that, never in dev mode', async () => {
    const demo = await startTestServer({ config: { dev: true } });
    servers.push(demo);
    await demo.close();
    const againInDev = await reopen(demo, true);
    expect((await call(againInDev, 'GET', '/meta')).status).toBe(200);
    // The document a server serves names the dev-only routes only where they answer.
    const devPaths = async (ts: TestServer) => Object.keys(((await call(ts, 'GET', '/openapi.json')).body as { paths: object }).paths).filter((path) => path.startsWith('/dev/'));
    expect(await devPaths(againInDev)).toEqual(['/dev/token', '/dev/agent-token']);
    await againInDev.close();
    // Served for real once:
    const real = await reopen(demo, false);
    expect((await call(real, 'GET', '/meta')).status).toBe(200);
    expect(await devPaths(real)).toEqual([]);
    expect((await call(real, 'POST', '/dev/token', { json: {} })).status).toBe(404);
    await real.close();
    await expect(reopen(demo, true)).rejects.toThrow(/SUPPORT_DEV=1 cannot open .*: it has served outside dev mode since \d{4}-\d{2}-\d{2}T.*Give the demo a database of its own/);
    const stillReal = await reopen(demo, false);
    servers.push(stillReal);
    expect((await call(stillReal, 'GET', '/meta')).status).toBe(200);
  });
});
