/** `POST /attachments` (one file, multipart field `file`) and `GET /attachments/{id}` (download, owner only). */
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Attachment } from '../../core';
import { requireReporter, requireUploader } from '../auth/identity';
import { contentDisposition, sanitizeFileName } from '../attachments/file-name';
import { inspectUpload, readImageHeader } from '../attachments/inspect';
import type { CleanFile } from '../attachments/inspect';
import type { AppDeps, AppEnv } from '../context';
import { ApiFailure, failures } from '../errors';
import { readableAttachment } from '../tickets/access';
import { randomId } from '../tickets/ids';
import { attachmentView } from '../tickets/view';
import type { Reader } from '../tickets/view';
import { fileTooLarge, receiveUpload } from '../attachments/multipart';
import { holdIdleTimeout, socketOf } from '../guard/connections';
import { remoteAddress } from '../guard/guest-quota';
import type { QuotaReservation } from '../guard/guest-quota';
import type { UploadReservation } from '../guard/upload-quota';
import { closeAfter } from '../http/json-body';

/** Uploads unclaimed for this long belong to abandoned drafts and stop counting against the owner's quota. */
const PENDING_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

function tooManyPending(max: number): ApiFailure {
  return new ApiFailure(
    422,
    'too_many_attachments',
    {
      ru: `Слишком много файлов ждут отправки в ваших черновиках: не больше ${max}. Отправьте обращение или удалите лишние файлы.`,
      en: `Too many files are waiting in your drafts: ${max} at most. Send the ticket or remove the files you do not need.`,
    },
  );
}

/**
 * What an upload costs against a quota, in bytes: its size, or for an image what decoding it takes when that is
 * more, a quarter of a byte per pixel (a 1.4 kB WebP of 36 megapixels took 2.3 s and 500 MB to decode).
 */
function uploadCost(size: number, width: number | null | undefined, height: number | null | undefined): number {
  return Math.max(size, Math.ceil(((width ?? 0) * (height ?? 0)) / 4));
}

