/**
 * The ticket form's attachments, split so the first frame does not wait for them: the zone (title, hint,
 * limits, the file and capture buttons, drop and paste, with its texts and CSS) and the queue (uploads, saved
 * files, the list) are asked for at the panel's first use (a pointer moved or pressed in it, a key: see
 * shared/first-use.ts), so they are there, offline included, when a category is chosen, and an open that is only
 * looked at does without them; or when the form asks for them (`prepare`, a category chosen first). The zone sits
 * with the category's fields, which wait for it (`pending`) so that it never pushes them down as it arrives:
 * until its place is rendered, their arrival renders nothing (unless the form waits for them), and the texts,
 * the CSS and the attachment limits (`GET /meta`) wait for the place. Sending waits until the queue has read the
 * draft's saved files back, as it always did.
 *
 * While the form is shown, a file dropped anywhere in the panel is attached (the browser would otherwise open it
 * in place of the page), and before the category is chosen a pasted one too: both wait for the zone, and the
 * category choice lists them.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useAttachmentLimits } from '../attachments/limits';
import { carriesFiles, filesOf, pastedFiles } from '../attachments/model/transfer-files';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { ensureNamespaces } from '../shared/i18n';
import { useTranslation } from '../shared/i18n-react';
import { lazyModule, useLoadedModule } from '../shared/lazy-module';
import { RetryNotice } from '../shared/ui';
import type { FormAttachmentsControls, FormAttachmentsState } from './form-attachments-part';
import { useCapture } from './use-capture';

const zonePart = lazyModule(() => import('./form-attachments-zone'));
const queuePart = lazyModule(() => import('./form-attachments-part'));
/** Whether both have arrived: they do without rendering the hook's owner, so whoever waits reads this. */
const loaded = () => zonePart.peek() !== undefined && queuePart.peek() !== undefined;

const WAITING: FormAttachmentsState = { ids: [], names: [], hasImage: false, busy: true, failed: false };

/** In the zone's place when it could not load: the ticket can go without files, or the user tries again. */
export function AttachmentsUnavailable({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation('app');
  return <RetryNotice tone="warning" message={t('attachmentsFailed')} retryLabel={t('common:retry')} onRetry={onRetry} />;
}

/**
 * Where the zone is: tells the slot its place is rendered (before paint, so the zone shows with the fields), and
 * when it is gone (the category is being chosen again).
 */
function ZonePlace({ onPlaced }: { onPlaced(here: boolean): void }) {
  useLayoutEffect(() => {
    onPlaced(true);
    return () => onPlaced(false);
  }, [onPlaced]);
  return null;
}

/**
 * The form's attachments slot: the zone and the queue loaded when asked for (`prepare`), when a file comes or
 * when their place shows.
 */
export function useFormAttachments(draftKey: string, shown = true): AttachmentsSlot {
  const env = useWidgetEnv();
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inbox = useRef<File[]>([]);
  const controls = useRef<FormAttachmentsControls | null>(null);
  const { i18n } = useTranslation();
  // Whether the zone's place has been rendered (the category's fields are there): until then the parts
  // arriving render nothing.
  const [placed, setPlaced] = useState(false);
  // Whether it is rendered now; and the names of the files pasted or dropped while it was not.
  const [here, setHere] = useState(false);
  const [waiting, setWaiting] = useState<string[]>([]);
  const onPlaced = useCallback((now: boolean) => {
    setHere(now);
    if (!now) return;
    setPlaced(true);
    setWaiting([]);
  }, []);
  const limits = useAttachmentLimits(placed);
  const zone = useLoadedModule(zonePart, placed);
  const part = useLoadedModule(queuePart, placed);
  // A zone or queue that could not load does not hold sending back; the zone's place offers to try again,
  // and showing the form again tries too.
  const [unavailable, setUnavailable] = useState(false);
  const [state, setState] = useState<FormAttachmentsState>(WAITING);
  const load = useCallback(
    () =>
      Promise.all([zonePart.load(), queuePart.load()]).then(
        () => setUnavailable(false),
        () => setUnavailable(true),
      ),
    [],
  );
  useEffect(() => {
    if ((zone === undefined || part === undefined) && placed) load();
  }, [zone, part, placed, load]);
  const prepare = useCallback(() => (loaded() ? Promise.resolve() : load()), [load]);
  const shownZone = placed ? zone : undefined;
  if (shownZone !== undefined) ensureNamespaces(i18n, { attachments: shownZone.attachmentsMessages });
  const { adoptStyles } = env;
  useLayoutEffect(() => (shownZone === undefined ? undefined : adoptStyles?.(shownZone.attachmentsCss)), [shownZone, adoptStyles]);
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
  useEffect(() => {
    const node = shown ? pasteTarget() : null;
    if (node === null) return undefined;
    const take = (event: Event, files: File[]) => {
      event.preventDefault();
      if (!here) setWaiting((names) => [...names, ...files.map((file) => file.name)]);
      add(files);
    };
    // What the zone (or a field) took is prevented already.
    const onDragOver = (event: Event) => {
      const drag = event as DragEvent;
      if (!drag.defaultPrevented && carriesFiles(drag.dataTransfer)) drag.preventDefault();
    };
    const onDrop = (event: Event) => {
      const files = filesOf((event as DragEvent).dataTransfer);
      if (!event.defaultPrevented && files.length > 0) take(event, files);
    };
    // Once the zone is there, it takes pastes itself.
    const onPaste = (event: Event) => {
      const files = here ? [] : pastedFiles(event);
      if (files.length > 0) take(event, files);
    };
    const listeners = { dragover: onDragOver, drop: onDrop, paste: onPaste };
    for (const [type, listener] of Object.entries(listeners)) node.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of Object.entries(listeners)) node.removeEventListener(type, listener);
    };
  }, [shown, here, pasteTarget, add]);
  const Zone = shownZone?.AttachmentZone;
  const Part = placed ? part?.FormAttachmentsPart : undefined;
  const node = (
    <>
      <ZonePlace onPlaced={onPlaced} />
      {Zone === undefined ? (
        unavailable ? (
          <AttachmentsUnavailable onRetry={load} />
        ) : null
      ) : (
        <Zone limits={limits} onFiles={add} onCapture={onCapture} capturing={capturing} captureSlot={captureSlot} pasteTarget={pasteTarget} rootRef={root} inputRef={input}>
          {Part === undefined ? null : <Part draftKey={draftKey} inboxRef={inbox} controlsRef={controls} onState={setState} rootRef={root} inputRef={input} />}
        </Zone>
      )}
    </>
  );
  return {
    ...state,
    busy: Zone === undefined || Part === undefined ? !unavailable : state.busy,
    get pending() {
      return !loaded() && !unavailable;
    },
    prepare,
    waiting,
    clear: () => {
      inbox.current = [];
      setWaiting([]);
      controls.current?.clear();
    },
    node,
  };
}
