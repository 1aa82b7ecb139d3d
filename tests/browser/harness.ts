/**
 * The browser suite's harness: the real Support API in dev mode (temp SQLite, demo and widget routes on), a
 * stand-in LMS on another origin, the shared Chromium, and pages that record console errors, page errors and
 * CSP / Trusted Types violations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { inject } from 'vitest';
import { DEV_AGENT_TOKEN, DEV_TOKEN_SECRET, signReporterToken, startServer } from '../../src/server';
import type { ConfigOverrides, ReporterProfile, RunningServer } from '../../src/server';
import { ensureWidgetBuilt, WIDGET_DIR } from './build';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { startHostServer } from './host-server';
import type { HostServer } from './host-server';
import { waitUntil } from './page-checks';
import type { TrackedPage } from './page-checks';

export { expectClean, violations, visible, waitUntil } from './page-checks';
export type { TrackedPage, Violation } from './page-checks';
export { fillBasics, launcher, panel, PASTE_PNG, send } from './widget-actions';

/** Everything a browser test file needs. */
export interface Harness {
  server: RunningServer;
  /** `http://127.0.0.1:<port>/api/v1`. */
  apiUrl: string;
  /** `http://127.0.0.1:<port>/widget/loader.js`. */
  loaderUrl: string;
  host: HostServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The shared browser of the run, or a browser of this file's own when the global setup did not run. */
async function connectBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumWsEndpoint');
  if (endpoint !== undefined) return chromium.connect(endpoint);
  await ensureWidgetBuilt();
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** Starts the host, the API server (allowing the host's origin) and connects to Chromium. */
export async function startHarness(options: { config?: ConfigOverrides } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'support-browser-'));
  const host = await startHostServer();
  const quiet = () => undefined;
  const server = await startServer({
    env: {},
    logger: { info: quiet, warn: quiet, error: (...args: unknown[]) => console.error('[server]', ...args) },
    config: {
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dir, 'support.sqlite'),
      attachmentsDir: join(dir, 'attachments'),
      dev: true,
      rateLimitPerMinute: 100_000,
      agentRateLimitPerMinute: 100_000,
      allowedOrigins: [host.origin],
      ...options.config,
    },
    demo: { widgetDir: WIDGET_DIR, pagesDir: join(import.meta.dirname, '../../public/demo') },
  });
  const browser = await connectBrowser();
  return {
    server,
    apiUrl: `${server.url}/api/v1`,
    loaderUrl: `${server.url}/widget/loader.js`,
    host,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Runs in every page before its own scripts: records CSP and Trusted Types violations.
const RECORD_VIOLATIONS = () => {
  const list: unknown[] = [];
  Object.defineProperty(window, '__violations', { value: list });
  window.addEventListener(
    'securitypolicyviolation',
    (event) => list.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample, sourceFile: event.sourceFile }),
    true,
  );
};

/** A new context (its own storage) and page, recording errors and violations. */
export async function openPage(h: Harness, url?: string): Promise<TrackedPage> {
  const context = await h.browser.newContext({ locale: 'ru-RU', timezoneId: 'Asia/Yekaterinburg', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(RECORD_VIOLATIONS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  if (url !== undefined) await page.goto(url);
  return { page, context, errors };
}

/**
 * A script that keeps the page's parser waiting until `release()`, and a way to know the widget bundle has
 * arrived meanwhile: every /widget/ request finished and none started for a while.
 */
export function holdParser(h: Harness, path: string): { url: string; release(): void; bundleArrived(tracked: TrackedPage): Promise<void> } {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const url = h.host.serve(path, { body: 'window.__parserReleased = true;', contentType: 'text/javascript', until: held });
  return {
    url,
    release: () => release(),
    async bundleArrived(tracked) {
      let pending = 0;
      let chunks = 0;
      let last = Date.now();
      const widget = (url: string) => new URL(url).pathname.startsWith('/widget/chunks/');
      tracked.page.on('request', (request) => {
        if (!widget(request.url())) return;
        pending++;
        chunks++;
        last = Date.now();
      });
      const settle = (request: { url(): string }) => {
        if (!widget(request.url())) return;
        pending--;
        last = Date.now();
      };
      tracked.page.on('requestfinished', settle);
      tracked.page.on('requestfailed', settle);
      await waitUntil(tracked, 'the widget bundle while the parser waits', async () => chunks > 0 && pending === 0 && Date.now() - last > 400, 15_000);
    },
  };
}

/** JSON for an inline script: `<` escaped so no value can close the script element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The README's embed snippet: the queue stub with `calls` (each `[command, ...args]`), then the async loader. */
export function snippet(h: Harness, calls: unknown[][], options: { nonce?: string; extra?: string } = {}): string {
  const nonce = options.nonce === undefined ? '' : ` nonce="${options.nonce}"`;
  const queued = calls.map((call) => `UchiSupport(${call.map(scriptJson).join(', ')});`).join('\n');
  return `<script${nonce}>window.UchiSupport=window.UchiSupport||function(){(UchiSupport.q=UchiSupport.q||[]).push(arguments)};
${queued}${options.extra ?? ''}</script>
<script${nonce} async src="${h.loaderUrl}"></script>`;
}

/** A minimal LMS-like page around `head` and `body`. */
export function hostPage(head: string, body = '<main><h1>Курс</h1><p>Текст урока.</p></main>'): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>LMS</title>${head}</head><body>${body}</body></html>`;
}

/** A demo user's signed token, as the LMS backend would sign it (dev secret). */
export function reporterToken(profile: Partial<ReporterProfile> = {}): Promise<string> {
  const claims: ReporterProfile = {
    sub: 'user-1',
    name: 'Иванова Анна Сергеевна',
    role: 'listener',
    org: { id: 'org-1', title: 'ООО «Учебный центр»' },
    lms: 'https://lms.example.ru',
    phone: '+7 912 345-67-89',
    email: 'ivanova@example.ru',
    ...profile,
  };
  return signReporterToken(claims, DEV_TOKEN_SECRET, '1h', new Date());
}

/** Calls the agent API with the dev agent token. */
export async function agent<T>(h: Harness, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${h.apiUrl}/agent${path}`, {
    method,
    headers: { authorization: `Bearer ${DEV_AGENT_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`agent ${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The agent's tickets with `subject`, in full: the agent list carries summaries, each ticket is read by id. */
export async function agentTicketsWithSubject<T>(h: Harness, subject: string): Promise<T[]> {
  const { tickets } = await agent<{ tickets: Array<{ id: string; subject: string }> }>(h, 'GET', '/tickets?limit=100');
  const matching = tickets.filter((ticket) => ticket.subject === subject);
  return Promise.all(matching.map((ticket) => agent<T>(h, 'GET', `/tickets/${ticket.id}`)));
}
