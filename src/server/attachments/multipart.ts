/**
 * Receives exactly one file from a `multipart/form-data` body (field `file`) straight to a temporary file:
 * the bytes never sit in memory, the size is enforced while they arrive, and the type is decided from the
 * first bytes, so a wrong file is refused before the rest of it is read.
 */
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Context } from 'hono';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_TYPES, attachmentTypeNamed } from '../../core';
import type { AttachmentType } from '../../core';
import { ApiFailure, failures, unavailable } from '../errors';
import type { Sentence } from '../errors';
import { closeAfter } from '../http/json-body';
import type { FileStorage } from './storage';

/** A received file: its declared name (metadata only), where its bytes are, their count and detected type. */
export interface ReceivedFile {
  name: string;
  path: string;
  size: number;
  type: AttachmentType;
}

// file-type needs at most this many bytes to recognise every type we accept.
const SNIFF_BYTES = 4100;
const ACCEPTED = new Set<string>(ATTACHMENT_TYPES);

/** The 415 of anything that is not an accepted type. */
export function notAccepted(): ApiFailure {
  return failures.unsupportedMedia({ ru: 'Можно приложить только изображения PNG, JPEG, WebP, GIF или документ PDF.', en: 'Only PNG, JPEG, WebP or GIF images and PDF documents can be attached.' });
}

/**
 * The 415 of a file named as an accepted type (fake.png) whose bytes are not one: it is broken or misnamed, and
 * «only PNG, JPEG…» would tell its sender nothing.
 */
function notReally(type: AttachmentType): ApiFailure {
  const label = (type.split('/')[1] ?? type).toUpperCase();
  return failures.unsupportedMedia({
    ru: `Файл повреждён или на самом деле это не ${label}: откройте его и сохраните заново.`,
    en: `The file is damaged or is not really a ${label}: open it and save it again.`,
  });
}

/** Decides the type from the first bytes; 415 when it is not one we accept. `name` only words the refusal. */
async function typeOf(head: Buffer, name: string): Promise<AttachmentType> {
  if (head.length === 0) throw failures.validation({ file: { ru: 'Файл пустой', en: 'The file is empty' } }, { ru: 'Файл пустой.', en: 'The file is empty.' });
  const detected = await fileTypeFromBuffer(head);
  if (detected !== undefined && ACCEPTED.has(detected.mime)) return detected.mime as AttachmentType;
  const named = attachmentTypeNamed(name);
  throw named === null ? notAccepted() : notReally(named);
}

/** Passes bytes through, holding back the first ones until their type is known, and counting them. */
function sniffer(name: string, onType: (type: AttachmentType) => void) {
  let head: Buffer[] | null = [];
  let held = 0;
  let size = 0;
  const decide = async (stream: Transform) => {
    const first = Buffer.concat(head ?? []);
    head = null;
    onType(await typeOf(first, name));
    if (first.length > 0) stream.push(first);
  };
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (head === null) return done(null, chunk);
      head.push(chunk);
      held += chunk.length;
      if (held < SNIFF_BYTES) return done();
      decide(this).then(() => done(), done);
    },
    flush(done) {
      if (head === null) return done();
      decide(this).then(() => done(), done);
    },
  });
  return { transform, size: () => size };
}

/**
 * The request body as a Node stream. Under Node's HTTP server, the request itself when nothing has started
 * reading it (`direct`): the socket's chunks go to the parser as they are. The web body is the fallback
 * (another host, or a body already touched); Node's web adapter copies every chunk, which doubles what a
 * burst of uploads allocates between two collections.
 */
function bodyOf(c: Context): { stream: Readable; direct: boolean } | null {
  const env: unknown = c.env;
  const incoming = typeof env === 'object' && env !== null && 'incoming' in env ? (env as { incoming?: IncomingMessage }).incoming : undefined;
  if (incoming instanceof Readable && incoming.readableFlowing === null && incoming.listenerCount('data') === 0 && !incoming.readableEnded) return { stream: incoming, direct: true };
  const body = c.req.raw.body;
  return body === null ? null : { stream: Readable.fromWeb(body as WebReadableStream<Uint8Array>), direct: false };
}

/** The 422 of an upload without exactly one file in the field `file`. */
const oneFile = () => failures.validation({ file: { ru: 'Приложите ровно один файл в поле file', en: 'Attach exactly one file in the field file' } }, { ru: 'Приложите один файл.', en: 'Attach one file.' });

/** What a 413 of a file over `maxBytes` says. */
export function fileTooLarge(maxBytes: number): Sentence {
  const megabytes = Math.round(maxBytes / 1024 / 1024);
  return { ru: `Файл слишком большой: не больше ${megabytes} МБ.`, en: `The file is too large: ${megabytes} MB at most.` };
}

/**
 * Streams the upload to a temporary file of `files`; 413/415/400 as the contract says, and 503 when `cut` aborts
 * while the body still arrives (a stop's grace ran out). The caller owns the file.
 */
