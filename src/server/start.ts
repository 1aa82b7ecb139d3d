/** Starts the Support API on a port (0 = any free one): migrations, storage, app, listening, clean close. */
import cluster from 'node:cluster';
import { accessSync, constants } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { calendarCoverageWarning } from '../core';
import { createApp } from './app';
import { startCleanup } from './attachments/cleanup';
import { checkFolderOwner } from './attachments/folder-owner';
import { createFileStorage } from './attachments/storage';
import type { FileStorage } from './attachments/storage';
import { ConfigError, loadConfig } from './config';
import type { ConfigOverrides, ServerConfig } from './config';
import type { AppDeps, Logger } from './context';
import { describeStorage, openStorage, storageHint } from './storage/open';
import type { Storage } from './storage/types';
import { errorLine } from './error-line';
import { createBroker } from './events/broker';
import { startDispatcher } from './outbox/dispatcher';
import { guardConnections, serverOptions } from './guard/connections';
import { createGuards } from './guard/guards';
import { shutdownServer } from './http/shutdown';
import type { InboundListener } from './inbound/smtp-listener';
import type { DemoDirs } from './routes/demo';
import { createMetrics, offerToPrimary, serveMetrics } from './metrics';
import type { MetricsServer } from './metrics';

/** How to start: environment and/or explicit config, and the injectable clock and logger. */
export interface StartServerOptions {
  env?: Readonly<Record<string, string | undefined>>;
  config?: ConfigOverrides;
  clock?: () => Date;
  logger?: Logger;
  /** Dev mode's demo folders (tests point them at fixtures); the repository's by default. */
  demo?: DemoDirs;
}

/** A running server. */
export interface RunningServer {
  /** Base URL of the server, e.g. `http://127.0.0.1:8787` (the API is under `/api/v1`). */
  url: string;
  config: ServerConfig;
  /** Where `GET /metrics` is served (SUPPORT_METRICS_PORT), or null: none, or a worker's, which its primary serves. */
  metricsUrl: string | null;
  /** Where replies by e-mail are taken (SUPPORT_INBOUND_SMTP_PORT), `smtp://host:port`, or null. */
  inboundUrl: string | null;
  /** Ends open streams, stops listening and closes the database. */
  close(): Promise<void>;
}

/**
 * PostgreSQL: says at start when the pools of every process of this server (SUPPORT_DATABASE_POOL_SIZE × its workers)
 * need more connections than the database takes; under load the requests past them would fail with 503.
 */
