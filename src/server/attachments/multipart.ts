/** Reads exactly one file from a `multipart/form-data` body (field `file`). */
import type { Context } from 'hono';
import { ApiFailure, failures } from '../errors';

/** The uploaded file: its declared name (metadata only) and bytes. */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

/** Parses the form; 415 for another content type, 400 for a broken body or a missing/duplicated `file`. */
export async function readUploadedFile(c: Context): Promise<UploadedFile> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type.trim())) {
    throw failures.unsupportedMedia('Файл отправляется как multipart/form-data в поле file.');
  }
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw failures.badRequest('Не удалось прочитать загрузку: тело multipart повреждено или оборвано.');
  }
  const files = form.getAll('file');
  const file = files[0];
  if (files.length !== 1 || file === undefined || typeof file === 'string') {
    throw failures.validation({ file: 'Приложите ровно один файл в поле file' }, 'Приложите один файл.');
  }
  return { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) };
}
