/**
 * Dev-only (SUPPORT_DEV=1) static routes, outside `/api/v1`: the built widget at `/widget/` (as a CDN would
 * serve it) and a small demo LMS from `public/demo/` at `/`, its pages at the LMS's own paths so the widget's
 * link pre-fill works. Every demo page gets a fresh script nonce and a strict CSP with Trusted Types.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context';
import { ApiFailure } from '../errors';
import { isNotModified, resolveStaticFile } from '../http/static-files';
import type { StaticFile } from '../http/static-files';
import { projectRoot } from '../project-root';

/** Where the demo's files come from. */
export interface DemoDirs {
  /** The widget build (`dist/widget`: loader.js, element.js, chunks/). */
  widgetDir: string;
  /** The demo LMS pages and their scripts (`public/demo`). */
  pagesDir: string;
}

/** The repository's `dist/widget` and `public/demo`. */
export function defaultDemoDirs(): DemoDirs {
  return {
    widgetDir: join(projectRoot(), 'dist', 'widget'),
    pagesDir: join(projectRoot(), 'public', 'demo'),
  };
}

/** The ids the demo's links use (any id of the LMS's shape opens the same page). */
export const DEMO_IDS = {
  course: '7f3c9a1e-5b2d-4c8e-9a61-2f0d3b4c5e6f',
  lesson: '12',
  order: 'c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
} as const;

/** The demo pages' paths, for the start-up banner and the tests. */
export const DEMO_PATHS = {
  courses: '/courses/',
  course: `/courses/${DEMO_IDS.course}`,
  lesson: `/courses/${DEMO_IDS.course}/lessons/${DEMO_IDS.lesson}`,
  order: `/orders/${DEMO_IDS.order}`,
  support: '/support',
  operator: '/operator',
  privacy: '/privacy',
} as const;

const ID = '[0-9A-Za-z][0-9A-Za-z_-]{0,63}';
/** LMS-shaped paths and the page each one shows. */
const PAGES: ReadonlyArray<[RegExp, string]> = [
  [/^\/courses\/?$/, 'courses.html'],
  [new RegExp(`^/courses/${ID}/?$`), 'course.html'],
  [new RegExp(`^/courses/${ID}/lessons/${ID}/?$`), 'lesson.html'],
  [new RegExp(`^/orders/${ID}/?$`), 'order.html'],
  [/^\/support\/?$/, 'support.html'],
  [/^\/operator\/?$/, 'operator.html'],
  [/^\/privacy\/?$/, 'privacy.html'],
];

/** A year: hashed chunk names change with their content, so a cached chunk is never stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The CSP of a demo page: only nonced scripts (and what they load), no plugins, no base, Trusted Types on. */
export function demoPageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/**
 * Cache of the stable entry files in production: a few minutes, so a deploy reaches every page soon (old
 * chunks are still asked for meanwhile: keep the previous build's `chunks/` next to the new one).
 */
export const ENTRY_CACHE_PRODUCTION = 'public, max-age=300';

/**
 * The built widget at `/widget/` as a CDN would serve it: hashed `chunks/*` cached for a year, the stable
 * entries (`loader.js`, `element.js`) with `entryCacheControl`, each with an ETag for revalidation.
 */
export function widgetRoutes(widgetDir: string, entryCacheControl: string) {
  return new Hono<AppEnv>().get('/widget/*', (c) => {
    const file = resolveStaticFile(widgetDir, c.req.path.slice('/widget/'.length));
    if (file === null) {
      if (!existsSync(widgetDir)) throw new ApiFailure(404, 'not_found', { ru: 'Виджет не собран: выполните npm run build.', en: 'The widget is not built: run npm run build.' });
      return c.notFound();
    }
    const cacheControl = c.req.path.startsWith('/widget/chunks/') ? IMMUTABLE : entryCacheControl;
    // Loaded by other sites' pages: a classic script (CORP) and module chunks via import() (CORS).
    return sendFile(c, file, {
      'Cache-Control': cacheControl,
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });
}

/** The dev routes; the app mounts them only in dev mode, after the API. */
export function demoRoutes(dirs: DemoDirs = defaultDemoDirs()) {
  const app = new Hono<AppEnv>();

  app.get('/', (c) => c.redirect(DEMO_PATHS.courses, 302));

  app.route('/', widgetRoutes(dirs.widgetDir, 'no-cache'));

  app.get('*', (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return c.notFound();
    const page = PAGES.find(([pattern]) => pattern.test(path))?.[1];
    const file = resolveStaticFile(dirs.pagesDir, page ?? path.slice(1));
    if (file === null) return c.notFound();
    if (file.contentType.startsWith('text/html')) return sendPage(c, file);
    return sendFile(c, file, { 'Cache-Control': 'no-cache' });
  });

  return app;
}

/** A file with its type, caching headers and ETag; 304 when the client has it. */
function sendFile(c: Context<AppEnv>, file: StaticFile, headers: Record<string, string>): Response {
  const common = { ...headers, ETag: file.etag };
  if (isNotModified(c.req.header('if-none-match'), file.etag)) return c.body(null, 304, common);
  return c.body(readFileSync(file.path), 200, { ...common, 'Content-Type': file.contentType });
}

/** A demo page with a fresh nonce on each of its script tags and the CSP naming it; never cached. */
function sendPage(c: Context<AppEnv>, file: StaticFile): Response {
  const nonce = randomBytes(18).toString('base64');
  const html = readFileSync(file.path, 'utf8').replace(/<script\b/g, `<script nonce="${nonce}"`);
  return c.body(html, 200, {
    'Content-Type': file.contentType,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': demoPageCsp(nonce),
  });
}
