/** Dev mode's static routes: the widget build at /widget/ and the demo LMS pages, served safely. */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/core';
import { DEMO_PATHS, startServer } from '../../src/server';
import type { RunningServer } from '../../src/server';

const SECRET = 'TOP-SECRET-CONTENT';

/** A raw request: the path goes out exactly as written (fetch would resolve `..` before sending). */
function raw(server: RunningServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A fake build and demo folder, with a secret next to them and a symlink pointing at it. */
function fixtures(dir: string) {
  const widgetDir = join(dir, 'widget');
  const pagesDir = join(dir, 'pages');
  mkdirSync(join(widgetDir, 'chunks'), { recursive: true });
  mkdirSync(join(widgetDir, '.vite'), { recursive: true });
  mkdirSync(pagesDir, { recursive: true });
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'secret.js'), SECRET);
  writeFileSync(join(widgetDir, 'loader.js'), '/* loader */');
  writeFileSync(join(widgetDir, 'element.js'), '/* element */');
  writeFileSync(join(widgetDir, 'chunks/widget-AbC123xy.js'), '/* chunk */');
  writeFileSync(join(widgetDir, 'chunks/data.bin'), 'binary');
  writeFileSync(join(widgetDir, '.vite/manifest.json'), '{}');
  symlinkSync(join(dir, 'secret.js'), join(widgetDir, 'link.js'));
  writeFileSync(join(pagesDir, 'course.html'), '<!doctype html><script src="/demo.js"></script><script>UchiSupport("init", {})</script><script async src="/widget/loader.js"></script>');
  writeFileSync(join(pagesDir, 'lesson.html'), '<!doctype html><title>lesson</title>');
  writeFileSync(join(pagesDir, 'order.html'), '<!doctype html><title>order</title>');
  writeFileSync(join(pagesDir, 'demo.js'), '/* demo */');
  writeFileSync(join(pagesDir, 'demo.css'), 'body{}');
  return { widgetDir, pagesDir };
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('dev mode: the widget build and the demo pages', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'support-demo-'));
    server = await startServer({
      env: {},
      logger: quiet,
      config: { port: 0, host: '127.0.0.1', dbPath: join(dir, 'db.sqlite'), dev: true, allowedOrigins: [] },
      demo: fixtures(dir),
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves loader.js and element.js as JavaScript to revalidate, hashed chunks as immutable, to any site', async () => {
    for (const path of ['/widget/loader.js', '/widget/element.js']) {
      const reply = await raw(server, path, { origin: 'https://lms.example.ru' });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(reply.headers['cache-control']).toBe('no-cache');
      expect(reply.headers['access-control-allow-origin']).toBe('*');
      expect(reply.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
    const chunk = await raw(server, '/widget/chunks/widget-AbC123xy.js');
    expect(chunk.status).toBe(200);
    expect(chunk.body).toBe('/* chunk */');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = String(chunk.headers['etag']);
    const again = await raw(server, '/widget/chunks/widget-AbC123xy.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('refuses traversal, encoded separators, dotfiles, symlinks out of the folder and unknown types with 404', async () => {
    const attempts = [
      '/widget/../secret.txt',
      '/widget/%2e%2e/secret.txt',
      '/widget/..%2fsecret.txt',
      '/widget/%2e%2e%2fsecret.js',
      '/widget/chunks/..%2f..%2f..%2fsecret.js',
      '/widget/chunks/..%5c..%5csecret.js',
      '/widget/.vite/manifest.json',
      '/widget/%2evite/manifest.json',
      '/widget/link.js',
      '/widget/loader.js%00.txt',
      '/widget/chunks/data.bin',
      '/widget/',
      '/widget/chunks/',
      '/widget/chunks//widget-AbC123xy.js',
      '/widget/%E0%A4%A',
      '/..%2fsecret.js',
      '/%2e%2e/secret.js',
      '/demo.js/..%2f..%2fsecret.js',
      '/etc/passwd',
    ];
    for (const path of attempts) {
      const reply = await raw(server, path);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain(SECRET);
      expect(apiErrorSchema.safeParse(JSON.parse(reply.body)).success, path).toBe(true);
    }
  });

  it('serves each demo page at its LMS path with a fresh nonce on every script and a strict CSP naming it', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const reply = await raw(server, DEMO_PATHS.course);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['cache-control']).toBe('no-store');
      const csp = String(reply.headers['content-security-policy']);
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      for (const directive of ["object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'"]) expect(csp).toContain(directive);
      const scripts = reply.body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts).toHaveLength(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.add(nonce ?? '');
    }
    expect(nonces.size).toBe(2);
    expect((await raw(server, DEMO_PATHS.lesson)).body).toContain('<title>lesson</title>');
    expect((await raw(server, DEMO_PATHS.order)).body).toContain('<title>order</title>');
    expect((await raw(server, '/orders/not%2Fan-id')).status).toBe(404);
    const asset = await raw(server, '/demo.css');
    expect(asset.headers['content-type']).toBe('text/css; charset=utf-8');
    const home = await raw(server, '/');
    expect(home.status).toBe(302);
    expect(home.headers['location']).toBe(DEMO_PATHS.courses);
  });

  it('leaves the API as it is: its 404s, its CORS, and the dev agent token for the operator page', async () => {
    const missing = await raw(server, '/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'not_found' } });
    const meta = await raw(server, '/api/v1/meta', { origin: server.url });
    expect(meta.status).toBe(200);
    expect(meta.headers['access-control-allow-origin']).toBe(server.url);
    expect(meta.headers['cross-origin-resource-policy']).toBe('same-site');
    const agent = await raw(server, '/api/v1/dev/agent-token');
    expect(JSON.parse(agent.body)).toEqual({ token: 'dev-agent-token' });
  });
});

describe('outside dev mode', () => {
  it('has no widget, demo or dev routes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'support-demo-'));
    const server = await startServer({
      env: {},
      logger: quiet,
      config: { port: 0, host: '127.0.0.1', dbPath: join(dir, 'db.sqlite'), dev: false, tokenSecret: 'x'.repeat(40), allowedOrigins: [] },
      demo: fixtures(dir),
    });
    try {
      for (const path of ['/widget/loader.js', DEMO_PATHS.course, '/demo.js', '/api/v1/dev/agent-token']) {
        expect((await raw(server, path)).status, path).toBe(404);
      }
      expect((await raw(server, '/')).status).toBe(404);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
