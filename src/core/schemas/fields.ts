/**
 * Field building blocks shared by every schema.
 *
 * We use `zod/mini` rather than `zod`: the widget bundle has a 115 kB gzip budget and the classic API costs
 * about 17 kB more in it; @hookform/resolvers 7 accepts mini schemas, and `toJSONSchema` (for the server's
 * OpenAPI document) works on them too. Messages are codes (see {@link FIELD_ERRORS}); the widget translates
 * them with i18next and the server into Russian sentences, so one schema serves both.
 */
import * as z from 'zod/mini';
import { isHttpUrl } from '../links';
import { normalizePhone } from '../phone';

/** The message codes a field check can produce. */
export const FIELD_ERRORS = ['required', 'too_long', 'too_many', 'url', 'phone', 'email', 'future', 'invalid'] as const;
/** One field message code. */
export type FieldError = (typeof FIELD_ERRORS)[number];

/** An error option that says "required" for a missing value and `code` for a wrong one. */
export function fieldError(code: FieldError) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? 'required' : code),
  };
}

/** A trimmed, non-empty string of at most `max` characters. */
export function requiredText(max: number) {
  return z.string(fieldError('invalid')).check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'too_long'));
}

/** A trimmed string of at most `max` characters that may be empty. */
export function optionalText(max: number) {
  return z.optional(z.string(fieldError('invalid')).check(z.trim(), z.maxLength(max, 'too_long')));
}

/** Longest URL we accept; browsers cope with more, people never need it. */
export const MAX_URL_LENGTH = 2000;

/** An absolute http(s) URL (no `javascript:`, no credentials), required. */
export const httpUrlSchema = z.string(fieldError('url')).check(
  z.trim(),
  z.minLength(1, 'required'),
  z.maxLength(MAX_URL_LENGTH, 'too_long'),
  z.refine(isHttpUrl, 'url'),
);

/** A phone number: Russian in any usual spelling (+7…, 8…, with spaces, brackets or dashes), or another country's with its code. */
export const phoneSchema = z.string(fieldError('phone')).check(
  z.trim(),
  z.minLength(1, 'required'),
  z.maxLength(32, 'phone'),
  z.refine((value) => normalizePhone(value) !== null, 'phone'),
);

/** An e-mail address. */
export const emailSchema = z.string(fieldError('email')).check(z.trim(), z.maxLength(254, 'too_long'), z.email('email'));

/** An ISO-8601 instant as the wire carries it. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
