/** A guest's identity: a random key generated once per guest and kept by the widget (docs/http-contract.md). */
import { toBase64Url } from './base64url';
import { randomBytes } from './globals';

/** What the server accepts as a guest (or access) key. */
export const GUEST_KEY_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/** A new guest key: 32 random bytes as 43 base64url characters (256 bits, unguessable). */
export function newGuestKey(): string {
  return toBase64Url(randomBytes(32));
}

/** Whether `value` is a well-formed guest key (e.g. one restored from storage). */
export function isGuestKey(value: unknown): value is string {
  return typeof value === 'string' && GUEST_KEY_PATTERN.test(value);
}
