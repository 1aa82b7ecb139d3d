/**
 * Two API processes on one database (one SQLite file; a PostgreSQL database on the PostgreSQL run) dispatch one
 * outbox to a real SMTP server and a support desk: the claim's lease holds across processes, so every e-mail
 * and every webhook event is accepted exactly once, even while the desk refuses some attempts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { deliveryListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk, Smtp } from '../fixtures/receivers';
import { startChildServer } from './child-server';
import type { ChildServer } from './child-server';
import { agentAuth, createTestDatabase, dropTestDatabase, sharedStoreEnv, newKey, TEST_ENGINE, userAuth } from './helpers';
import type { TestServer } from './helpers';

const WEBHOOK_SECRET = 'whsec-two-processes-0123456789-abcdefghijklmnop';
/** Tickets made (half through each process); each gets a specialist's answer through the other one. */
const TICKETS = 12;

describe(`two processes dispatch one outbox on ${TEST_ENGINE}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-outbox-2p-'));
  const smtp = new Smtp();
  // Every third request is refused, so retries are claimed again by whichever process comes first.
  const answers: number[] = [];
  const desk = new Desk(() => {
    const status = answers.length % 3 === 2 ? 500 : 200;
    answers.push(status);
    return status;
  });
  let databaseUrl: string | null = null;
  let a: ChildServer;
  let b: ChildServer;

  beforeAll(async () => {
    await smtp.start();
    await desk.start();
    databaseUrl = TEST_ENGINE === 'postgres' ? await createTestDatabase() : null;
    const env = {
      ...sharedStoreEnv(dir, databaseUrl),
      SUPPORT_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SUPPORT_MAIL_FROM: 'Техподдержка <support@example.ru>',
      SUPPORT_WEBHOOK_URLS: desk.url,
      SUPPORT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      // Both poll often, so they race for every due row.
      SUPPORT_OUTBOX_POLL_MS: '20',
      SUPPORT_OUTBOX_RETRY_MS: '20',
      SUPPORT_OUTBOX_RETRY_MAX_MS: '100',
    };
    // One after the other on SQLite, so the first creates the file and migrates it alone.
    a = await startChildServer(env);
    b = await startChildServer(env);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (databaseUrl !== null) await dropTestDatabase(databaseUrl);
    await smtp.stop();
    await desk.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (api: string, path: string, auth: string, json: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api}${path}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json', ...headers }, body: JSON.stringify(json) });
  const deliveries = async (api: string, status: string) => {
    const response = await fetch(`${api}/agent/deliveries?status=${status}`, { headers: { authorization: agentAuth } });
    return deliveryListSchema.parse(await response.json()).deliveries;
  };

  it('every e-mail and every webhook event is accepted exactly once', { timeout: 90_000 }, async () => {
    const auth = await userAuth({ clock: () => new Date() } as unknown as TestServer, 'two-processes');
    const tickets = await Promise.all(
      Array.from({ length: TICKETS }, async (_, index) => {
        const [made, answered] = index % 2 === 0 ? [a, b] : [b, a];
        const created = await post(made.api, '/tickets', auth, { ...validDrafts.technical, subject: `Два отправителя ${index}` }, { 'idempotency-key': newKey() });
        expect(created.status).toBe(201);
        const ticket = createTicketResponseSchema.parse(await created.json()).ticket;
        const status = await post(answered.api, `/agent/tickets/${ticket.id}/status`, agentAuth, { status: 'answered', text: `Ответ ${index}` });
        expect(status.status).toBe(200);
        return ticket;
      }),
    );
    const ids = new Set(tickets.map((ticket) => ticket.id));

    // Per ticket: a webhook and an e-mail for its creation (the receipt), and the same for the answer.
    await vi.waitFor(
      async () => {
        const sent = (await deliveries(a.api, 'sent')).filter((d) => ids.has(d.ticketId));
        expect(sent.filter((d) => d.kind === 'webhook')).toHaveLength(2 * TICKETS);
        expect(sent.filter((d) => d.kind === 'email')).toHaveLength(2 * TICKETS);
      },
      { timeout: 60_000, interval: 50 },
    );
    // Nothing left to try, and each process sees the same outcome.
    for (const server of [a, b]) expect((await deliveries(server.api, 'pending')).filter((d) => ids.has(d.ticketId))).toEqual([]);
    expect((await deliveries(b.api, 'sent')).filter((d) => ids.has(d.ticketId))).toHaveLength(4 * TICKETS);

    // The SMTP server got two e-mails per ticket, once each.
    const numbers = tickets.flatMap((ticket) => [ticket.number, ticket.number]).sort();
    const mailed = smtp.mails.map((mail) => /№ (\S+?):/.exec(mail.subject)?.[1] ?? mail.subject).sort();
    expect(mailed).toEqual(numbers);

    // The desk accepted each event id once; a refused attempt was retried with the same id.
    const accepted = new Map<string, number>();
    const refused = new Set<string>();
    desk.hits.forEach((hit, index) => {
      const id = String(hit.headers['x-uchi-event-id']);
      if (answers[index] === 200) accepted.set(id, (accepted.get(id) ?? 0) + 1);
      else refused.add(id);
    });
    expect(accepted.size).toBe(2 * TICKETS);
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
    expect(refused.size).toBeGreaterThan(0);
    expect([...refused].every((id) => accepted.has(id))).toBe(true);
  });
});
