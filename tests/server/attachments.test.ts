import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentSchema, createTicketResponseSchema, ticketChangeSchema } from '../../src/core';
import { inspectUpload } from '../../src/server/attachments/inspect';
import { createFileStorage } from '../../src/server/attachments/storage';
import type { FileStorage } from '../../src/server/attachments/storage';
import { ApiFailure, isStorageUnavailable } from '../../src/server/errors';
import { validDrafts } from '../fixtures/drafts';
import { call, createTicket, expectError, startTestServer, tableCounts, userAuth } from './helpers';
import type { Reply, TestServer } from './helpers';
import {
  fileForm,
  gifImage,
  htmlPayload,
  jpegWithGps,
  pdfFile,
  pngImage,
  POLYGLOT_MARKER,
  polyglotPng,
  rotatedJpeg,
  svgPayload,
  webpImage,
} from './images';

async function download(ts: TestServer, auth: string, id: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${ts.api}/attachments/${id}`, { headers: { authorization: auth } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('attachments', () => {
  let ts: TestServer;
  let auth: string;
  const upload = (bytes: Buffer, name: string, type?: string, who = auth): Promise<Reply> =>
    call(ts, 'POST', '/attachments', { auth: who, body: fileForm(bytes, name, type) });
  const uploaded = async (bytes: Buffer, name: string, type?: string) => {
    const reply = await upload(bytes, name, type);
    expect(reply.status, reply.text).toBe(201);
    return attachmentSchema.parse(reply.body);
  };

  beforeAll(async () => {
    ts = await startTestServer({ config: { limits: { maxFileBytes: 200_000, maxFilesPerTicket: 50, maxPixels: 1_000_000, acceptedTypes: [] } } });
    auth = await userAuth(ts, 'uploader');
  });
  afterAll(() => ts.cleanup());

  it('stores a PNG and serves it back only as a download with safe headers', async () => {
    const meta = await uploaded(await pngImage(32, 24), 'Скриншот экрана.png', 'image/png');
    expect(meta).toMatchObject({ contentType: 'image/png', width: 32, height: 24, name: 'Скриншот экрана.png' });
    const got = await download(ts, auth, meta.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="________ ______.png"; filename*=UTF-8''${encodeURIComponent('Скриншот экрана.png')}`,
    );
    expect((await sharp(got.bytes).metadata()).format).toBe('png');
    expect(got.bytes.length).toBe(meta.size);
  });

  it.each([
    ['SVG disguised as .png', svgPayload],
    ['HTML disguised as .png', htmlPayload],
    ['plain text', Buffer.from('hello world, just text')],
    ['a ZIP', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)])],
  ])('refuses %s by content (415)', async (_name, bytes) => {
    expectError(await upload(bytes, 'innocent.png', 'image/png'), 415, 'unsupported_media_type');
  });

  it('says a file named as an accepted type whose bytes are not one is damaged or not really that type', async () => {
    const fake = Buffer.from('these bytes were never a picture');
    const asPng = await upload(fake, 'fake.png', 'image/png');
    expectError(asPng, 415, 'unsupported_media_type');
    expect((asPng.body as { error: { message: string } }).error.message).toBe('Файл повреждён или на самом деле это не PNG: откройте его и сохраните заново.');
    const asJpeg = await upload(fake, 'Фото.JPG');
    expect((asJpeg.body as { error: { message: string } }).error.message).toContain('на самом деле это не JPEG');
    // Named as what we do not take: the refusal lists what we do.
    const asText = await upload(fake, 'notes.txt', 'text/plain');
    expect((asText.body as { error: { message: string } }).error.message).toBe('Можно приложить только изображения PNG, JPEG, WebP, GIF или документ PDF.');
  });

  it('a polyglot PNG loses its trailing HTML/ZIP payload', async () => {
    const meta = await uploaded(await polyglotPng(), 'poly.png');
    const got = await download(ts, auth, meta.id);
    expect(got.bytes.includes(Buffer.from(POLYGLOT_MARKER))).toBe(false);
    expect(got.bytes.includes(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
    expect(got.bytes.includes(Buffer.from('<html'))).toBe(false);
  });

  it('a JPEG with EXIF GPS is stored without EXIF', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const meta = await uploaded(original, 'photo.jpg');
    const stored = await sharp((await download(ts, auth, meta.id)).bytes).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    expect(stored.icc).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
  });

  it('honours EXIF orientation before dropping it', async () => {
    const meta = await uploaded(await rotatedJpeg(), 'rotated.jpg');
    expect([meta.width, meta.height]).toEqual([20, 40]);
  });

  it('accepts WebP, GIF and PDF; refuses a PDF without its trailer', async () => {
    expect((await uploaded(await webpImage(), 'a.webp')).contentType).toBe('image/webp');
    expect((await uploaded(await gifImage(), 'a.gif')).contentType).toBe('image/gif');
    const pdf = pdfFile(500);
    const meta = await uploaded(pdf, 'act.pdf');
    expect(meta).toMatchObject({ contentType: 'application/pdf', size: pdf.length });
    expect((await download(ts, auth, meta.id)).bytes.equals(pdf)).toBe(true);
    expectError(await upload(pdfFile(500, false), 'cut.pdf'), 422, 'validation_failed');
  });

  it('sanitises the original name: no path, control or bidi characters; the real type’s extension', async () => {
    // Raw control characters in a part header are malformed multipart (400); bidi and path characters are sanitised.
    expectError(await upload(await pngImage(), 'a\u0000\u0007.png'), 400, 'bad_request');
    const meta = await uploaded(await pngImage(), '../../etc/\u202Egnp.exe.html');
    expect(meta.name).toBe('gnp.exe.html.png');
    const long = await uploaded(await pngImage(), `${'я'.repeat(400)}.png`);
    expect([...long.name].length).toBeLessThanOrEqual(255);
    expect(long.name.endsWith('.png')).toBe(true);
    // A part typed as a file but with no filename at all: stored under the type's fallback name.
    const raw = Buffer.concat([
      Buffer.from('--BB\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: application/octet-stream\r\n\r\n'),
      await pngImage(),
      Buffer.from('\r\n--BB--\r\n'),
    ]);
    const nameless = await call(ts, 'POST', '/attachments', { auth, body: raw, headers: { 'content-type': 'multipart/form-data; boundary=BB' } });
    expect(nameless.status, nameless.text).toBe(201);
    expect(attachmentSchema.parse(nameless.body).name).toBe('file.png');
  });

  it('refuses files over the size limit with 413 (checked after reading and at the HTTP level)', async () => {
    // Exactly the limit is allowed; one byte more is not.
    expect((await uploaded(pdfFile(200_000), 'full.pdf')).size).toBe(200_000);
    expectError(await upload(pdfFile(200_001), 'over.pdf'), 413, 'payload_too_large');
    expectError(await upload(pdfFile(210_000), 'big.pdf'), 413, 'payload_too_large');
    expectError(await upload(pdfFile(2_000_000), 'huge.pdf'), 413, 'payload_too_large');
  });

  it('refuses images over the pixel limit (checked from the header)', async () => {
    const big = await sharp({ create: { width: 1200, height: 1000, channels: 3, background: '#fff' } }).png().toBuffer();
    expectError(await upload(big, 'big.png'), 413, 'payload_too_large');
  });

  it('refuses a wrong content type, a missing file, two files, an empty file', async () => {
    expectError(await call(ts, 'POST', '/attachments', { auth, json: { file: 'x' } }), 415, 'unsupported_media_type');
    const none = new FormData();
    none.append('other', 'value');
    expectError(await call(ts, 'POST', '/attachments', { auth, body: none }), 422, 'validation_failed');
    const two = fileForm(await pngImage(), 'a.png');
    two.append('file', new Blob([new Uint8Array(await pngImage())]), 'b.png');
    expectError(await call(ts, 'POST', '/attachments', { auth, body: two }), 422, 'validation_failed');
    expectError(await upload(Buffer.alloc(0), 'empty.png'), 422, 'validation_failed');
    // The server does not inflate: a compressed upload would be stored as its compressed bytes.
    const form = new Response(fileForm(await pngImage(), 'a.png'));
    const body = Buffer.from(await form.arrayBuffer());
    const type = form.headers.get('content-type') ?? '';
    expectError(await call(ts, 'POST', '/attachments', { auth, body, headers: { 'content-type': type, 'content-encoding': 'gzip' } }), 415, 'unsupported_media_type');
    expect((await call(ts, 'POST', '/attachments', { auth, body, headers: { 'content-type': type, 'content-encoding': 'identity' } })).status).toBe(201);
  });

  it('attachments travel with a message and show on its event', async () => {
    const ticket = createTicketResponseSchema.parse((await createTicket(ts, auth, validDrafts.other)).body).ticket;
    const file = await uploaded(await pngImage(), 'reply.png');
    const reply = await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth, json: { text: 'Скриншот', attachmentIds: [file.id] } });
    expect(reply.status, reply.text).toBe(201);
    expect(ticketChangeSchema.parse(reply.body).event.attachments.map((a) => a.id)).toEqual([file.id]);
  });
});

