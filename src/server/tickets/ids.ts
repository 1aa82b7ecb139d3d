/** Random identifiers and the hash of a create body (its canonical form comes from the core). */
import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../core';

/** A random URL-safe id (96 bits): ticket and attachment ids. */
export function randomId(): string {
  return randomBytes(12).toString('base64url');
}

/** SHA-256 hex of the canonical JSON of a body. */
export function bodyHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
