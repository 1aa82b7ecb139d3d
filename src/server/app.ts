/** Builds the Hono app of the Support API from injected dependencies (tests pass a fake clock and a temp DB). */
import { Hono } from 'hono';
import { API_PREFIX } from './api-prefix';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createMiddleware } from 'hono/factory';
import { METHOD_NAME_ALL } from 'hono/router';
import { matchedRoutes } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { identityMiddleware } from './auth/identity';
import type { AppDeps, AppEnv } from './context';
import type { Metrics } from './metrics';
import { ApiFailure, errorBody, isStorageUnavailable, unavailable } from './errors';
import { preferredLocale } from './locale';
import type { Locale } from './locale';
import { allowedMethods } from './http/allowed-methods';
import { clientAddressMiddleware } from './http/client-address';
import { corsFor } from './http/cors';
import { healthRoutes } from './http/health';
import { closeAfter } from './http/json-body';
import { rateLimit } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { servedOpenApiDocument } from './openapi';
import { agentRoutes } from './routes/agent';
import { attachmentRoutes } from './routes/attachments';
import { defaultDemoDirs, demoRoutes, ENTRY_CACHE_PRODUCTION, widgetRoutes } from './routes/demo';
import type { DemoDirs } from './routes/demo';
import { devRoutes } from './routes/dev';
import { eventRoutes } from './routes/events';
import { metaRoutes } from './routes/meta';
import { notificationRoutes } from './routes/notifications';
import { ticketActionRoutes } from './routes/ticket-actions';
import { ticketRoutes } from './routes/tickets';
import { unsubscribeRoutes } from './routes/unsubscribe';
import { errorLine } from './error-line';

export { API_PREFIX };

/** Options of {@link createApp} beyond the dependencies. */
export interface AppOptions {
  /** Origins allowed by CORS; read per request, so the server can add its own origin once it listens. */
  allowedOrigins: Set<string>;
  /** Where dev mode's demo pages and widget build are read from (the repository's by default). */
  demo?: DemoDirs;
}

/** The app: middleware (CORS, headers, identity, rate limit), the routes, 404 and the error handler. */
export function createApp(deps: AppDeps, options: AppOptions): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.use('*', clientAddressMiddleware(deps.config.trustedProxies));
  api.use('*', identityMiddleware(deps));
  const { rateLimitPerMinute, agentRateLimitPerMinute, guard } = deps.config;
  const limits = { perMinute: rateLimitPerMinute, anonymousPerMinute: guard.anonymousPerIpMinute, agentPerMinute: agentRateLimitPerMinute };
  api.use('*', rateLimit(limits, deps.clock, deps.store.counters));
  api.route('/', metaRoutes(deps));
  api.get('/openapi.json', (c) => c.json(servedOpenApiDocument(deps.config.dev)));
  api.route('/', attachmentRoutes(deps));
  api.route('/', ticketRoutes(deps));
  api.route('/', ticketActionRoutes(deps));
  api.route('/', eventRoutes(deps));
  api.route('/', notificationRoutes(deps));
  api.route('/', unsubscribeRoutes(deps));
  api.route('/', agentRoutes(deps));
  if (deps.config.dev) api.route('/', devRoutes(deps));

  const app = new Hono<AppEnv>();
  const { metrics } = deps;
  if (metrics !== undefined) app.use('*', countRequests(metrics));
  app.use('*', requestLog(deps.logger, deps.clock, deps.config.requestLog));
  // While draining, a client's kept-alive connection is closed after its answer, not cut under its next request.
  app.use('*', async (c, next) => {
    await next();
    if (deps.draining?.() === true) c.header('Connection', 'close');
  });
  // CORS is the API's: the dev widget files carry their own (public, like a CDN's).
  app.use(`${API_PREFIX}/*`, corsFor(options.allowedOrigins, (line) => deps.logger.warn(line)));
  app.use('*', securityHeaders());
  // Before the API's identity and rate limit: a probe needs neither.
  const health = healthRoutes(deps);
  app.route('/', health);
  app.route(API_PREFIX, health);
  app.route(API_PREFIX, api);
  // Dev mode: the demo LMS and the built widget, outside the API (docs/architecture.md). Production mode
  // serves the widget only when asked (SUPPORT_SERVE_WIDGET=1), with a few minutes' cache on its entries.
  if (deps.config.dev) app.route('/', demoRoutes(options.demo));
  else if (deps.config.serveWidget) app.route('/', widgetRoutes((options.demo ?? defaultDemoDirs()).widgetDir, ENTRY_CACHE_PRODUCTION));
  app.notFound((c) => {
    // A known address asked with a method it does not have: say which ones it has.
    const path = c.req.path;
    const allowed = path.startsWith(`${API_PREFIX}/`)
      ? allowedMethods([...api.routes, ...health.routes], path.slice(API_PREFIX.length))
      : allowedMethods(health.routes, path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      const sentence = { ru: `Этот адрес не принимает ${c.req.method}. Можно: ${allowed.join(', ')}.`, en: `This address does not take ${c.req.method}. It takes: ${allowed.join(', ')}.` };
      return c.json(errorBody('method_not_allowed', sentence[localeOf(c)]), 405);
    }
    return c.json(errorBody('not_found', { ru: 'Такого адреса нет.', en: 'There is no such address.' }[localeOf(c)]), 404);
  });
  app.onError((error, c) => errorResponse(error, c, deps));
  return app;
}

