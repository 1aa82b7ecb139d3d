/** Production mode serves the widget build only when asked (SUPPORT_SERVE_WIDGET=1), with CDN-like caching. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server';
import type { RunningServer } from '../../src/server';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const SECRET = 'prod-widget-test-secret-0123456789-abcdef';

describe('production mode and the widget build', () => {
  let dir: string;
  const servers: RunningServer[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'support-serve-widget-'));
    const widgetDir = join(dir, 'widget');
    mkdirSync(join(widgetDir, 'chunks'), { recursive: true });
    mkdirSync(join(dir, 'pages'), { recursive: true });
    writeFileSync(join(widgetDir, 'loader.js'), '/* loader */');
    writeFileSync(join(widgetDir, 'element.js'), '/* element */');
    writeFileSync(join(widgetDir, 'chunks/widget-AbC123xy.js'), '/* chunk */');
    writeFileSync(join(dir, 'pages/support.html'), '<!doctype html><title>demo</title>');
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(name: string, env: Record<string, string>): Promise<RunningServer> {
    const server = await startServer({
      env: { SUPPORT_TOKEN_SECRET: SECRET, SUPPORT_LOG: 'off', ...env },
      logger: quiet,
      config: { port: 0, host: '127.0.0.1', dbPath: join(dir, name, 'db.sqlite') },
      demo: { widgetDir: join(dir, 'widget'), pagesDir: join(dir, 'pages') },
    });
    servers.push(server);
    return server;
  }

  it('SUPPORT_SERVE_WIDGET=1: entries cached for minutes, hashed chunks for a year, ETag revalidation', async () => {
    const server = await start('on', { SUPPORT_SERVE_WIDGET: '1' });
    for (const entry of ['loader.js', 'element.js']) {
      const res = await fetch(`${server.url}/widget/${entry}`);
      expect(res.status, entry).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300');
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const etag = res.headers.get('etag') ?? '';
      expect(etag).not.toBe('');
      expect((await fetch(`${server.url}/widget/${entry}`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
    const chunk = await fetch(`${server.url}/widget/chunks/widget-AbC123xy.js`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await chunk.text()).toBe('/* chunk */');
    // Only the widget: production mode has no demo pages.
    expect((await fetch(`${server.url}/support`)).status).toBe(404);
    expect((await fetch(`${server.url}/widget/../pages/support.html`)).status).toBe(404);
  });

  it('without it, production mode serves no widget files', async () => {
    const server = await start('off', {});
    expect((await fetch(`${server.url}/widget/loader.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/widget/chunks/widget-AbC123xy.js`)).status).toBe(404);
  });

  it('a value other than on/off stops the start', async () => {
    await expect(start('bad', { SUPPORT_SERVE_WIDGET: 'maybe' })).rejects.toThrow(/SUPPORT_SERVE_WIDGET must be 1 or 0/);
  });
});
