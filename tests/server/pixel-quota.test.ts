/**
 * An image is charged to its owner's quota by its pixels before it is decoded: once the body is in, its header's
 * dimensions grow the reservation made by the declared size, and an image that would pass the quota is refused
 * (429, the reservation given back) without entering the decoder. Uploads in flight at once add up the same way.
 */
import { connect } from 'node:net';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';
import type { GuardLimits } from '../../src/server/guard/limits';
import { createUploadQuota } from '../../src/server/guard/upload-quota';
import { currentWindow } from '../../src/server/storage/counter-window';
import type { CounterState, Counters } from '../../src/server/storage/types';
import { agentAuth, call, expectError, guestAuth, startTestServer, tableCounts, TEST_ENGINE, userAuth } from './helpers';
import type { Reply, TestServer } from './helpers';
import { fileForm, headerOnlyWebp, pngImage } from './images';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

describe('the pixel cost of an image, charged before decoding', () => {
  let ts: TestServer | null = null;
  const now = new Date('2026-11-25T09:00:00Z').getTime();
  const serverWith = async (guard: Partial<GuardLimits>) => {
    ts = await startTestServer({ clock: () => new Date(now), config: { guard: { ...DEFAULT_GUARD_LIMITS, ...guard } } });
    return ts;
  };
  const upload = (server: TestServer, auth: string, bytes: Buffer, name: string, headers: Record<string, string> = {}) =>
    call(server, 'POST', '/attachments', { auth, body: fileForm(bytes, name, name.endsWith('.png') ? 'image/png' : 'image/webp'), headers });
  const message = (reply: Reply) => (reply.body as { error: { message: string } }).error.message;

  afterEach(async () => {
    await ts?.cleanup();
    ts = null;
  });

  it('refuses a user’s image whose header’s pixels pass what is left of the day, without decoding it, and gives it all back', async () => {
    const server = await serverWith({ uploadBytesPerUserDay: 1_000_000 });
    const auth = await userAuth(server, 'painter');
    // 36 megapixels in 4 kB, nothing decodable after the header: charged 9 MB, it must be refused before decoding.
    const claimed = await headerOnlyWebp(6_000, 6_000);
    // Decoded, it is damaged (a specialist is not counted, so his copy reaches the decoder).
    expectError(await upload(server, agentAuth, claimed, 'claimed.webp'), 422, 'validation_failed');
    const refused = await upload(server, auth, claimed, 'claimed.webp');
    expectError(refused, 429, 'rate_limited');
    expect(message(refused)).toBe(
      'Изображение слишком большое для того, что осталось от суточной квоты: по числу пикселей оно считается как 9 МБ, а за сутки можно загрузить не больше 977 КБ. Повторите через 24 ч.',
    );
    expect(Number(refused.headers.get('retry-after'))).toBe(DAY_MS / 1000);
    const english = await upload(server, auth, claimed, 'claimed.webp', { 'accept-language': 'en' });
    expect(message(english)).toBe("The image is too large for what is left of today's quota: by its pixels it counts as 9 MB, and 977 kB a day at most. Try again in 24 h.");
    // Nothing of the refused ones stays counted: four images of 250,000 bytes of decoding fill the day exactly, each
    // settled at that real cost, and the next is refused.
    const plain = await pngImage(1_000, 1_000);
    for (let round = 0; round < 4; round++) expect((await upload(server, auth, plain, `plain-${round}.png`)).status).toBe(201);
    expectError(await upload(server, auth, await pngImage(), 'small.png'), 429, 'rate_limited');
    expect(tableCounts(server.dbPath).attachments).toBe(4);
  });

  it('lets a user’s images in flight at once pass the day by their pixels no more than one by one', async () => {
    const server = await serverWith({ uploadBytesPerUserDay: 1_200_000, imagesPerOwner: 100 });
    const auth = await userAuth(server, 'burst');
    // 4 megapixels each, 1,000,000 bytes of decoding: however they interleave, only the first to be charged fits.
    const wide = await pngImage(2_000, 2_000);
    const replies = await Promise.all(Array.from({ length: 3 }, (_, index) => upload(server, auth, wide, `wide-${index}.png`)));
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 429, 429]);
    expect(tableCounts(server.dbPath).attachments).toBe(1);
    // What is left of the day still takes a small image.
    expect((await upload(server, auth, await pngImage(), 'small.png')).status).toBe(201);
  });

  // The counters are read from the SQLite file: the moment the header's pixels are charged is when decoding begins.
  it.skipIf(TEST_ENGINE !== 'sqlite')('charges an image decoded for a client that left while it was decoded, as a stored one', { timeout: 60_000 }, async () => {
    const server = await serverWith({ uploadsPerUserDay: 1 });
    const auth = await userAuth(server, 'leaver');
    // 36 megapixels take seconds to decode: the client leaves once they are charged, while the server decodes.
    const image = await pngImage(6_000, 6_000);
    const request = new Request(`${server.api}/attachments`, { method: 'POST', body: fileForm(image, 'left.png', 'image/png') });
    const body = Buffer.from(await request.arrayBuffer());
    const { hostname, port, pathname } = new URL(`${server.api}/attachments`);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const head = `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: ${auth}\r\nContent-Type: ${request.headers.get('content-type') ?? ''}\r\nContent-Length: ${body.length}\r\n\r\n`;
    socket.write(Buffer.concat([Buffer.from(head), body]));
    const charged = () => {
      const db = new BetterSqlite3(server.dbPath, { readonly: true });
      try {
        return (db.prepare("SELECT count FROM rate_counters WHERE key LIKE 'upload-bytes:%'").get() as { count: number } | undefined)?.count ?? 0;
      } finally {
        db.close();
      }
    };
    await vi.waitFor(() => expect(charged()).toBe(9_000_000), { timeout: 30_000, interval: 5 });
    socket.destroy();
    await vi.waitFor(() => expect(server.logs.some((line) => line.text.includes('"path":"/api/v1/attachments"') && line.text.includes('"status":400'))).toBe(true), { timeout: 30_000, interval: 20 });
    // Decoded and not stored, it is still the day's one file.
    expect(tableCounts(server.dbPath).attachments).toBe(0);
    expect(charged()).toBe(9_000_000);
    expectError(await upload(server, auth, await pngImage(), 'small.png'), 429, 'rate_limited');
  });

  it('refuses a guest’s image whose header’s pixels pass what is left of the address’s hour, without decoding it', async () => {
    const server = await serverWith({ guestUploadBytesPerIpHour: 1_000_000 });
    const claimed = await headerOnlyWebp(6_000, 6_000);
    const refused = await upload(server, guestAuth(), claimed, 'claimed.webp');
    expectError(refused, 429, 'rate_limited');
    expect(message(refused)).toBe(
      'Изображение слишком большое для того, что осталось от часовой квоты гостевых файлов с этого адреса: по числу пикселей оно считается как 9 МБ. Повторите через 60 мин. или войдите в LMS.',
    );
    expect(Number(refused.headers.get('retry-after'))).toBe(HOUR_MS / 1000);
    // Given back: the address's hour still takes four images of 250,000 bytes of decoding, and no more.
    const plain = await pngImage(1_000, 1_000);
    for (let round = 0; round < 4; round++) expect((await upload(server, guestAuth(), plain, `plain-${round}.png`)).status).toBe(201);
    expectError(await upload(server, guestAuth(), await pngImage(), 'small.png'), 429, 'rate_limited');
  });
});

