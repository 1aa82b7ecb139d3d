/** Random identifiers and the human-readable ticket number. */
import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe id (96 bits): ticket and attachment ids. */
export function randomId(): string {
  return randomBytes(12).toString('base64url');
}

/** `UP-2026-000123`: the year of registration (Moscow) and a per-year sequence, at least six digits. */
export function formatTicketNumber(year: number, sequence: number): string {
  return `UP-${year}-${String(sequence).padStart(6, '0')}`;
}

/** JSON with object keys sorted at every level, so equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** SHA-256 hex of the canonical JSON of a body. */
export function bodyHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
