/**
 * Decoding an image costs by its pixels, not its bytes: a 2 kB lossless WebP can hold tens of megapixels. One
 * process decodes a bounded number at a time, a bounded number wait, the rest are told to come back (503); a
 * wait is not idleness that cuts the connection; a guest's image costs its address by its pixels.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../src/core';
import { createWorkGate } from '../../src/server/guard/work-gate';
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
});

describe('decoding images through the gate', () => {
  let big: Buffer;
  beforeAll(async () => {
    big = await bigWebp(4000, 4000);
  });

  it('a burst of large images from one client: one decodes, one waits, the rest get 503 and leave nothing', async () => {
    const ts = await serverWith({ imageJobs: 1, imageQueue: 1 });
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

  it('an upload that waits for its turn and its decoding is not cut by the idle timeout', async () => {
    // Each decode takes a second or more, so the last upload waits well past the idle timeout; the timeout is long
    // enough that a busy machine sending the bodies themselves does not pause that long between chunks.
    const ts = await serverWith({ imageJobs: 1, imageQueue: 4, idleTimeoutMs: 600 });
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
    // 16 megapixels in a few kilobytes count as 4 MB against 3 MB an hour: the next upload is refused.
    const ts = await serverWith({ guestUploadBytesPerIpHour: 3_000_000 });
    try {
      expect(big.length).toBeLessThan(DEFAULT_ATTACHMENT_LIMITS.maxFileBytes / 100);
      expect((await upload(ts, guestAuth(), big)).status).toBe(201);
      const next = await upload(ts, guestAuth(), await pngImage(), 'small.png', 'image/png');
      expect(next.status).toBe(429);
    } finally {
      await ts.cleanup();
    }
  });
});