async function warnAboutConnections(store: Storage, config: ServerConfig, env: Readonly<Record<string, string | undefined>>, logger: Logger): Promise<void> {
  if (store.connectionLimit === undefined) return;
  const { max, reserved } = await store.connectionLimit();
  const processes = Math.max(1, Number.parseInt(env.SUPPORT_WORKER_COUNT ?? '1', 10) || 1);
  const needed = config.databasePoolSize * processes;
  if (needed <= max - reserved) return;
  logger.warn(
    `[support] SUPPORT_DATABASE_POOL_SIZE ${config.databasePoolSize} × ${processes} process(es) = ${needed} connections, more than PostgreSQL takes ` +
      `(max_connections ${max}, ${reserved} kept for superusers), and other clients need some too: under load requests would fail with 503. ` +
      'Lower the pool size or raise max_connections.',
  );
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? console;
  const clock = options.clock ?? (() => new Date());
  const { config, warnings } = loadConfig(options.env ?? process.env, options.config);
  for (const warning of warnings) logger.warn(`[support] ${warning}`);
  const coverage = calendarCoverageWarning(clock());
  if (coverage !== null) logger.warn(`[support] ${coverage}`);

  // A database that cannot be opened stops the start with one line naming the setting, not a driver's stack.
  const store = await openStorage(config, logger, clock()).catch((error: unknown) => {
    const setting = config.databaseUrl === null ? 'SUPPORT_DB' : 'SUPPORT_DATABASE_URL';
    throw new ConfigError(`${setting}: ${describeStorage(config)} cannot be opened: ${errorLine(error)}${storageHint(config, error)}`);
  });
  // Every new event (this process's commits and, through the watcher, other processes') wakes the outbox dispatcher.
  let wakeOutbox = () => undefined as void;
  const broker = createBroker(() => wakeOutbox());
  const metrics = config.metrics === null ? undefined : createMetrics({ broker, outbox: store.outbox, clock, logger, worker: cluster.worker === undefined ? null : String(cluster.worker.id) });
  const deps: AppDeps = {
    config,
    store,
    clock,
    broker,
    files: await fileStorageOf(config, store),
    logger,
    guards: createGuards(config.guard, clock, store.counters),
    ...(metrics === undefined ? {} : { metrics }),
  };
  let stopCleanup: () => void;
  try {
    // Dev mode gives any caller any user's tickets: never a database that has served for real.
    const served = await store.servedOutsideDev();
    if (config.dev && served !== null) {
      throw new ConfigError(
        `SUPPORT_DEV=1 cannot open ${describeStorage(config)}: it has served outside dev mode since ${served}, and dev mode would give its tickets to anyone. Give the demo a database of its own.`,
      );
    }
    if (!config.dev && served === null) await store.markServedOutsideDev(clock().toISOString());
    await warnAboutConnections(store, config, options.env ?? process.env, logger);
    // Before anything is swept: a folder of another database's files is refused, not emptied.
    await checkFolderOwner(store, config);
    stopCleanup = await startCleanup(deps);
  } catch (error) {
    await store.close();
    throw error;
  }
  // Events committed by other processes on the same database wake this process's streams too.
  const stopWatching = store.watchEvents((ticketId) => broker.publish(ticketId), () => broker.wakeAll(), () => broker.size() > 0);
  const dispatcher = startDispatcher(deps);
  wakeOutbox = dispatcher.wake;
  const allowedOrigins = new Set(config.allowedOrigins);
  const app = createApp(deps, { allowedOrigins, ...(options.demo === undefined ? {} : { demo: options.demo }) });

  const release = async () => {
    stopCleanup();
    await stopWatching();
    await dispatcher.stop();
    await store.close();
  };
  // The metrics' own port: under --workers the primary serves every worker's, which each hands it when asked.
  let metricsServer: MetricsServer | null = null;
  if (metrics !== undefined && config.metrics !== null) {
    const { host: metricsHost, port: metricsPort } = config.metrics;
    if (cluster.isWorker) offerToPrimary(metrics.registry);
    else {
      metricsServer = await serveMetrics(metricsHost, metricsPort, () => metrics.registry.metrics(), logger).catch(async (error: unknown) => {
        await release();
        throw new ConfigError(`cannot listen on SUPPORT_METRICS_HOST=${metricsHost} SUPPORT_METRICS_PORT=${metricsPort}: ${errorLine(error)}${listenHint(error, { port: 'SUPPORT_METRICS_PORT', host: 'SUPPORT_METRICS_HOST' })}`);
      });
    }
  }
  let inboundListener: InboundListener | null = null;
  if (config.inbound !== null) {
    const { host: inboundHost, port: inboundPort } = config.inbound;
    // Loaded only where replies by e-mail are taken: the MIME parser is most of a start's module loading.
    const { startInbound } = await import('./inbound/smtp-listener');
    inboundListener = await startInbound(deps, config.inbound).catch(async (error: unknown) => {
      await metricsServer?.close();
      await release();
      throw new ConfigError(
        `cannot listen on SUPPORT_INBOUND_SMTP_HOST=${inboundHost} SUPPORT_INBOUND_SMTP_PORT=${inboundPort}: ${errorLine(error)}${listenHint(error, { port: 'SUPPORT_INBOUND_SMTP_PORT', host: 'SUPPORT_INBOUND_SMTP_HOST' })}`,
      );
    });
    logger.info(`[support] replies by e-mail to ${config.inbound.replyAddress} are taken on ${inboundListener.url}`);
  }
  const server = await listen(app.fetch, config).catch(async (error: unknown) => {
    await inboundListener?.close();
    await metricsServer?.close();
    await release();
    throw new ConfigError(`cannot listen on HOST=${config.host} PORT=${config.port}: ${errorLine(error)}${listenHint(error)}`);
  });
  guardConnections(server as Server, config.guard, (line) => logger.warn(line));
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  if (config.dev) {
    // The demo pages are served by this same server; they call the API from its own origin(s).
    allowedOrigins.add(url);
    allowedOrigins.add(`http://localhost:${port}`);
    // Embedding the widget, the demo is an LMS a guest's e-mail may link back to.
    config.allowedOrigins = [...allowedOrigins];
    // The demo's e-mails link back to this server.
    config.publicUrl ??= url;
  }
  let closing: Promise<void> | null = null;
  let draining = false;
  const bodiesCut = new AbortController();
  deps.bodiesCut = bodiesCut.signal;
  deps.draining = () => draining;
  const stop = () =>
    shutdownServer(server, {
      endStreams: () => deps.broker.closeAll(),
      cutBodies: () => bodiesCut.abort(),
      release: async () => {
        await inboundListener?.close();
        stopCleanup();
        await stopWatching();
        await dispatcher.stop();
        await deps.files.settle(config.guard.shutdownGraceMs);
        await deps.store.close();
        await metricsServer?.close();
      },
    }, config.guard.shutdownGraceMs);
  return {
    url,
    config,
    metricsUrl: metricsServer?.url ?? null,
    inboundUrl: inboundListener?.url ?? null,
    close: () => {
      // Serving on while the load balancer learns from /readyz to send nothing more, then the stop itself.
      closing ??= config.shutdownDrainMs === 0
        ? stop()
        : (async () => {
            draining = true;
            logger.info(`[support] draining for ${config.shutdownDrainMs} ms: /readyz answers 503, every answer closes its connection`);
            await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
            await stop();
          })();
      return closing;
    },
  };
}

/** What to check when the server cannot listen, where the system's reason alone is terse. */
function listenHint(error: unknown, names = { port: 'PORT', host: 'HOST' }): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return ` (another process listens on that port: stop it or choose another ${names.port})`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return ` (${names.host} must be an address of this machine, such as 127.0.0.1, or 0.0.0.0 for all of them)`;
  if (code === 'EACCES') return ` (a port under 1024 needs privileges: choose a higher ${names.port}${names.port === 'PORT' ? ' behind the proxy' : ''})`;
  return '';
}

/** The attachments folder, created if needed; one the server cannot write stops the start with one line naming the setting. */
async function fileStorageOf(config: ServerConfig, store: Storage): Promise<FileStorage> {
  try {
    const files = createFileStorage(config.attachmentsDir);
    accessSync(config.attachmentsDir, constants.R_OK | constants.W_OK | constants.X_OK);
    return files;
  } catch (error) {
    await store.close();
    throw new ConfigError(`SUPPORT_ATTACHMENTS_DIR: ${config.attachmentsDir} cannot be used: ${errorLine(error)} (the server's user must be able to create it, or read and write it)`);
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: ServerConfig): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host, serverOptions: serverOptions(config.guard) }, () => resolve(server));
    server.once('error', reject);
  });
}
