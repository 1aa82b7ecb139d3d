// The benchmark's fixtures: the widget build, the reference server in this process (temp SQLite, dev mode for
// the /widget/ route), a stand-in LMS host on another origin, and reporter tokens. The TypeScript sources and
// the browser suite's helpers are loaded through tsx, so this stays a plain `node` script.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const load = (path) => tsImport(join(ROOT, path), import.meta.url);

/** The agent token of the bench server. */
export const AGENT_TOKEN = 'bench-agent-token-0123456789';
const SECRET = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

/** Builds dist/widget when it is missing or older than the sources (as the browser suite does). */
export async function ensureBuilt() {
  const { ensureWidgetBuilt } = await load('tests/browser/build.ts');
  return ensureWidgetBuilt();
}

/** Chromium's path and flags, shared with the browser suite. */
export async function chromiumLaunchOptions() {
  const { CHROMIUM_ARGS, chromiumPath } = await load('tests/browser/chromium.ts');
  return { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true };
}

/**
 * Starts the host and the API server on 127.0.0.1; `close()` stops both and removes the temp folder. `widgetDir`
 * serves another build of the widget (a copy of dist/widget) to compare builds side by side.
 */
export async function startBenchServers({ widgetDir } = {}) {
  const [{ startServer, signReporterToken }, { startHostServer }, { WIDGET_DIR }] = await Promise.all([
    load('src/server/index.ts'),
    load('tests/browser/host-server.ts'),
    load('tests/browser/build.ts'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'support-bench-'));
  const host = await startHostServer();
  const quiet = () => undefined;
  const server = await startServer({
    env: {},
    logger: { info: quiet, warn: quiet, error: (...args) => console.error('[server]', ...args) },
    config: {
      port: 0,
      host: '127.0.0.1',
      dbPath: join(dir, 'support.sqlite'),
      attachmentsDir: join(dir, 'attachments'),
      tokenSecret: SECRET,
      agentToken: AGENT_TOKEN,
      dev: true,
      rateLimitPerMinute: 1_000_000_000,
      // The throughput rows send thousands of tickets per reporter: no hourly quota of sends.
      guard: { sendsPerUserHour: 1_000_000_000, guestSendsPerIpHour: 1_000_000_000 },
      allowedOrigins: [host.origin],
    },
    demo: { widgetDir: widgetDir ?? WIDGET_DIR, pagesDir: join(ROOT, 'public/demo') },
  });
  const apiUrl = `${server.url}/api/v1`;
  return {
    apiUrl,
    loaderUrl: `${server.url}/widget/loader.js`,
    widgetOrigin: server.url,
    host,
    /** A reporter token for user `sub`. */
    token: (sub) =>
      signReporterToken(
        { sub, name: `Пользователь ${sub}`, role: 'listener', org: { id: 'org-1', title: 'ООО «Учебный центр»' }, lms: 'https://lms.example.ru', phone: '+7 912 345-67-89' },
        SECRET,
        '2h',
      ),
    async close() {
      await server.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid ticket draft (the browser info of a desktop Chrome). */
export function benchDraft(subject) {
  return {
    category: 'other',
    subject,
    description: 'Не открывается итоговый тест: после нажатия «Начать» страница остаётся пустой.',
    impact: 'blocks_me',
    attachmentIds: [],
    browser: {
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      browser: { name: 'Chrome', version: '131.0.0.0' },
      os: { name: 'Windows', version: '10' },
      mobile: false,
      language: 'ru-RU',
      languages: ['ru-RU', 'en'],
      timeZone: 'Europe/Moscow',
      viewport: { width: 1280, height: 800 },
      screen: { width: 1920, height: 1080 },
      pixelRatio: 1,
    },
  };
}

/** The README's embed snippet around `init` options, in a minimal LMS-like page (or the page alone). */
export function hostPage(loaderUrl, initOptions) {
  const snippet =
    initOptions === null
      ? ''
      : `<script>window.UchiSupport=window.UchiSupport||function(){(UchiSupport.q=UchiSupport.q||[]).push(arguments)};
UchiSupport('init', ${JSON.stringify(initOptions).replace(/</g, '\\u003c')});</script>
<script async src="${loaderUrl}"></script>`;
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>LMS</title>${snippet}</head><body><main><h1>Курс</h1><p>Текст урока.</p></main></body></html>`;
}
