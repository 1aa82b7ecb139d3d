/**
 * Decoding an image costs by its pixels, not its bytes: a 2 kB lossless WebP can hold tens of megapixels. One
 * process decodes a bounded number at a time, a bounded number wait, the rest are told to come back (503); one
 * owner holds a bounded share of them (429 beyond), so others still get their turn; a wait is not idleness that
 * cuts the connection; a guest's image costs its address by its pixels, charged before it is decoded.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../src/core';
import { createWorkGate, shareWorkGate } from '../../src/server/guard/work-gate';
import { DEFAULT_GUARD_LIMITS } from '../../src/server/guard/limits';
import type { GuardLimits } from '../../src/server/guard/limits';
import { guestAuth, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';
import { fileForm, pngImage } from './images';

/** A flat lossless WebP: a few kilobytes on the wire, `width × height` pixels to decode. */
const bigWebp = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#7799bb' } }).webp({ lossless: true }).toBuffer();

const upload = (ts: TestServer, auth: string, bytes: Buffer, name = 'screen.webp', type = 'image/webp') =>
  fetch(`${ts.api}/attachments`, { method: 'POST', headers: { authorization: auth }, body: fileForm(bytes, name, type) });

const serverWith = (guard: Partial<GuardLimits>) => startTestServer({ config: { guard: { ...DEFAULT_GUARD_LIMITS, ...guard } } });