describe('attachment count limits', () => {
  it('limits pending uploads per owner and files per ticket (too_many_attachments)', async () => {
    const ts = await startTestServer({ config: { limits: { maxFileBytes: 100_000, maxFilesPerTicket: 3, maxPixels: 1_000_000, acceptedTypes: [] }, maxPendingUploads: 4 } });
    try {
      const auth = await userAuth(ts, 'many');
      const ids: string[] = [];
      // Files wait in drafts, maybe two of them (on two devices): more than one ticket takes, up to the pending limit.
      for (let i = 0; i < 4; i++) {
        const reply = await call(ts, 'POST', '/attachments', { auth, body: fileForm(await pngImage(), `${i}.png`) });
        ids.push(attachmentSchema.parse(reply.body).id);
      }
      const fifth = await call(ts, 'POST', '/attachments', { auth, body: fileForm(await pngImage(), '5.png') });
      expectError(fifth, 422, 'too_many_attachments');
      expect(JSON.stringify(fifth.body)).toContain('ждут отправки в ваших черновиках: не больше 4');
      expectError(await createTicket(ts, auth, { ...validDrafts.other, attachmentIds: ids }), 422, 'too_many_attachments');
      const ticket = createTicketResponseSchema.parse((await createTicket(ts, auth, { ...validDrafts.other, attachmentIds: ids.slice(0, 3) })).body).ticket;
      expect(ticket.attachments).toHaveLength(3);
      // The ticket is full: one more file with a message is refused, and the refused message left no event.
      const extra = attachmentSchema.parse((await call(ts, 'POST', '/attachments', { auth, body: fileForm(await pngImage(), '5.png') })).body);
      const before = tableCounts(ts.dbPath);
      const reply = await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth, json: { text: 'ещё', attachmentIds: [extra.id] } });
      expectError(reply, 422, 'too_many_attachments');
      expect(tableCounts(ts.dbPath)).toEqual(before);
    } finally {
      await ts.cleanup();
    }
  });
});

