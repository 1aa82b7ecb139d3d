/**
 * The ticket form's attachment queue, loaded after the form's first frame (see useFormAttachments): restores
 * the draft's saved files, takes the files that came before it, and tells the form what the slot needs.
 */
import { useEffect, useLayoutEffect } from 'react';
import type { RefObject } from 'react';
import { AttachmentList } from '../attachments/AttachmentList';
import { toSlot } from '../attachments/to-slot';
import { useDraftQueue } from '../attachments/use-draft-attachments';

/** What the form needs to know of the queue. */
export interface FormAttachmentsState {
  ids: string[];
  names: string[];
  hasImage: boolean;
  busy: boolean;
  failed: boolean;
}

/** What the form can do to the queue. */
export interface FormAttachmentsControls {
  add(files: File[]): void;
  clear(): void;
}

/** Props of {@link FormAttachmentsPart}. */
export interface FormAttachmentsPartProps {
  draftKey: string;
  /** Files picked, dropped, pasted or captured before the queue was here. */
  inboxRef: RefObject<File[]>;
  controlsRef: RefObject<FormAttachmentsControls | null>;
  onState(state: FormAttachmentsState): void;
  rootRef: RefObject<HTMLElement | null>;
  inputRef: RefObject<HTMLElement | null>;
}

/** The queue and the list of files, inside the zone the form already shows. */
export function FormAttachmentsPart({ draftKey, inboxRef, controlsRef, onState, rootRef, inputRef }: FormAttachmentsPartProps) {
  const queue = useDraftQueue(draftKey);
  useLayoutEffect(() => {
    controlsRef.current = { add: queue.add, clear: queue.clear };
    const waiting = inboxRef.current.splice(0);
    if (waiting.length > 0) queue.add(waiting);
  });
  useLayoutEffect(() => () => void (controlsRef.current = null), [controlsRef]);
  const { ids, names, hasImage, busy, failed } = toSlot(queue, null);
  const key = JSON.stringify([ids, names, hasImage, busy, failed]);
  useEffect(() => {
    const [nextIds, nextNames, nextHasImage, nextBusy, nextFailed] = JSON.parse(key) as [string[], string[], boolean, boolean, boolean];
    onState({ ids: nextIds, names: nextNames, hasImage: nextHasImage, busy: nextBusy, failed: nextFailed });
  }, [key, onState]);
  return <AttachmentList queue={queue} rootRef={rootRef} inputRef={inputRef} />;
}
