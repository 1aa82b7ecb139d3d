/** The `Idempotency-Key` header: required on a ticket's create, optional on a specialist's change. */
import type { Context } from 'hono';
import { failures } from '../errors';

// Printable ASCII without spaces: a UUID, a ULID or any client token fits; nothing that could break a log line.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

/** The request's key; undefined when it sent none; 400 when it is malformed (or missing and `required`). */
export function idempotencyKey(c: Context, required: boolean): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined && !required) return undefined;
  if (key === undefined || !IDEMPOTENCY_KEY.test(key)) {
    throw failures.badRequest(required
      ? { ru: 'Нужен заголовок Idempotency-Key: от 8 до 128 печатных символов без пробелов.', en: 'The Idempotency-Key header is required: 8 to 128 printable characters without spaces.' }
      : { ru: 'Заголовок Idempotency-Key — от 8 до 128 печатных символов без пробелов.', en: 'The Idempotency-Key header takes 8 to 128 printable characters without spaces.' });
  }
  return key;
}
