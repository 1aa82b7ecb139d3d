/** The attachment limits the picker shows and the queue applies. */
import { DEFAULT_ATTACHMENT_LIMITS } from '../../core';
import { useMeta } from '../../api';
import type { QueueLimits } from './model/types';

/**
 * The server's attachment limits, or the defaults until (or unless) GET /meta answers; `needed`: whether
 * anything shows or applies them yet (GET /meta is not asked before).
 */
export function useAttachmentLimits(needed = true): QueueLimits {
  const meta = useMeta(needed);
  return meta.data?.limits ?? DEFAULT_ATTACHMENT_LIMITS;
}
