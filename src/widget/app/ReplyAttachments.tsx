/** Attachment slots with the page-capture button wired, for the form and for replies. */
import { useEffect, useRef } from 'react';
import { useDraftAttachments } from '../attachments';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { useCapture } from './use-capture';

/** A draft's attachments slot: queue, picker, paste anywhere in the widget, and the lazy screenshot flow. */
export function useAttachmentsWithCapture(draftKey: string): AttachmentsSlot {
  const env = useWidgetEnv();
  // The capture finishes after this render; the ref gives it the queue of the render that is current then.
  const add = useRef<(files: File[]) => void>(() => undefined);
  const capture = useCapture((files) => add.current(files));
  const { queue, slot } = useDraftAttachments({
    draftKey,
    ...capture,
    pasteTarget: () => env.container?.() ?? null,
  });
  useEffect(() => {
    add.current = queue.add;
  }, [queue.add]);
  return slot;
}

/** The slot for replying to one ticket (called during the reply box's render). */
export function useReplyAttachments(ticketId: string): AttachmentsSlot {
  const env = useWidgetEnv();
  return useAttachmentsWithCapture(`reply:${env.userKey}:${ticketId}`);
}