describe('a reservation grown by an image’s pixels', () => {
  /** Counters in memory, by the window rule both engines apply in their upserts. */
  const memoryCounters = (): Counters => {
    const rows = new Map<string, CounterState>();
    return {
      add: (key, amount, windowMs, nowMs) => {
        const current = currentWindow(rows.get(key), nowMs, windowMs);
        const state = { start: current.start, count: current.count + amount };
        rows.set(key, state);
        return Promise.resolve(state);
      },
      peek: (key, windowMs, nowMs) => Promise.resolve(currentWindow(rows.get(key), nowMs, windowMs)),
      sweep: () => Promise.resolve(0),
    };
  };

  it('charges the whole cost to a window that began since the reservation, and settles and gives back there', async () => {
    let now = new Date('2026-11-25T09:00:00Z').getTime();
    const counters = memoryCounters();
    const quota = createUploadQuota({ ...DEFAULT_GUARD_LIMITS, uploadBytesPerUserDay: 1_000_000 }, () => new Date(now), counters);
    const bytes = () => counters.peek('upload-bytes:user:late', DAY_MS, now).then((state) => state.count);
    const reservation = await quota.reserve('user:late', 5_000);
    // The body took so long that a new day began before its header was read.
    now += DAY_MS;
    await reservation.grow(600_000);
    expect(await bytes()).toBe(600_000);
    await reservation.settle(650_000);
    expect(await bytes()).toBe(650_000);
    const refused = await quota.reserve('user:late', 5_000);
    await expect(refused.grow(400_000)).rejects.toMatchObject({ status: 429 });
    expect(await bytes()).toBe(650_000);
  });
});
