/** Turns a queue into the AttachmentsSlot that the ticket form and the reply form consume. */
import type { ReactNode } from 'react';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import type { AttachmentQueue } from './use-attachment-queue';

/** The slot view of a queue; `node` is the picker the shell rendered for it. Refused files are not part of it. */
export function toSlot(queue: AttachmentQueue, node: ReactNode): AttachmentsSlot {
  const kept = queue.items.filter((item) => item.status !== 'refused');
  return {
    ids: kept.flatMap((item) => (item.status === 'uploaded' && item.serverId !== undefined ? [item.serverId] : [])),
    names: kept.map((item) => item.name),
    // A picture that failed to upload will not be sent: the checklist's screenshot is not there yet.
    hasImage: kept.some((item) => item.status !== 'failed' && item.type.startsWith('image/')),
    // Until saved files are read back, sending would leave them out.
    busy: !queue.ready || kept.some((item) => item.status === 'preparing' || item.status === 'uploading'),
    failed: kept.some((item) => item.status === 'failed'),
    clear: queue.clear,
    node,
  };
}
