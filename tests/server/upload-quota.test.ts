/**
 * A signed-in user's uploads a day: files claimed by tickets leave the pending-uploads cap, so without a daily quota
 * one account could write the disk full, ticket after ticket. Counted before the body is read, settled with the size
 * stored, given back when the upload fails; specialists are not counted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentSchema } from '../../src/core';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';
import type { GuardLimits } from '../../src/server/guard/limits';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, startTestServer, tableCounts, userAuth } from './helpers';
import type { Reply, TestServer } from './helpers';
import { fileForm, pdfFile, pngImage } from './images';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('the daily upload quota of a signed-in user', () => {
  let ts: TestServer | null = null;
  let now = new Date('2026-11-25T09:00:00Z').getTime();
  const serverWith = async (guard: Partial<GuardLimits>) => {
    ts = await startTestServer({ clock: () => new Date(now), config: { guard: { ...DEFAULT_GUARD_LIMITS, ...guard } } });
    return ts;
  };
  const upload = (server: TestServer, auth: string, bytes: Buffer, name = 'report.pdf', type = 'application/pdf') =>
    call(server, 'POST', '/attachments', { auth, body: fileForm(bytes, name, type) });
  const message = (reply: Reply) => (reply.body as { error: { message: string } }).error.message;

  afterEach(async () => {
    await ts?.cleanup();
    ts = null;
  });

  it('counts the bytes of files tickets claimed, refuses past the day’s bytes with 429, and leaves other users alone', async () => {
    const server = await serverWith({ uploadBytesPerUserDay: 250_000 });
    const auth = await userAuth(server, 'filler');
    const file = pdfFile(100_000);
    const ids: string[] = [];
    for (let round = 0; round < 2; round++) {
      const reply = await upload(server, auth, file);
      expect(reply.status, reply.text).toBe(201);
      ids.push(attachmentSchema.parse(reply.body).id);
    }
    // Claimed by a ticket, they no longer wait in a draft; they still count for the day.
    expect((await createTicket(server, auth, { ...validDrafts.other, attachmentIds: ids })).status).toBe(201);
    const refused = await upload(server, auth, file);
    expectError(refused, 429, 'rate_limited');
    expect(message(refused)).toContain('слишком много данных за сутки: не больше 244 КБ');
    expect(Number(refused.headers.get('retry-after'))).toBe(DAY_MS / 1000);
    expect(tableCounts(server.dbPath).attachments).toBe(2);
    // In English too, naming the limit.
    const english = await call(server, 'POST', '/attachments', { auth, body: fileForm(file, 'report.pdf', 'application/pdf'), headers: { 'accept-language': 'en' } });
    expect(message(english)).toContain('You have uploaded too much today: 244 kB a day at most.');
    // What fits is still taken: the day's count is the size stored, not the size reserved.
    expect((await upload(server, auth, pdfFile(40_000))).status).toBe(201);
    expect((await upload(server, await userAuth(server, 'neighbour'), file)).status).toBe(201);
    // A new day starts from zero.
    now += DAY_MS;
    expect((await upload(server, await userAuth(server, 'filler'), file)).status).toBe(201);
  });

  it('counts an image by what decoding it takes when that is more than its size, as a guest’s', async () => {
    const server = await serverWith({ uploadBytesPerUserDay: 500_000 });
    const auth = await userAuth(server, 'painter');
    // 1,000 × 1,000 pixels of one colour: a few kilobytes on the wire, 250,000 bytes of decoding at a quarter byte a pixel.
    const wide = await pngImage(1_000, 1_000);
    expect(wide.length).toBeLessThan(20_000);
    expect((await upload(server, auth, wide, 'plain.png', 'image/png')).status).toBe(201);
    expect((await upload(server, auth, wide, 'plain.png', 'image/png')).status).toBe(201);
    expectError(await upload(server, auth, wide, 'plain.png', 'image/png'), 429, 'rate_limited');
  });

  it('refuses past the day’s files, gives back what a failed upload reserved, and does not count a specialist', async () => {
    const server = await serverWith({ uploadsPerUserDay: 2 });
    const auth = await userAuth(server, 'counter');
    // Damaged: refused after the body is in, and counts nothing.
    expectError(await upload(server, auth, pdfFile(400, false)), 422);
    expectError(await upload(server, auth, Buffer.from('not an image'), 'fake.png', 'image/png'), 415);
    expect((await upload(server, auth, await pngImage(), 'a.png', 'image/png')).status).toBe(201);
    const second = await upload(server, auth, await pngImage(), 'b.png', 'image/png');
    expect(second.status).toBe(201);
    // A removed file was written all the same: it keeps counting.
    expect((await call(server, 'DELETE', `/attachments/${attachmentSchema.parse(second.body).id}`, { auth })).status).toBe(204);
    const refused = await upload(server, auth, await pngImage(), 'c.png', 'image/png');
    expectError(refused, 429, 'rate_limited');
    expect(message(refused)).toContain('не больше 2');
    expect(message(refused)).toContain('Повторите через 24 ч.');
    // A specialist's files for users are support's own.
    for (let round = 0; round < 3; round++) expect((await upload(server, agentAuth, pdfFile())).status).toBe(201);
  });

  it('holds across the cleanup of counters and a restart, until the day is over', async () => {
    const first = await serverWith({ uploadsPerUserDay: 1 });
    expect((await upload(first, await userAuth(first, 'steady'), pdfFile())).status).toBe(201);
    // Two hours on, a restart sweeps counters as its cleanup does; the day's count must survive it.
    now += 2 * 60 * 60 * 1000;
    const second = await first.restart();
    ts = second;
    expectError(await upload(second, await userAuth(second, 'steady'), pdfFile()), 429, 'rate_limited');
    now += DAY_MS;
    expect((await upload(second, await userAuth(second, 'steady'), pdfFile())).status).toBe(201);
  });
});