describe('the work gate', () => {
  it('runs jobs up to its places, queues up to its queue in order, and refuses the rest with 503', async () => {
    const gate = createWorkGate(1, 2, { ru: 'занято', en: 'busy' });
    const releases: Array<() => void> = [];
    const order: number[] = [];
    const job = (n: number) => () => new Promise<number>((resolve) => releases.push(() => resolve(n))).then((value) => (order.push(value), value));
    const first = gate.run(job(1));
    const second = gate.run(job(2));
    const third = gate.run(job(3));
    await expect(gate.run(job(4))).rejects.toMatchObject({ status: 503, code: 'unavailable', headers: { 'Retry-After': '5' } });
    expect(gate.load()).toEqual({ running: 1, waiting: 2 });
    releases.shift()?.();
    await first;
    // The place passes to the next in line: still one running.
    await expect.poll(() => releases.length).toBe(1);
    expect(gate.load()).toEqual({ running: 1, waiting: 1 });
    releases.shift()?.();
    await second;
    await expect.poll(() => releases.length).toBe(1);
    releases.shift()?.();
    expect(await third).toBe(3);
    expect(order).toEqual([1, 2, 3]);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
    // A failed job frees its place too.
    await expect(gate.run(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('shared by owners: one past its share is refused at once, the others still queue, a finished job frees the share', async () => {
    const gate = createWorkGate(1, 4, { ru: 'занято', en: 'busy' });
    const shared = shareWorkGate(gate, 2, () => new Error('your share is taken'));
    const releases: Array<() => void> = [];
    const job = () => new Promise<void>((resolve) => releases.push(resolve));
    const alice = [shared.run('alice', job), shared.run('alice', job)];
    await expect(shared.run('alice', job)).rejects.toThrow('your share is taken');
    expect(gate.load()).toEqual({ running: 1, waiting: 1 });
    const bob = shared.run('bob', job);
    expect(shared.held('alice')).toBe(2);
    expect(shared.held('bob')).toBe(1);
    releases.shift()?.();
    await alice[0];
    expect(shared.held('alice')).toBe(1);
    const third = shared.run('alice', job);
    while (releases.length > 0 || gate.load().running > 0) {
      await expect.poll(() => releases.length).toBeGreaterThan(0);
      releases.shift()?.();
      await Promise.resolve();
    }
    await Promise.all([alice[1], bob, third]);
    expect(shared.held('alice') + shared.held('bob')).toBe(0);
    // A job refused by the gate itself gives its share back too.
    const full = shareWorkGate(createWorkGate(1, 0, { ru: 'занято', en: 'busy' }), 2, () => new Error('share'));
    const first = full.run('carol', job);
    await expect(full.run('dave', job)).rejects.toMatchObject({ status: 503 });
    expect(full.held('dave')).toBe(0);
    await expect.poll(() => releases.length).toBe(1);
    releases.shift()?.();
    await first;
  });
});

describe('decoding images through the gate', () => {
  let big: Buffer;
  beforeAll(async () => {
    big = await bigWebp(4000, 4000);
  });

  it('a burst of large images from one client: one decodes, one waits, the rest get 503 and leave nothing', async () => {
    const ts = await serverWith({ imageJobs: 1, imageQueue: 1, imagesPerOwner: 100 });
    try {
      const auth = await userAuth(ts, 'alice');
      const replies = await Promise.all(Array.from({ length: 6 }, () => upload(ts, auth, big)));
      const statuses = replies.map((reply) => reply.status);
      expect(statuses.every((status) => status === 201 || status === 503), statuses.join()).toBe(true);
      expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(1);
      const refused = replies.find((reply) => reply.status === 503);
      expect(refused?.headers.get('retry-after')).toBe('5');
      expect(((await refused?.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      expect(tableCounts(ts.dbPath).attachments).toBe(statuses.filter((status) => status === 201).length);
    } finally {
      await ts.cleanup();
    }
  });

  it('one user keeping the queue busy gets 429 past its share, and another user’s image is still decoded', async () => {
    // Without the share, five at once fill the gate (one decoding, three waiting) and everyone else gets 503.
    const ts = await serverWith({ imageJobs: 1, imageQueue: 3, imagesPerOwner: 2 });
    try {
      const alice = await userAuth(ts, 'alice');
      const settled: number[] = [];
      const sent = Array.from({ length: 5 }, () => upload(ts, alice, big).then((reply) => (settled.push(reply.status), reply)));
      // Her refusals come at once; two of hers take a second or more each to decode.
      const first = await Promise.race(sent);
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('2');
      const body = (await first.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toContain('не больше 2');
      const small = await pngImage(10, 10);
      const bobAuth = await userAuth(ts, 'bob');
      // Bob comes while both of hers are still in the gate, and waits his turn behind them instead of a 503.
      expect(settled.filter((status) => status === 201)).toEqual([]);
      const bob = await upload(ts, bobAuth, small, 'small.png', 'image/png');
      expect(bob.status).toBe(201);
      const statuses = (await Promise.all(sent)).map((reply) => reply.status).sort();
      expect(statuses).toEqual([201, 201, 429, 429, 429]);
      expect(tableCounts(ts.dbPath).attachments).toBe(3);
      // Her share is free again.
      expect((await upload(ts, alice, await pngImage(), 'again.png', 'image/png')).status).toBe(201);
    } finally {
      await ts.cleanup();
    }
  });

  it('the guests of one address share one share of the gate, whatever keys they use', async () => {
    const ts = await serverWith({ imageJobs: 1, imageQueue: 8, imagesPerOwner: 2 });
    try {
      const replies = await Promise.all(Array.from({ length: 3 }, () => upload(ts, guestAuth(), big)));
      expect(replies.map((reply) => reply.status).sort()).toEqual([201, 201, 429]);
      const refused = replies.find((reply) => reply.status === 429);
      expect(((await refused?.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      expect(tableCounts(ts.dbPath).attachments).toBe(2);
    } finally {
      await ts.cleanup();
    }
  });

  it('an upload that waits for its turn and its decoding is not cut by the idle timeout', async () => {
    // Each decode takes a second or more, so the last upload waits well past the idle timeout; the timeout is long
    // enough that a busy machine sending the bodies themselves does not pause that long between chunks.
    const ts = await serverWith({ imageJobs: 1, imageQueue: 4, imagesPerOwner: 100, idleTimeoutMs: 600 });
    try {
      const auth = await userAuth(ts, 'alice');
      const replies = await Promise.all(Array.from({ length: 3 }, () => upload(ts, auth, big)));
      expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201]);
      expect(tableCounts(ts.dbPath).attachments).toBe(3);
    } finally {
      await ts.cleanup();
    }
  });

  it('an upload whose client gave up while it waited is not stored', async () => {
    const ts = await serverWith({ imageJobs: 1, imageQueue: 4 });
    try {
      const auth = await userAuth(ts, 'alice');
      // Two at once, one decoded at a time: when the first is answered, the other has arrived whole and is
      // being decoded. Its client gives up then.
      const controllers = [new AbortController(), new AbortController()];
      const sent = controllers.map((controller, index) =>
        fetch(`${ts.api}/attachments`, { method: 'POST', headers: { authorization: auth }, body: fileForm(big, 'b.webp', 'image/webp'), signal: controller.signal }).then((reply) => ({ index, reply })),
      );
      const first = await Promise.race(sent);
      expect(first.reply.status).toBe(201);
      controllers[1 - first.index]?.abort();
      await expect(sent[1 - first.index]).rejects.toThrow();
      // The second request ends (the log line is written when it is answered) with nothing stored for it.
      await expect.poll(() => ts.logs.filter((line) => line.text.includes('"path":"/api/v1/attachments"')).length, { timeout: 30_000, interval: 50 }).toBe(2);
      expect(tableCounts(ts.dbPath).attachments).toBe(1);
    } finally {
      await ts.cleanup();
    }
  });

  it('a guest’s image costs the address a quarter of a byte per pixel when that is more than its size', async () => {
    // 16 megapixels in a few kilobytes count as 4 MB against 5 MB an hour: a second one is refused (before it is
    // decoded), and a small image still fits in what is left.
    const ts = await serverWith({ guestUploadBytesPerIpHour: 5_000_000 });
    try {
      expect(big.length).toBeLessThan(DEFAULT_ATTACHMENT_LIMITS.maxFileBytes / 100);
      expect((await upload(ts, guestAuth(), big)).status).toBe(201);
      const again = await upload(ts, guestAuth(), big);
      expect(again.status).toBe(429);
      expect(((await again.json()) as { error: { message: string } }).error.message).toContain('по числу пикселей оно считается как 4 МБ');
      expect((await upload(ts, guestAuth(), await pngImage(), 'small.png', 'image/png')).status).toBe(201);
      expect(tableCounts(ts.dbPath).attachments).toBe(2);
    } finally {
      await ts.cleanup();
    }
  });
});
