/** Guest keys, per-ticket access keys and agent tokens: hashing and deriving. */
import { createHash, createHmac } from 'node:crypto';

/** What a guest key (and an access key) looks like: base64url, long enough to be unguessable. */
export const GUEST_KEY = /^[A-Za-z0-9_-]{32,128}$/;

/** SHA-256 hex of a key: what we store and compare, never the key itself. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** SHA-256 of a secret as bytes: equal lengths for `timingSafeEqual`, whatever the secrets' lengths. */
export function keyDigest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * The access key of a ticket, derived from the server secret and the ticket id. Deriving it (rather than
 * storing it) lets an idempotent replay return the same key while the database keeps only its hash.
 */
export function deriveAccessKey(secret: string, ticketId: string): string {
  return createHmac('sha256', secret).update(`ticket-access:${ticketId}`, 'utf8').digest('base64url');
}