/**
 * Counts every answer by the route that gave it: the route's pattern (`/api/v1/tickets/:id`), never the path
 * itself, so the series stay as many as the routes; `none` when only middleware answered (a 404, a preflight).
 */
function countRequests(metrics: Metrics) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      // The first route is the one that answers (or would have, past a refusal of the middleware's, a 429 say).
      const route = matchedRoutes(c).find((matched) => matched.method !== METHOD_NAME_ALL)?.path ?? 'none';
      metrics.request(c.req.method, route, c.res.status, (performance.now() - started) / 1000);
    }
  });
}

/** A request as an error line names it: its method, path and id (the request log's `id`, its `X-Request-Id`). */
function requestOf(c: Context): string {
  const id = (c as Context<AppEnv>).get('requestId');
  return `${c.req.method} ${c.req.path}${id === undefined ? '' : ` (request ${id})`}`;
}

/** Maps any thrown value to the error shape; only the unexpected ones are logged (with the stack). */
function errorResponse(error: unknown, c: Context, deps: AppDeps): Response {
  let failure: ApiFailure;
  if (error instanceof ApiFailure) failure = error;
  else if (isStorageUnavailable(error)) {
    deps.logger.error(`[support] storage unavailable on ${requestOf(c)}: ${errorLine(error)}`);
    failure = unavailable();
  } else if (error instanceof HTTPException && error.status < 500) {
    failure = new ApiFailure(400, 'bad_request', { ru: 'Некорректный запрос.', en: 'Bad request.' });
  } else {
    deps.logger.error(`[support] unexpected error on ${requestOf(c)}:`, error);
    failure = new ApiFailure(500, 'internal', { ru: 'Внутренняя ошибка сервера. Мы уже знаем о ней.', en: 'Internal server error. We already know about it.' });
  }
  // A body cut because the server is closing (its grace ran out mid-request) is no fault of the client's; a client's
  // own bad request during the drain or the grace is still its 400.
  if (failure.status === 400 && deps.bodiesCut?.aborted === true) failure = closeAfter(unavailable());
  for (const [name, value] of Object.entries(failure.headers)) c.header(name, value);
  const locale = localeOf(c);
  return c.json(errorBody(failure.code, failure.say(locale), failure.fieldsIn(locale), failure.details), failure.status as ContentfulStatusCode);
}

/** The language an error is said in: the one the caller's `Accept-Language` prefers of Russian and English. */
function localeOf(c: Context): Locale {
  return preferredLocale(c.req.header('accept-language'));
}
