/**
 * `GET /metrics` on SUPPORT_METRICS_PORT: requests by route and status, open event streams, the outbox's attempts
 * and backlog, the process's own figures; nothing on the API's port.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { Desk } from '../fixtures/receivers';
import { call, createTicket, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { scrape } from './scrape';

describe('metrics', { timeout: 45_000 }, () => {
  let failing = true;
  const desk = new Desk(() => (failing ? 500 : 200));
  let ts: TestServer;
  let metricsUrl: string;

  beforeAll(async () => {
    await desk.start();
    ts = await startTestServer({
      config: {
        metrics: { port: 0, host: '127.0.0.1' },
        notifications: { webhookUrls: [desk.url], webhookSecret: 'whsec-metrics-0123456789-abcdefghijklmnopqrstuvwxyz', pollMs: 50, retryBaseMs: 300, retryMaxMs: 300 },
      },
    });
    metricsUrl = ts.server.metricsUrl ?? '';
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  it('counts requests by the route that answered, never by the path a client chose', async () => {
    const auth = await userAuth(ts, 'metrics-reader');
    for (let i = 0; i < 3; i += 1) expect((await call(ts, 'GET', '/meta')).status).toBe(200);
    expect((await call(ts, 'GET', '/tickets/unknown-ticket-1', { auth })).status).toBe(404);
    expect((await call(ts, 'GET', '/tickets/unknown-ticket-2', { auth })).status).toBe(404);
    expect((await call(ts, 'GET', '/no/such/address/x1')).status).toBe(404);
    const samples = await scrape(metricsUrl);
    expect(samples.get('support_http_requests_total{method="GET",route="/api/v1/meta",status="200"}')).toBe(3);
    expect(samples.get('support_http_requests_total{method="GET",route="/api/v1/tickets/:id",status="404"}')).toBe(2);
    expect(samples.get('support_http_requests_total{method="GET",route="none",status="404"}')).toBe(1);
    expect(samples.get('support_http_request_duration_seconds_count{method="GET",route="/api/v1/meta"}')).toBe(3);
    expect([...samples.keys()].filter((key) => key.includes('unknown-ticket') || key.includes('x1'))).toEqual([]);
    // The process's own figures come with them.
    expect(samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
    // The API's port has no metrics, and the metrics' port nothing else.
    expect((await fetch(`${ts.server.url}/metrics`)).status).toBe(404);
    expect((await fetch(metricsUrl.replace('/metrics', '/'))).status).toBe(404);
  });

  it('says how many event streams are open', async () => {
    const auth = await userAuth(ts, 'metrics-streams');
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, auth, validDrafts.other)).body).ticket;
    const stop = new AbortController();
    const stream = await fetch(`${ts.api}/tickets/${ticket.id}/events`, { headers: { authorization: auth, accept: 'text/event-stream' }, signal: stop.signal });
    expect(stream.status).toBe(200);
    await vi.waitFor(async () => expect((await scrape(metricsUrl)).get('support_event_streams_open')).toBe(1), { timeout: 10_000, interval: 50 });
    stop.abort();
    await vi.waitFor(async () => expect((await scrape(metricsUrl)).get('support_event_streams_open')).toBe(0), { timeout: 10_000, interval: 50 });
  });

  it('shows the outbox: attempts by result, what waits and how old it is, and the backlog gone once sent', async () => {
    const auth = await userAuth(ts, 'metrics-outbox');
    expect((await createTicket(ts, auth, validDrafts.technical)).status).toBe(201);
    await vi.waitFor(async () => expect((await scrape(metricsUrl)).get('support_outbox_attempts_total{kind="webhook",result="retry"}')).toBeGreaterThanOrEqual(1), { timeout: 10_000, interval: 50 });
    const waiting = await scrape(metricsUrl);
    expect(waiting.get('support_outbox_deliveries{kind="webhook",status="pending"}')).toBeGreaterThanOrEqual(1);
    expect(waiting.get('support_outbox_deliveries{kind="email",status="pending"}')).toBe(0);
    expect(waiting.get('support_outbox_oldest_pending_seconds{kind="webhook"}')).toBeGreaterThan(0);
    expect(waiting.get('support_outbox_oldest_pending_seconds{kind="email"}')).toBe(0);
    failing = false;
    await vi.waitFor(async () => {
      const sent = await scrape(metricsUrl);
      expect(sent.get('support_outbox_deliveries{kind="webhook",status="pending"}')).toBe(0);
      expect(sent.get('support_outbox_oldest_pending_seconds{kind="webhook"}')).toBe(0);
      expect(sent.get('support_outbox_attempts_total{kind="webhook",result="sent"}')).toBeGreaterThanOrEqual(1);
    }, { timeout: 15_000, interval: 100 });
  });
});

describe('metrics on a port another process holds', () => {
  it('stop the start with one line naming the setting', async () => {
    const holder = await startTestServer({ config: { metrics: { port: 0, host: '127.0.0.1' } } });
    try {
      const taken = Number(new URL(holder.server.metricsUrl ?? '').port);
      await expect(startTestServer({ config: { metrics: { port: taken, host: '127.0.0.1' } } })).rejects.toThrow(
        new RegExp(`cannot listen on SUPPORT_METRICS_HOST=127\\.0\\.0\\.1 SUPPORT_METRICS_PORT=${taken}: .*another process listens on that port: stop it or choose another SUPPORT_METRICS_PORT`),
      );
    } finally {
      await holder.cleanup();
    }
  });
});

describe('metrics while the database does not answer', () => {
  it('come without the outbox’s figures once their deadline passes, the rest in full', async () => {
    const { createMetrics } = await import('../../src/server/metrics');
    const { createBroker } = await import('../../src/server/events/broker');
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    // A statement that never comes back, as a hung database's does until its timeout.
    const metrics = createMetrics({ broker: createBroker(), outbox: { stats: () => new Promise(() => undefined) }, clock: () => new Date(), logger: quiet, outboxReadMs: 50 });
    metrics.request('GET', '/api/v1/meta', 200, 0.01);
    const text = await metrics.registry.metrics();
    expect(text).toContain('support_http_requests_total{method="GET",route="/api/v1/meta",status="200"} 1');
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).not.toMatch(/^support_outbox_deliveries\{/m);
    expect(text).not.toMatch(/^support_outbox_oldest_pending_seconds\{/m);
  });
});
