import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema, ticketListSchema } from '../../src/core';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';
import { validDrafts } from '../fixtures/drafts';
import { signReporterToken } from '../../src/server';
import { TOKEN_CLOCK_TOLERANCE_SECONDS } from '../../src/server/auth/tokens';
import { call, createTicket, expectError, guestAuth, guestContact, newKey, profile, startTestServer, TEST_SECRET, userAuth } from './helpers';
import { fileForm, pdfFile } from './images';
import type { TestServer } from './helpers';
import { openSse } from './sse-client';
import type { SseStream } from './sse-client';

/** Resolves once the server has ended the stream (frames before the end, such as a goodbye, are skipped). */
async function streamEnds(stream: SseStream): Promise<void> {
  for (;;) {
    try {
      await stream.next(10_000, true);
    } catch (error) {
      if (error instanceof Error && error.message === 'stream ended') return;
      throw error;
    }
  }
}

describe('limits against one hostile client', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({
      config: { guard: { ...DEFAULT_GUARD_LIMITS, guestTicketsPerIpHour: 3, maxStreamsPerReporter: 2 } },
    });
  });
  afterAll(() => ts.cleanup());

  it('stops a guest rotating keys at the per-IP quota, and never a signed-in user from the same IP', async () => {
    for (let i = 0; i < 3; i += 1) {
      const reply = await createTicket(ts, guestAuth(), { ...validDrafts.other, contact: guestContact, consent: true });
      expect(reply.status, reply.text).toBe(201);
    }
    const refused = await createTicket(ts, guestAuth(), { ...validDrafts.other, contact: guestContact, consent: true });
    expectError(refused, 429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);

    // The same IP, signed in: counted by identity only.
    const user = await userAuth(ts, 'classroom-teacher');
    const mine = await createTicket(ts, user, validDrafts.other);
    expect(mine.status, mine.text).toBe(201);
    // Anonymous hours banner: its own bucket.
    expect((await call(ts, 'GET', '/meta')).status).toBe(200);
  });

  it('pages a reporter\'s tickets newest first, each exactly once, while new tickets arrive', async () => {
    const user = await userAuth(ts, 'pager');
    const made: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const reply = await createTicket(ts, user, { ...validDrafts.other, subject: `Страница ${i}` });
      made.push(createTicketResponseSchema.parse(reply.body).ticket.id);
    }
    const seen: string[] = [];
    let cursor: string | null | undefined = null;
    let pages = 0;
    do {
      const path: string = cursor === null || cursor === undefined ? '/tickets?limit=3' : `/tickets?limit=3&cursor=${encodeURIComponent(cursor)}`;
      const page = ticketListSchema.parse((await call(ts, 'GET', path, { auth: user })).body);
      seen.push(...page.tickets.map((t) => t.id));
      cursor = page.nextCursor;
      pages += 1;
      // A ticket created between pages is newer than the cursor: it never shifts or repeats a later page.
      if (pages === 1) await createTicket(ts, user, { ...validDrafts.other, subject: 'Новое между страницами' });
    } while (cursor !== null && cursor !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
    expectError(await call(ts, 'GET', '/tickets?limit=101', { auth: user }), 400);
    expectError(await call(ts, 'GET', '/tickets?cursor=nonsense', { auth: user }), 400);
  });

  it('keeps at most the configured number of streams per reporter: a new one closes the oldest', async () => {
    const user = await userAuth(ts, 'streamer');
    const reply = await createTicket(ts, user, validDrafts.other);
    const { ticket } = createTicketResponseSchema.parse(reply.body);
    const url = `${ts.api}/tickets/${ticket.id}/events`;
    const first = await openSse(url, { authorization: user });
    const second = await openSse(url, { authorization: user });
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await openSse(url, { authorization: user });
    expect(third.status).toBe(200);
    await streamEnds(first);
    // The newer streams stay open and still deliver.
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: user, json: { text: 'Дополнение' } })).status).toBe(201);
    for (const stream of [second, third]) {
      let frame = await stream.next(10_000);
      while (frame.data?.includes('Дополнение') !== true) frame = await stream.next(10_000);
      expect(frame.data).toContain('Дополнение');
    }
    for (const stream of [first, second, third]) stream.close();
  });

  it('ends a stream when the token that opened it is no longer accepted, and keeps one opened with a fresh token', async () => {
    const user = await userAuth(ts, 'short-lived');
    const { ticket } = createTicketResponseSchema.parse((await createTicket(ts, user, validDrafts.other)).body);
    const url = `${ts.api}/tickets/${ticket.id}/events`;
    // Expired 28 s ago: still accepted for the 30 s of clock leeway, so the stream opens and lasts about 2 s more.
    const leeway = TOKEN_CLOCK_TOLERANCE_SECONDS - 2;
    const signed = Date.now();
    const expiring = await openSse(url, { authorization: `Bearer ${await signReporterToken(profile('short-lived'), TEST_SECRET, `-${leeway}s`, ts.clock())}` });
    const fresh = await openSse(url, { authorization: user });
    expect([expiring.status, fresh.status]).toEqual([200, 200]);
    await streamEnds(expiring);
    // Not at once: a stream opened within the leeway lasts to its end (exp is in whole seconds: 1 to 2 s after signing).
    expect(Date.now() - signed).toBeGreaterThanOrEqual(1000);
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: user, json: { text: 'После истечения' } })).status).toBe(201);
    let frame = await fresh.next(10_000);
    while (frame.data?.includes('После истечения') !== true) frame = await fresh.next(10_000);
    fresh.close();
  });
});

