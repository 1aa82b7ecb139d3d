/** A guest's identity: a random key generated once per guest and kept by the widget (docs/http-contract.md). */
import { toBase64Url } from './base64url';
import { randomBytes } from './globals';

/** The lengths the server accepts for a guest (or access) key. */
export const GUEST_KEY_LENGTH = { min: 32, max: 128 } as const;
// One base64url character.
const KEY_CHARACTER = '[A-Za-z0-9_-]';
/** A key's characters, any length: base64url. */
export const GUEST_KEY_CHARACTERS = new RegExp(`^${KEY_CHARACTER}+$`);
/** What the server accepts as a guest (or access) key. */
export const GUEST_KEY_PATTERN = new RegExp(`^${KEY_CHARACTER}{${GUEST_KEY_LENGTH.min},${GUEST_KEY_LENGTH.max}}$`);

/** A new guest key: 32 random bytes as 43 base64url characters (256 bits, unguessable). */
export function newGuestKey(): string {
  return toBase64Url(randomBytes(32));
}

/** Whether `value` is a well-formed guest key (e.g. one restored from storage). */
export function isGuestKey(value: unknown): value is string {
  return typeof value === 'string' && GUEST_KEY_PATTERN.test(value);
}

/**
 * A client's options speaking with a ticket's access key instead: the same server and transport, but no token,
 * no token getter and no one told about a refused token (the key is no token of the host's).
 */
export function accessKeyOptions<T extends { token?: unknown; getToken?: unknown; onUnauthorized?: unknown; guestKey?: string }>(options: T, accessKey: string): T {
  const keyed = { ...options, guestKey: accessKey };
  delete keyed.token;
  delete keyed.getToken;
  delete keyed.onUnauthorized;
  return keyed;
}