/** The attachment routes. */
export function attachmentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { limits } = deps.config;
  const pendingOf = (owner: string, reader: Pick<Reader, 'attachments'> = deps.store) =>
    reader.attachments.countPending(owner, new Date(deps.clock().getTime() - PENDING_WINDOW_MS).toISOString());
  const tooLarge = () => failures.payloadTooLarge(fileTooLarge(limits.maxFileBytes));

  // A reporter's file for a ticket or a message, or a specialist's for a message or an answer (agent token).
  app.post('/attachments', async (c) => {
    const uploader = requireUploader(c.get('identity'));
    // Checked before reading the body, so a full quota costs no decoding; checked again in the transaction.
    if ((await pendingOf(uploader.owner)) >= deps.config.maxPendingUploads) throw closeAfter(tooManyPending(deps.config.maxPendingUploads));
    const ip = remoteAddress(c);
    const declared = Number(c.req.header('content-length') ?? '0');
    if (Number.isFinite(declared) && declared > limits.maxFileBytes + MULTIPART_OVERHEAD) throw closeAfter(tooLarge());
    const { guest } = uploader;
    // The declared size is reserved now, the largest file allowed for a body without one (sent in chunks): uploads
    // in flight at once cannot pass the hour's bytes between them. The real size is settled after.
    const reserved = Number.isFinite(declared) && declared > 0 ? Math.min(declared, limits.maxFileBytes) : limits.maxFileBytes;
    const quota = guest ? await deps.guards.guestQuota.reserve(ip, { files: 1, bytes: reserved }) : null;
    // A signed-in user's day is counted the same way, by the size stored; a specialist's files are support's own.
    const daily = c.get('identity').kind === 'user' ? await deps.guards.uploadQuota.reserve(uploader.owner, reserved) : null;
    // The guests of one address share one share of the image gate, as they share its quotas: a key costs nothing.
    const gateOwner = guest ? `guests:${ip}` : uploader.owner;
    try {
      const body = await storeUpload(c, uploader.owner, gateOwner, quota, daily);
      await daily?.settle(uploadCost(body.size, body.width, body.height));
      return c.json(body, 201);
    } catch (error) {
      await quota?.release();
      await daily?.release();
      throw error;
    }
  });

  /**
   * Receives, checks and records one upload, its image charged by its header's pixels to both reservations and then
   * decoded in `gateOwner`'s share of the gate; settles the guest's reservation with its real size.
   */
  async function storeUpload(
    c: Context<AppEnv>,
    owner: string,
    gateOwner: string,
    quota: QuotaReservation | null,
    daily: UploadReservation | null,
  ): Promise<Attachment> {
    const file = await receiveUpload(c, deps.files, limits.maxFileBytes, deps.bodiesCut);
    // The body is in: waiting for the image gate and decoding send nothing, and must not count as idle.
    const socket = socketOf(c);
    const resumeIdle = holdIdleTimeout(socket, deps.config.guard.idleTimeoutMs);
    let clean: CleanFile | null = null;
    try {
      // A client that gave up never learns the id: nothing is decoded (after its wait) or stored for it.
      const gone = () => {
        if (socket?.destroyed === true) throw failures.badRequest({ ru: 'Соединение закрыто до того, как файл был сохранён.', en: 'The connection closed before the file was stored.' });
      };
      const inspect = () => {
        gone();
        return inspectUpload(deps.files, file.path, file.size, file.type, limits.maxPixels);
      };
      if (file.type !== 'application/pdf') {
        // Charged by its pixels before the gate: a quota nearly spent decodes nothing, and uploads in flight at once,
        // on any process, cannot pass it together by what decoding them takes. The real cost is settled after.
        const header = await readImageHeader(file.path, limits.maxPixels);
        const cost = uploadCost(file.size, header.width, header.height);
        await quota?.grow(cost);
        await daily?.grow(cost);
      }
      clean = file.type === 'application/pdf' ? await inspect() : await deps.guards.images.run(gateOwner, inspect);
      if (socket?.destroyed === true) {
        // The decoding is spent whether or not the client stays for its answer: charged as a stored file is, or a
        // client that leaves right after its body would have its images decoded for nothing, past every quota.
        await quota?.settle({ files: 1, bytes: uploadCost(file.size, clean.width, clean.height) });
        await daily?.settle(uploadCost(clean.size, clean.width, clean.height));
        gone();
      }
      const row = {
        id: randomId(),
        owner,
        name: sanitizeFileName(file.name, clean.type),
        content_type: clean.type,
        size: clean.size,
        width: clean.width,
        height: clean.height,
        storage_name: '',
        created_at: deps.clock().toISOString(),
      };
      const cleanPath = clean.path;
      try {
        await deps.store.write(async (tx) => {
          // One owner's uploads are counted one at a time, whichever process receives them.
          await tx.lock(`uploads:${owner}`);
          if ((await pendingOf(owner, tx)) >= deps.config.maxPendingUploads) throw tooManyPending(deps.config.maxPendingUploads);
          // Renamed inside the transaction: a failed rename writes no row, a failed commit removes the file.
          row.storage_name = deps.files.adopt(cleanPath);
          await tx.attachments.insert(row);
        });
      } catch (error) {
        if (row.storage_name !== '') await deps.files.discard(row.storage_name);
        throw error;
      }
      await quota?.settle({ files: 1, bytes: uploadCost(file.size, clean.width, clean.height) });
      const stored = await deps.store.attachments.get(row.id);
      if (stored === undefined) throw new Error('inserted attachment not found');
      return attachmentView(stored);
    } finally {
      resumeIdle();
      await deps.files.dropTemporary(file.path);
      if (clean !== null && clean.path !== file.path) await deps.files.dropTemporary(clean.path);
    }
  }

  // A removed file must not keep counting against the quota, and its bytes should not stay on disk.
  app.delete('/attachments/:id', async (c) => {
    const uploader = requireUploader(c.get('identity'));
    const row = await deps.store.attachments.get(c.req.param('id'));
    if (row === undefined || row.owner !== uploader.owner) throw failures.attachmentNotFound();
    if (row.ticket_id !== null) throw new ApiFailure(409, 'conflict', { ru: 'Файл уже приложен к обращению, его нельзя удалить.', en: 'The file is attached to a ticket already and cannot be deleted.' });
    await deps.store.write(async (tx) => {
      if (!(await tx.attachments.removeUnclaimed(row.id, uploader.owner))) throw failures.attachmentNotFound();
    });
    await deps.files.discard(row.storage_name);
    return c.body(null, 204);
  });

  app.get('/attachments/:id', async (c) => {
    const identity = c.get('identity');
    if (identity.kind !== 'agent') requireReporter(identity);
    const row = await readableAttachment(deps.store, identity, c.req.param('id'));
    const file = await deps.files.open(row.storage_name).catch((error: unknown) => {
      // The row outlived its file (restored backup, manual cleanup): say so in the log, answer like any missing file.
      deps.logger.error(`[support] attachment ${row.id} has no file:`, error);
      throw failures.attachmentNotFound();
    });
    const headers = {
      'Content-Type': row.content_type,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(row.name),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    };
    // A HEAD sends no body: nothing would read the stream or cancel it, and its file would stay open.
    if (c.req.method === 'HEAD') {
      file.stream.destroy();
      return c.body(null, 200, headers);
    }
    // Streamed as the client reads it: a download nobody reads holds a buffer, not the file (ten of them held 100 MB).
    return c.body(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, 200, headers);
  });

  return app;
}
