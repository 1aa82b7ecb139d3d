/** Reading JSON request bodies: the right content type, a size cap, valid JSON, an object, no prototype keys. */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { ApiFailure, failures } from '../errors';
import { fieldMessages } from '../field-messages';
import { cleanStrings } from './clean-text';

/** Middleware refusing bodies over `maxBytes` with our 413 (counts streamed bodies too, not just Content-Length). */
export function jsonSizeLimit(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw closeAfter(failures.payloadTooLarge({ ru: `Слишком большой запрос: не больше ${Math.round(maxBytes / 1024)} КБ.`, en: `The request is too large: ${Math.round(maxBytes / 1024)} KB at most.` }));
    },
  });
}

/**
 * Marks an answer sent before the request body was read: the connection is closed after it, so the client
 * does not reuse a socket whose unread upload would be taken for the next request.
 */
export function closeAfter(failure: ApiFailure): ApiFailure {
  failure.headers.Connection = 'close';
  return failure;
}

// Keys that could reach an object's prototype if anything ever merged the body; dropped while parsing.
const POISONED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The most a body nests, and the most values it holds (members and items, every level together). A ticket's draft
 * nests four deep and holds a few hundred (its longest list is twenty page errors); past these, parsing, cleaning and
 * validating a body cost the server more than any request of the API needs (a stack overflow past a few
 * thousand levels, 150 ms for 20,000 keys), so the body is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_VALUES = 2000;

/** Throws 400 when `text` nests deeper than {@link MAX_JSON_DEPTH} or holds more than {@link MAX_JSON_VALUES} values; one pass, strings skipped. */
function refuseOversizedShape(text: string): void {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      values++;
      if (depth > MAX_JSON_DEPTH) throw failures.badRequest({ ru: 'Тело запроса вложено слишком глубоко.', en: 'The request body is nested too deeply.' });
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    } else if (code === 0x2c) {
      values++;
    }
    if (values > MAX_JSON_VALUES) {
      throw failures.badRequest({ ru: `В теле запроса слишком много значений: не больше ${MAX_JSON_VALUES}.`, en: `The request body holds too many values: ${MAX_JSON_VALUES} at most.` });
    }
  }
}

/** Parses JSON text, dropping prototype-polluting keys at every level; throws 400 on bad JSON or an oversized shape. */
export function parseJsonSafely(text: string): unknown {
  refuseOversizedShape(text);
  try {
    return JSON.parse(text, (key, value: unknown) => (POISONED.has(key) ? undefined : value));
  } catch {
    throw failures.badRequest({ ru: 'Тело запроса — не корректный JSON.', en: 'The request body is not valid JSON.' });
  }
}

// JSON on the wire is UTF-8 (RFC 8259); a lenient decoder would store U+FFFD in place of the broken bytes.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes the body as strict UTF-8 (a BOM is dropped); 400 on any invalid byte sequence. */
function decodeUtf8(bytes: ArrayBuffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw failures.badRequest({ ru: 'Тело запроса — не корректный UTF-8.', en: 'The request body is not valid UTF-8.' });
  }
}

/** Whether the request declares a JSON body (`application/json`, any charset). */
export function isJsonRequest(c: Context): boolean {
  const type = c.req.header('content-type') ?? '';
  return /^application\/json\s*(;|$)/i.test(type.trim());
}

// A charset parameter other than UTF-8's names bytes the strict decoder would misread or refuse as broken.
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/**
 * 415 for a body the server would misread: a content coding (gzip, br: the server does not inflate bodies, and
 * a plain body labelled gzip is not what the client meant) or a charset other than UTF-8.
 */
function refuseEncodedBody(c: Context): void {
  const coding = (c.req.header('content-encoding') ?? '').trim().toLowerCase();
  if (coding !== '' && coding !== 'identity') {
    throw failures.unsupportedMedia({
      ru: `Сжатые тела запросов не поддерживаются (Content-Encoding: ${coding.slice(0, 40)}): отправьте JSON без сжатия.`,
      en: `Compressed request bodies are not accepted (Content-Encoding: ${coding.slice(0, 40)}): send the JSON uncompressed.`,
    });
  }
  const charset = CHARSET.exec(c.req.header('content-type') ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw failures.unsupportedMedia({ ru: 'Тело запроса принимается только в кодировке UTF-8 (charset=utf-8).', en: 'The request body is accepted in UTF-8 only (charset=utf-8).' });
  }
}

/**
 * Reads the body as a JSON object: 415 for another type, a content coding or a charset other than UTF-8, 400
 * for bad JSON or a non-object. Every string in it comes back without invisible characters (see clean-text.ts).
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  if (!isJsonRequest(c)) throw failures.unsupportedMedia({ ru: 'Ожидается тело в формате application/json.', en: 'The body must be application/json.' });
  refuseEncodedBody(c);
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    throw failures.badRequest({ ru: 'Не удалось прочитать тело запроса.', en: 'The request body could not be read.' });
  }
  const text = decodeUtf8(bytes);
  if (text.trim() === '') throw failures.badRequest({ ru: 'Пустое тело запроса: ожидается JSON-объект.', en: 'The request body is empty: a JSON object is expected.' });
  const value = parseJsonSafely(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw failures.badRequest({ ru: 'Тело запроса должно быть JSON-объектом.', en: 'The request body must be a JSON object.' });
  }
  return cleanStrings(value) as Record<string, unknown>;
}

/** Parses `input` with a schema, or throws 422 with Russian field messages. */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw failures.validation(fieldMessages(result.error.issues, prefix, input));
}
