/**
 * The server's metrics in Prometheus's text format, on a port of their own (SUPPORT_METRICS_PORT), never on the
 * API's: what a scraper reads of requests, open event streams, the outbox and the process, with prom-client (the
 * Prometheus client most Node services use, which also sums the workers of `--workers` in the primary process).
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventBroker } from './events/broker';
import type { Logger } from './context';
import { errorLine } from './error-line';
import { repeatedFailure } from './repeated-failure';
import type { OutboxRepo, OutboxStats } from './storage/types';
import { DELIVERY_KINDS } from './schemas';

/** What the server records as it goes; the rest is read when scraped. */
export interface Metrics {
  registry: Registry;
  /** One answered request: its method, the route that answered it (`none` for no route), its status and duration. */
  request(method: string, route: string, status: number, seconds: number): void;
  /** One delivery attempt of the outbox and how it ended. */
  delivery(kind: 'email' | 'webhook', result: 'sent' | 'retry' | 'failed'): void;
}

/** Where the readings made at scrape time come from. */
export interface MetricsSources {
  broker: EventBroker;
  outbox: Pick<OutboxRepo, 'stats'>;
  clock: () => Date;
  logger: Logger;
  /** Under `--workers`, this worker's number: the counters carry it, so one replaced starts series of its own. */
  worker?: string | null;
  /** How long a scrape waits for the outbox's figures (they are left out past it); 1 s by default. */
  outboxReadMs?: number;
}

/** The HTTP methods a label takes as they are; anything else is `other`, so a client cannot add series. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** A registry of this process's metrics; the outbox's figures are read from the database when scraped. */
export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  // Each worker's counters are series of their own: summed over workers, a worker replaced (its counts gone, the
  // new one's from zero) would read as the whole sum going back, a reset to every rate().
  const worker = sources.worker ?? null;
  const byWorker = worker === null ? {} : { worker };
  collectDefaultMetrics({ register: registry, labels: byWorker });
  const requests = new Counter({
    name: 'support_http_requests_total',
    help: 'Requests answered, by method, route (the API path with its parameters, none when no route matched) and status; under --workers, by worker.',
    labelNames: ['method', 'route', 'status', 'worker'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'support_http_request_duration_seconds',
    help: 'Time to the answer’s headers (an event stream counts until it opens), by method and route; under --workers, by worker.',
    labelNames: ['method', 'route', 'worker'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'support_event_streams_open',
    help: 'Event streams (GET …/events) open now.',
    registers: [registry],
    collect() {
      this.set(sources.broker.size());
    },
  });
  const deliveries = new Counter({
    name: 'support_outbox_attempts_total',
    help: 'E-mail and webhook delivery attempts of this server, by kind and result: sent, retry (failed, tried again later) or failed (given up); under --workers, by worker.',
    labelNames: ['kind', 'result', 'worker'] as const,
    registers: [registry],
  });
  // Read from the database when scraped, the same in every process: the workers' figures are taken once, not
  // summed. Both gauges wait for one query; a failed read leaves them without a figure rather than an old one (the
  // database's trouble has its own log lines and /readyz).
  let reading: Promise<OutboxStats | null> | null = null;
  const readFailure = repeatedFailure(sources.logger, 'metrics: reading the outbox', sources.clock);
  // A database that does not answer would hold the scrape for its whole statement timeout, and under --workers the
  // primary gives up on a worker after 5 s: every figure would be lost, the process's too, when they matter most.
  const deadline = sources.outboxReadMs ?? 1_000;
  const readOutbox = async (): Promise<OutboxStats | null> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deadline);
    });
    try {
      return await Promise.race([startReading(), late]);
    } finally {
      clearTimeout(timer);
    }
  };
  const startReading = (): Promise<OutboxStats | null> => {
    reading ??= sources.outbox
      .stats()
      .then(
        (stats) => {
          readFailure.succeeded();
          return stats;
        },
        (error: unknown) => {
          readFailure.failed(error);
          return null;
        },
      )
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  /** A gauge set from the outbox's figures at each scrape, and left without one when they cannot be read. */
  const outboxGauge = <L extends string>(name: string, help: string, labelNames: readonly L[], fill: (gauge: Gauge<L>, stats: OutboxStats) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      aggregator: 'max',
      registers: [registry],
      async collect() {
        const stats = await readOutbox();
        this.reset();
        if (stats !== null) fill(this, stats);
      },
    });
  outboxGauge(
    'support_outbox_deliveries',
    'Deliveries in the outbox by kind and status: pending (not sent yet, retries included) or failed (given up; GET /agent/deliveries?status=failed).',
    ['kind', 'status'],
    (gauge, stats) => {
      for (const kind of DELIVERY_KINDS) {
        for (const status of ['pending', 'failed'] as const) {
          gauge.set({ kind, status }, stats.counts.find((row) => row.kind === kind && row.status === status)?.count ?? 0);
        }
      }
    },
  );
  outboxGauge(
    'support_outbox_oldest_pending_seconds',
    'Age of the oldest delivery not sent yet, by kind, 0 when none waits: how far e-mails and webhooks lag behind.',
    ['kind'],
    (gauge, stats) => {
      for (const kind of DELIVERY_KINDS) {
        const at = stats.oldestPending.find((row) => row.kind === kind)?.at;
        gauge.set({ kind }, at === undefined ? 0 : Math.max(0, (sources.clock().getTime() - Date.parse(at)) / 1000));
      }
    },
  );
  return {
    registry,
    request(method, route, status, seconds) {
      const name = METHODS.has(method) ? method : 'other';
      requests.inc({ method: name, route, status: String(status), ...byWorker });
      durations.observe({ method: name, route, ...byWorker }, seconds);
    },
    delivery(kind, result) {
      deliveries.inc({ kind, result, ...byWorker });
    },
  };
}

/** A running metrics listener. */
export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on `host`:`port` and answers `GET /metrics` with `produce()`'s text, anything else with 404. Resolves once
 * it listens; a port it cannot take rejects.
 */
export async function serveMetrics(host: string, port: number, produce: () => Promise<string>, logger: Logger): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found: the metrics are at GET /metrics.\n');
      return;
    }
    produce().then(
      (text) => {
        response.writeHead(200, { 'Content-Type': Registry.PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        logger.error(`[support] metrics: cannot be gathered: ${errorLine(error)}`);
        response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The metrics cannot be gathered now; the server log says why.\n');
      },
    );
  });
  // A scraper's connection is short; nothing it sends should hold the process.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      listening();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

/**
 * Under `--workers`, the primary's figures: every worker's registry read over node:cluster's channel and summed
 * (a figure read from the database taken once). Call it in the primary, before the workers are forked.
 */
export function clusterMetrics(): () => Promise<string> {
  const aggregator = new AggregatorRegistry();
  return () => aggregator.clusterMetrics();
}

/** In a worker: hands this process's registry to the primary when it asks. */
export function offerToPrimary(registry: Registry): void {
  if (!cluster.isWorker) return;
  // Constructing one is what makes a worker answer the primary's requests (prom-client's cluster.js).
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}