describe('the guests’ upload bytes per address', () => {
  it('counts uploads sent in chunks (no Content-Length) as the largest file while they are in flight', async () => {
    const ts = await startTestServer({
      config: {
        limits: { maxFileBytes: 200_000, maxFilesPerTicket: 10, maxPixels: 1_000_000, acceptedTypes: [] },
        guard: { ...DEFAULT_GUARD_LIMITS, guestUploadBytesPerIpHour: 600_000 },
      },
    });
    try {
      // Five 150 kB files at once, each from a new guest key, each body streamed: 750 kB against 600 kB an hour.
      const form = fileForm(pdfFile(150_000), 'act.pdf', 'application/pdf');
      const encoded = new Request('http://encoder.invalid/', { method: 'POST', body: form });
      const bytes = new Uint8Array(await encoded.arrayBuffer());
      const type = encoded.headers.get('content-type') ?? '';
      const chunked = () =>
        fetch(`${ts.api}/attachments`, {
          method: 'POST',
          headers: { authorization: guestAuth(), 'content-type': type },
          body: new ReadableStream({
            start(controller) {
              controller.enqueue(bytes);
              controller.close();
            },
          }),
          duplex: 'half',
        } as RequestInit & { duplex: 'half' });
      const statuses = (await Promise.all(Array.from({ length: 5 }, chunked))).map((response) => response.status);
      expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(3);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(2);
    } finally {
      await ts.cleanup();
    }
  });
});

describe('quota counters when requests read the clock out of order', () => {
  // Two processes (or one waiting for a database connection) may count a request that read the clock a little
  // earlier after one that read it later. The earlier time belongs to the window already open.
  let now = Date.parse('2026-12-07T09:00:00Z');
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ clock: () => new Date(now), config: { guard: { ...DEFAULT_GUARD_LIMITS, guestTicketsPerIpHour: 2 } } });
  });
  afterAll(() => ts.cleanup());
  const guestTicket = () => createTicket(ts, guestAuth(), { ...validDrafts.other, contact: guestContact, consent: true });

  it('a guest request timed a few seconds before the open window counts in it, and does not start the quota anew', async () => {
    expect((await guestTicket()).status).toBe(201);
    expect((await guestTicket()).status).toBe(201);
    now -= 5_000;
    expectError(await guestTicket(), 429, 'rate_limited');
    // The hour after the window opened is a new one.
    now += 5_000 + 60 * 60 * 1000;
    expect((await guestTicket()).status).toBe(201);
  });
});

describe('sends per hour', () => {
  // A refused send gives a guest's ticket back, so the tickets' quota alone let one client keep the server running
  // the one-problem check (up to a fifth of a second on a long text) as often as the rate limit allowed.
  const TWO = 'Не открывается видео в курсе «Охрана труда». Кроме того, в отчёте по группе неверные даты.';
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer({ config: { guard: { ...DEFAULT_GUARD_LIMITS, guestSendsPerIpHour: 3, sendsPerUserHour: 2 } } });
  });
  afterAll(() => ts.cleanup());

  it('counts every send of a guest’s address, refused as several problems too, and then refuses with when to come back', async () => {
    const guestTwo = () => createTicket(ts, guestAuth(), { ...validDrafts.other, description: TWO, contact: guestContact, consent: true });
    for (let i = 0; i < 3; i += 1) expectError(await guestTwo(), 422, 'several_problems');
    const refused = await guestTwo();
    expectError(refused, 429, 'rate_limited');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/^С этого адреса слишком часто отправляют обращения\. Повторите через \d+ мин\. или войдите в LMS\.$/u);
    // A signed-in user from the same address is counted as themselves.
    const user = await userAuth(ts, 'sends-teacher');
    expect((await createTicket(ts, user, validDrafts.other)).status).toBe(201);
  });

  it('counts a signed-in user’s sends as theirs alone', async () => {
    const user = await userAuth(ts, 'sends-user');
    expect((await createTicket(ts, user, validDrafts.other)).status).toBe(201);
    expectError(await createTicket(ts, user, { ...validDrafts.other, description: TWO }), 422, 'several_problems');
    const refused = await createTicket(ts, user, validDrafts.other);
    expectError(refused, 429, 'rate_limited');
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/^Вы слишком часто отправляете обращения\. Повторите через \d+ мин\.$/u);
    expect((await createTicket(ts, await userAuth(ts, 'sends-colleague'), validDrafts.other)).status).toBe(201);
  });

  it('answers a retry of a send already answered, however many sends the hour has had: its answer or its 409', async () => {
    const user = await userAuth(ts, 'sends-retry');
    const key = newKey();
    const first = await createTicket(ts, user, validDrafts.other, key);
    expect(first.status).toBe(201);
    expect((await createTicket(ts, user, validDrafts.course)).status).toBe(201);
    expectError(await createTicket(ts, user, validDrafts.other), 429, 'rate_limited');
    // The answer lost on the way is asked for again: the hour's sends are spent, the ticket is there.
    for (let i = 0; i < 3; i += 1) {
      const again = await createTicket(ts, user, validDrafts.other, key);
      expect(again.status, again.text).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
    }
    expectError(await createTicket(ts, user, validDrafts.course, key), 409, 'idempotency_conflict');
  });
});
