/**
 * What the server keeps of the text a client sends: no invisible characters (src/core/invisible.ts; PostgreSQL
 * also refuses NUL in text), line separators as line feeds, and half of a UTF-16 pair — which no UTF-8 byte
 * sequence stands for — as U+FFFD, as a lenient decoder would show it.
 */
import { withoutInvisible } from '../../core';

const LINE_SEPARATOR = /[\u2028\u2029]/g;
const LONE_SURROGATE = /\p{Cs}/gu;

/** `text` with each half of a UTF-16 pair as U+FFFD. */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** `text` as the server keeps it. */
export function cleanText(text: string): string {
  return withoutInvisible(withoutLoneSurrogates(text)).replace(LINE_SEPARATOR, '\n');
}

/** A parsed JSON value with {@link cleanText} applied to every string in it (keys are left to the schemas). */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = cleanStrings(item);
    return out;
  }
  return value;
}
