/** `POST /attachments` (one file, multipart field `file`) and `GET /attachments/{id}` (download, owner only). */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Attachment } from '../../core';
import { requireReporter } from '../auth/identity';
import { contentDisposition, sanitizeFileName } from '../attachments/file-name';
import { inspectUpload } from '../attachments/inspect';
import type { AppDeps, AppEnv } from '../context';
import { ApiFailure, failures } from '../errors';
import { readableAttachment } from '../tickets/access';
import { randomId } from '../tickets/ids';
import { attachmentView } from '../tickets/view';
import { readUploadedFile } from '../attachments/multipart';
import { closeAfter } from '../http/json-body';

/** Uploads unclaimed for this long belong to abandoned drafts and stop counting against the owner's quota. */
const PENDING_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

function tooManyPending(max: number): ApiFailure {
  return new ApiFailure(422, 'too_many_attachments', `Можно загрузить не больше ${max} файлов для одного обращения.`);
}

/** The attachment routes. */
export function attachmentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { limits } = deps.config;
  const pendingOf = (owner: string) =>
    deps.store.attachments.countPending(owner, new Date(deps.clock().getTime() - PENDING_WINDOW_MS).toISOString());
  const tooLarge = () => failures.payloadTooLarge(`Файл слишком большой: не больше ${Math.round(limits.maxFileBytes / 1024 / 1024)} МБ.`);

  app.post('/attachments', bodyLimit({ maxSize: limits.maxFileBytes + MULTIPART_OVERHEAD, onError: () => { throw closeAfter(tooLarge()); } }), async (c) => {
    const reporter = requireReporter(c.get('identity'));
    // Checked before reading the body, so a full quota costs no decoding; checked again in the transaction.
    if (pendingOf(reporter.owner) >= limits.maxFilesPerTicket) throw tooManyPending(limits.maxFilesPerTicket);
    const file = await readUploadedFile(c);
    if (file.bytes.length > limits.maxFileBytes) throw tooLarge();
    const clean = await inspectUpload(file.bytes, limits.maxPixels);
    const storageName = await deps.files.save(clean.bytes);
    const row = {
      id: randomId(),
      owner: reporter.owner,
      name: sanitizeFileName(file.name, clean.type),
      content_type: clean.type,
      size: clean.bytes.length,
      width: clean.width,
      height: clean.height,
      storage_name: storageName,
      created_at: deps.clock().toISOString(),
    };
    try {
      deps.store.write(() => {
        if (pendingOf(reporter.owner) >= limits.maxFilesPerTicket) throw tooManyPending(limits.maxFilesPerTicket);
        deps.store.attachments.insert(row);
      });
    } catch (error) {
      await deps.files.discard(storageName);
      throw error;
    }
    const stored = deps.store.attachments.get(row.id);
    if (stored === undefined) throw new Error('inserted attachment not found');
    const body: Attachment = attachmentView(stored);
    return c.json(body, 201);
  });

  // A removed file must not keep counting against the quota, and its bytes should not stay on disk.
  app.delete('/attachments/:id', async (c) => {
    const reporter = requireReporter(c.get('identity'));
    const row = deps.store.attachments.get(c.req.param('id'));
    if (row === undefined || row.owner !== reporter.owner) throw failures.attachmentNotFound();
    if (row.ticket_id !== null) throw new ApiFailure(409, 'conflict', 'Файл уже приложен к обращению, его нельзя удалить.');
    deps.store.write(() => {
      if (!deps.store.attachments.removeUnclaimed(row.id, reporter.owner)) throw failures.attachmentNotFound();
    });
    await deps.files.discard(row.storage_name);
    return c.body(null, 204);
  });

  app.get('/attachments/:id', async (c) => {
    const identity = c.get('identity');
    if (identity.kind !== 'agent') requireReporter(identity);
    const row = readableAttachment(deps.store, identity, c.req.param('id'));
    const bytes = await deps.files.read(row.storage_name).catch((error: unknown) => {
      // The row outlived its file (restored backup, manual cleanup): say so in the log, answer like any missing file.
      deps.logger.error(`[support] attachment ${row.id} has no file:`, error);
      throw failures.attachmentNotFound();
    });
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': row.content_type,
      'Content-Length': String(bytes.length),
      'Content-Disposition': contentDisposition(row.name),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });

  return app;
}
