/** The per-file checks before anything is sent: empty, too big, wrong type. The count is checked in the queue. */
import { attachmentTypeNamed } from '../../../core';
import type { QueueLimits, RefusalReason } from './types';
import type { SniffedType } from './sniff-type';

/** Types the browser can downscale and re-encode, so their size is judged after preparing. */
export const REENCODABLE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];

/** How much bigger than the limit a re-encodable image may be before we don't even try to shrink it. */
export const SHRINKABLE_FACTOR = 4;

/** What is known of a file before sending it. */
export interface FileFacts {
  size: number;
  /** The type its bytes prove (null: unknown). */
  sniffed: SniffedType | null;
  /** Its name, which only tells what the user takes it for. */
  name?: string;
}

/** The outcome of the checks. */
export type FileVerdict = { ok: true; type: string } | { ok: false; reason: RefusalReason };

/** Checks one file against the limits; an image that only downscaling can bring under the limit passes here. */
export function checkFile(file: FileFacts, limits: QueueLimits): FileVerdict {
  if (file.size === 0) return { ok: false, reason: 'empty' };
  const shrinkable = file.sniffed !== null && REENCODABLE_TYPES.includes(file.sniffed);
  const maxBytes = shrinkable ? limits.maxFileBytes * SHRINKABLE_FACTOR : limits.maxFileBytes;
  if (file.size > maxBytes) return { ok: false, reason: 'size' };
  if (file.sniffed === null || !limits.acceptedTypes.includes(file.sniffed)) return { ok: false, reason: isDamaged(file, limits) ? 'damaged' : 'type' };
  return { ok: true, type: file.sniffed };
}

/** Whether a prepared file is still over the size limit (then it is refused after all). */
export function isOverSize(size: number, limits: Pick<QueueLimits, 'maxFileBytes'>): boolean {
  return size > limits.maxFileBytes;
}

/** Whether a file refused by its bytes is named as an accepted type: then it is broken or misnamed, not of a wrong type. */
function isDamaged(file: FileFacts, limits: Pick<QueueLimits, 'acceptedTypes'>): boolean {
  const named = file.name === undefined ? null : attachmentTypeNamed(file.name);
  return named !== null && limits.acceptedTypes.includes(named);
}
