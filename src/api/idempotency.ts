/** Idempotency keys: one per draft, so a retry or a resend after a reload never creates a second ticket. */
import { randomBytes, platformRandomUuid } from './globals';

/** A new random UUID v4 to send as `Idempotency-Key`; generate it once per draft and keep it with the draft. */
export function newIdempotencyKey(): string {
  const native = platformRandomUuid();
  if (native !== null) return native;
  // randomUUID is missing on plain-http pages; getRandomValues is not, and gives the same 122 random bits.
  const bytes = randomBytes(16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