export async function receiveUpload(c: Context, files: FileStorage, maxBytes: number, cut?: AbortSignal): Promise<ReceivedFile> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType.trim())) {
    throw closeAfter(failures.unsupportedMedia({ ru: 'Файл отправляется как multipart/form-data в поле file.', en: 'Send the file as multipart/form-data in the field file.' }));
  }
  // The server does not inflate bodies: a compressed upload would be stored as its compressed bytes.
  const coding = (c.req.header('content-encoding') ?? '').trim().toLowerCase();
  if (coding !== '' && coding !== 'identity') {
    throw closeAfter(
      failures.unsupportedMedia({
        ru: `Сжатые загрузки не поддерживаются (Content-Encoding: ${coding.slice(0, 40)}): отправьте файл без сжатия.`,
        en: `Compressed uploads are not accepted (Content-Encoding: ${coding.slice(0, 40)}): send the file uncompressed.`,
      }),
    );
  }
  const body = bodyOf(c);
  if (body === null) throw oneFile();
  const source = body.stream;
  let parser: busboy.Busboy;
  try {
    // busboy marks a file truncated when it reaches its limit: one byte of room lets a file of exactly maxBytes in.
    parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { files: 2, fileSize: maxBytes + 1, fields: 16, parts: 18, fieldSize: 1024 } });
  } catch {
    throw closeAfter(failures.badRequest({ ru: 'Не удалось прочитать загрузку: заголовок multipart повреждён.', en: 'The upload could not be read: its multipart header is damaged.' }));
  }
  const tooLarge = () => closeAfter(failures.payloadTooLarge(fileTooLarge(maxBytes)));
  const broken = () =>
    closeAfter(failures.badRequest({ ru: 'Не удалось прочитать загрузку: тело multipart повреждено или оборвано.', en: 'The upload could not be read: its multipart body is damaged or cut short.' }));
  const path = files.temporary();
  let received: Promise<ReceivedFile> | null = null;
  let part: Readable | null = null;
  let written: WriteStream | null = null;
  let extraFiles = 0;
  let stopCut = () => {};
  try {
    const parsed = new Promise<void>((resolve, reject) => {
      // Answered like any refusal: the 503 goes out while the rest of the body is read and dropped.
      const onCut = () => reject(closeAfter(unavailable()));
      if (cut?.aborted === true) onCut();
      cut?.addEventListener('abort', onCut, { once: true });
      stopCut = () => cut?.removeEventListener('abort', onCut);
      parser.on('file', (field, stream, info) => {
        if (field !== 'file' || received !== null) {
          extraFiles++;
          stream.resume();
          return;
        }
        part = stream;
        let type: AttachmentType | null = null;
        let truncated = false;
        // Over the limit: refused as soon as the byte past it arrives, whatever the body declared (a chunked
        // body declares nothing), not when the client has finished sending.
        stream.once('limit', () => {
          truncated = true;
          reject(tooLarge());
        });
        const sniff = sniffer(info.filename ?? '', (detected) => (type = detected));
        const file = (written = createWriteStream(path, { flags: 'wx', mode: 0o600 }));
        received = pipeline(stream, sniff.transform, file).then(() => {
          if (truncated) throw tooLarge();
          if (type === null) throw oneFile();
          // A part typed as a file but with no filename (busboy takes it as one): the type's fallback name.
          return { name: info.filename ?? '', path, size: sniff.size(), type };
        });
        // Refused early (wrong type): stop reading the body at once.
        received.catch((error: unknown) => reject(error instanceof ApiFailure ? closeAfter(error) : error));
      });
      parser.once('close', resolve);
      // `on`, not `once`: a second error with no listener would throw.
      parser.on('error', () => reject(broken()));
    });
    // Piped by hand: `pipeline` would destroy the request with the parser, and destroying a request that is not
    // fully read resets its socket before the refusal can be written.
    source.pipe(parser);
    // The request stream fails by its client only: a body cut short (an abort, which Node reports as ECONNRESET)
    // or a broken one. Its error is never taken for the storage's, whatever its code (errors.ts).
    const piped = finished(source).catch(() => {
      throw broken();
    });
    // Whichever fails first decides the answer; both are awaited so neither rejection goes unhandled.
    await Promise.all([parsed, piped]);
    const file = await (received ?? Promise.reject(oneFile()));
    if (extraFiles > 0) throw oneFile();
    return file;
  } catch (error) {
    source.unpipe(parser);
    // The rest of the body is read and dropped while the refusal (with Connection: close) goes out, so the
    // socket stays open until it has; a web body (another host) is cancelled.
    if (body.direct) source.resume();
    else source.destroy();
    // The file being written stops (a part destroyed without an error would leave the pipeline waiting), and
    // is removed only once its stream has closed: removed before it is even opened, it would come back.
    (part as Readable | null)?.destroy(new Error('upload refused'));
    await (received as Promise<ReceivedFile> | null)?.catch(() => undefined);
    const file = written as WriteStream | null;
    if (file !== null && !file.closed) await new Promise<void>((done) => file.once('close', () => done()));
    await files.dropTemporary(path);
    throw error;
  } finally {
    stopCut();
  }
}
