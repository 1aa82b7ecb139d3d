/**
 * The ticket form's attachments, split so the first frame does not wait for them: the zone (title, hint,
 * limits, the file and capture buttons, drop and paste) is part of the form screen; the queue (uploads, saved
 * files, the list) is asked for right after the form's first frame where the user sees it, or at once when a
 * file comes. Sending waits until the queue has read the draft's saved files back, as it always did.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { AttachmentZone } from '../attachments/AttachmentZone';
import { useAttachmentLimits } from '../attachments/limits';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { afterPaint, lazyModule, useLoadedModule } from '../shared/lazy-module';
import type { FormAttachmentsControls, FormAttachmentsState } from './form-attachments-part';
import { useCapture } from './use-capture';

const queuePart = lazyModule(() => import('./form-attachments-part'));

const WAITING: FormAttachmentsState = { ids: [], names: [], hasImage: false, busy: true, failed: false };

/** The form's attachments slot: the zone now, the queue right after `shown` has been painted. */
export function useFormAttachments(draftKey: string, shown = true): AttachmentsSlot {
  const env = useWidgetEnv();
  const limits = useAttachmentLimits();
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inbox = useRef<File[]>([]);
  const controls = useRef<FormAttachmentsControls | null>(null);
  const part = useLoadedModule(queuePart);
  // A queue that could not load does not hold sending back; the next file tries again.
  const [unavailable, setUnavailable] = useState(false);
  const [state, setState] = useState<FormAttachmentsState>(WAITING);
  const load = useCallback(() => {
    queuePart.load().then(
      () => setUnavailable(false),
      () => setUnavailable(true),
    );
  }, []);
  useEffect(() => (part === undefined && shown ? afterPaint(load) : undefined), [part, shown, load]);
  const add = useCallback(
    (files: File[]) => {
      if (controls.current !== null) controls.current.add(files);
      else {
        inbox.current.push(...files);
        load();
      }
    },
    [load],
  );
  // The capture finishes after this render; the ref gives it the `add` of the render that is current then.
  const attach = useRef(add);
  useEffect(() => {
    attach.current = add;
  }, [add]);
  const { onCapture, capturing, captureSlot } = useCapture((files) => attach.current(files));
  const pasteTarget = useCallback(() => env.container?.() ?? null, [env]);
  const Part = part?.FormAttachmentsPart;
  const node = (
    <AttachmentZone limits={limits} onFiles={add} onCapture={onCapture} capturing={capturing} captureSlot={captureSlot} pasteTarget={pasteTarget} rootRef={root} inputRef={input}>
      {Part === undefined ? null : <Part draftKey={draftKey} inboxRef={inbox} controlsRef={controls} onState={setState} rootRef={root} inputRef={input} />}
    </AttachmentZone>
  );
  return {
    ...state,
    busy: Part === undefined ? !unavailable : state.busy,
    clear: () => {
      inbox.current = [];
      controls.current?.clear();
    },
    node,
  };
}
