/** The attachment limits the picker shows and the queue applies. */
import { DEFAULT_ATTACHMENT_LIMITS } from '../../core';
import { useMeta } from '../../api';
import type { QueueLimits } from './model/types';

/** The server's attachment limits, or the defaults until (or unless) GET /meta answers. */
export function useAttachmentLimits(): QueueLimits {
  const meta = useMeta();
  return meta.data?.limits ?? DEFAULT_ATTACHMENT_LIMITS;
}
