/**
 * What the periodic cleanup deletes, on the real database of the run: finished deliveries once their retention is
 * over (counted from when they were sent or given up), idempotency records once their replay window is; pending
 * deliveries, recent rows and tickets stay. The cleanup runs at every start, so a restart on a later clock runs it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { removeExpired } from '../../src/server/retention';
import { openStorage } from '../../src/server/storage/open';
import { deliveryListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { Desk, Smtp } from '../fixtures/receivers';
import { agentAuth, call, createTicket, newKey, queryNumber, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEBHOOK_SECRET = 'whsec-test-0123456789-abcdefghijklmnopqrstuvwxyz';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('retention of finished deliveries', { timeout: 60_000 }, () => {
  const smtp = new Smtp();
  let deskAnswers = 200;
  const desk = new Desk(() => deskAnswers);
  let now = new Date('2026-03-02T09:00:00Z').getTime();
  let ts: TestServer;

  beforeAll(async () => {
    await smtp.start();
    await desk.start();
    ts = await startTestServer({
      clock: () => new Date(now),
      config: {
        notifications: {
          smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
          mailFrom: 'Техподдержка <support@example.ru>',
          webhookUrls: [desk.url],
          webhookSecret: WEBHOOK_SECRET,
          pollMs: 50,
          // A failed attempt is tried again only weeks later on the test's clock, and given up later still: a
          // delivery stays pending while the clock moves on, as one would while its receiver is down.
          retryBaseMs: 40 * DAY_MS,
          retryMaxMs: 40 * DAY_MS,
          giveUpMs: 50 * DAY_MS,
        },
      },
    });
  });
  afterAll(async () => {
    await ts.cleanup();
    await smtp.stop();
    await desk.stop();
  });

  const deliveries = async () => deliveryListSchema.parse((await call(ts, 'GET', '/agent/deliveries', { auth: agentAuth })).body).deliveries;
  const of = async (ticketId: string) => (await deliveries()).filter((d) => d.ticketId === ticketId);
  const until = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 15_000, interval: 25 });
  const newTicket = async (who: string) => createTicketResponseSchema.parse((await createTicket(ts, await userAuth(ts, who), validDrafts.technical)).body).ticket;
  const answer = (id: string) => call(ts, 'POST', `/agent/tickets/${id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Исправили, проверьте.' } });

  it('deletes sent and given-up deliveries past the retention, keeps pending and recent ones and every ticket', async () => {
    // Day 0: a ticket whose webhooks and e-mails (the receipt and the answer) are sent, one whose e-mails the mail
    // server refuses for good, and one whose webhook waits for a desk that is down.
    const sent = await newTicket('retention-sent');
    expect((await answer(sent.id)).status).toBe(200);
    smtp.refused.add('retention-refused@example.ru');
    const refused = await newTicket('retention-refused');
    expect((await answer(refused.id)).status).toBe(200);
    await until(async () => {
      expect((await of(sent.id)).map((d) => d.status).sort()).toEqual(['sent', 'sent', 'sent', 'sent']);
      expect((await of(refused.id)).map((d) => `${d.kind} ${d.status}`).sort()).toEqual(['email failed', 'email failed', 'webhook sent', 'webhook sent']);
    });
    deskAnswers = 503;
    const waiting = await newTicket('retention-waiting');
    await until(async () => expect((await of(waiting.id)).map((d) => `${d.kind} ${d.status}`).sort()).toEqual(['email sent', 'webhook pending']));
    expect((await of(waiting.id)).find((d) => d.kind === 'webhook')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    deskAnswers = 200;

    // Day 20: the refused answer is sent again and refused again (given up now, not on day 0); a new ticket is sent.
    now += 20 * DAY_MS;
    const email = (await of(refused.id)).find((d) => d.kind === 'email' && d.type === 'ticket.status');
    expect((await call(ts, 'POST', `/agent/deliveries/${email?.id ?? 0}/retry`, { auth: agentAuth })).status).toBe(200);
    const recent = await newTicket('retention-recent');
    await until(async () => {
      expect((await of(refused.id)).find((d) => d.id === email?.id)).toMatchObject({ status: 'failed', attempts: 1 });
      expect((await of(recent.id)).map((d) => d.status)).toEqual(['sent', 'sent']);
    });

    // Day 31: past the default 30 days for what finished on day 0, not for what finished on day 20.
    now += 11 * DAY_MS;
    ts = await ts.restart();
    expect(await of(sent.id)).toEqual([]);
    expect((await of(refused.id)).map((d) => `${d.id} ${d.kind} ${d.status}`)).toEqual([`${String(email?.id)} email failed`]);
    expect(await of(waiting.id)).toMatchObject([{ kind: 'webhook', status: 'pending', lastError: 'HTTP 503' }]);
    expect((await of(recent.id)).map((d) => d.status)).toEqual(['sent', 'sent']);
    expect(queryNumber(ts.dbPath, 'SELECT COUNT(*) FROM outbox')).toBe(4);
    expect(tableCounts(ts.dbPath)['tickets']).toBe(4);
    expect(ts.logs.some((line) => line.text.includes('removed 8 finished delivery(ies)'))).toBe(true);

    // Day 51: the e-mail given up on day 20 and the ticket sent then go too; the delivery due on day 40 stays,
    // whatever its age, until it is sent or given up (this start's dispatcher may have just tried it).
    now += 20 * DAY_MS;
    ts = await ts.restart();
    expect(await of(refused.id)).toEqual([]);
    expect(await of(recent.id)).toEqual([]);
    expect(await of(waiting.id)).toHaveLength(1);
  });
});

describe('retention of idempotency records', () => {
  let now = new Date('2026-03-02T09:00:00Z').getTime();
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ clock: () => new Date(now) });
  });
  afterAll(() => ts.cleanup());

  const keyCount = (key: string) => queryNumber(ts.dbPath, `SELECT COUNT(*) FROM idempotency_keys WHERE key = '${key}'`);

  it('replays a create within its window across the cleanup, and deletes the record once the window and its margin are over', async () => {
    const early = newKey();
    const first = await createTicket(ts, await userAuth(ts, 'replay-user'), validDrafts.other, early);
    expect(first.status).toBe(201);
    const ticket = createTicketResponseSchema.parse(first.body).ticket;

    // Six days on, after a cleanup: the same send is still answered with the same ticket.
    now += 6 * DAY_MS;
    ts = await ts.restart();
    const replay = await createTicket(ts, await userAuth(ts, 'replay-user'), validDrafts.other, early);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(createTicketResponseSchema.parse(replay.body).ticket.id).toBe(ticket.id);
    const later = newKey();
    expect((await createTicket(ts, await userAuth(ts, 'replay-user'), validDrafts.course, later)).status).toBe(201);

    // Nine days after the first: its record (the whole answer, contact included) is gone; the later one stays and replays.
    now += 3 * DAY_MS;
    ts = await ts.restart();
    expect(keyCount(early)).toBe(0);
    expect(keyCount(later)).toBe(1);
    const again = await createTicket(ts, await userAuth(ts, 'replay-user'), validDrafts.course, later);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(tableCounts(ts.dbPath)['tickets']).toBe(2);
  });
});

describe('the cleanup run by several processes at once', { timeout: 60_000 }, () => {
  const desk = new Desk();
  let now = new Date('2026-03-02T09:00:00Z').getTime();
  let ts: TestServer;
  beforeAll(async () => {
    await desk.start();
    ts = await startTestServer({
      clock: () => new Date(now),
      config: { notifications: { webhookUrls: [desk.url], webhookSecret: WEBHOOK_SECRET, pollMs: 50 } },
    });
  });
  afterAll(async () => {
    await ts.cleanup();
    await desk.stop();
  });

  it('deletes every expired row once between them, batch by batch, and nothing else', async () => {
    const auth = await userAuth(ts, 'many-deliveries');
    for (let index = 0; index < 12; index++) expect((await createTicket(ts, auth, validDrafts.other)).status).toBe(201);
    await vi.waitFor(() => expect(queryNumber(ts.dbPath, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).toBe(12), { timeout: 15_000, interval: 25 });
    now += 10 * DAY_MS;
    expect((await createTicket(ts, await userAuth(ts, 'many-deliveries'), validDrafts.other)).status).toBe(201);
    await vi.waitFor(() => expect(queryNumber(ts.dbPath, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).toBe(13), { timeout: 15_000, interval: 25 });

    now += 25 * DAY_MS;
    const config = ts.server.config;
    const stores = await Promise.all([0, 1, 2].map(() => openStorage(config, quiet, new Date(now))));
    try {
      const deps = stores.map((store) => ({ store, config, clock: () => new Date(now) }));
      const removed = await Promise.all(deps.map((one) => removeExpired(one, 2)));
      expect(removed.reduce((sum, one) => sum + one.deliveries, 0)).toBe(12);
      expect(removed.reduce((sum, one) => sum + one.idempotencyKeys, 0)).toBe(13);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    expect(queryNumber(ts.dbPath, 'SELECT COUNT(*) FROM outbox')).toBe(1);
    expect(tableCounts(ts.dbPath)['tickets']).toBe(13);
  });
});