describe('writing a cleaned image', () => {
  it('a disk that cannot take the re-encoded image is the server’s failure (503, logged), not a damaged file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'support-full-'));
    try {
      const source = join(dir, 'upload.part');
      writeFileSync(source, await pngImage(32, 24));
      // /dev/full answers every write with ENOSPC, as a full attachments folder does.
      const files: FileStorage = { ...createFileStorage(join(dir, 'files')), temporary: () => '/dev/full', dropTemporary: async () => undefined };
      const failure = await inspectUpload(files, source, 1_000, 'image/png', 1_000_000).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).not.toBeInstanceOf(ApiFailure);
      expect(isStorageUnavailable(failure)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the stored image is its owner’s alone to read (0600), as a received file is', async () => {
    const ts = await startTestServer();
    try {
      const auth = await userAuth(ts, 'uploader');
      const reply = await call(ts, 'POST', '/attachments', { auth, body: fileForm(await pngImage(32, 24), 'a.png', 'image/png') });
      expect(reply.status, reply.text).toBe(201);
      const folder = join(ts.dir, 'attachments');
      const stored = readdirSync(folder).filter((entry) => /^[a-f0-9]{32}$/.test(entry));
      expect(stored).toHaveLength(1);
      expect(statSync(join(folder, stored[0] ?? '')).mode & 0o777).toBe(0o600);
    } finally {
      await ts.cleanup();
    }
  });
});
