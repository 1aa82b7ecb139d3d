/**
 * The ticket form's attachments, split so the first frame does not wait for them: the zone (title, hint,
 * limits, the file and capture buttons, drop and paste) is part of the form screen; the queue (uploads, saved
 * files, the list) loads once the form has been painted where the user sees it and the browser is idle, or at
 * once when a file comes. Sending waits until the queue has read the draft's saved files back, as it always did.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { AttachmentZone } from '../attachments/AttachmentZone';
import { useAttachmentLimits } from '../attachments/limits';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { lazyModule } from '../shared/lazy-module';
import type { FormAttachmentsControls, FormAttachmentsState } from './form-attachments-part';
import { useCapture } from './use-capture';

const queuePart = lazyModule(() => import('./form-attachments-part'));

const WAITING: FormAttachmentsState = { ids: [], names: [], hasImage: false, busy: true, failed: false };

/** Runs `task` once the next frame has been painted and the browser is idle; returns a cancel. */
function afterPaintWhenIdle(task: () => void): () => void {
  let cancel = () => undefined as void;
  const frame = requestAnimationFrame(() => {
    // A task queued from the frame callback runs after that frame is painted.
    const timer = setTimeout(() => {
      if (typeof window.requestIdleCallback === 'function') {
        const handle = window.requestIdleCallback(task, { timeout: 1000 });
        cancel = () => window.cancelIdleCallback(handle);
      } else task();
    }, 0);
    cancel = () => clearTimeout(timer);
  });
  cancel = () => cancelAnimationFrame(frame);
  return () => cancel();
}

/** The form's attachments slot: the zone now, the queue once `shown` has been painted and the browser is idle. */
export function useFormAttachments(draftKey: string, shown = true): AttachmentsSlot {
  const env = useWidgetEnv();
  const limits = useAttachmentLimits();
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inbox = useRef<File[]>([]);
  const controls = useRef<FormAttachmentsControls | null>(null);
  const [part, setPart] = useState(queuePart.peek);
  // A queue that could not load does not hold sending back; the next file tries again.
  const [unavailable, setUnavailable] = useState(false);
  const [state, setState] = useState<FormAttachmentsState>(WAITING);
  const load = useCallback(() => {
    queuePart.load().then(
      (module) => {
        setUnavailable(false);
        setPart(() => module);
      },
      () => setUnavailable(true),
    );
  }, []);
  useEffect(() => (part === undefined && shown ? afterPaintWhenIdle(load) : undefined), [part, shown, load]);
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
