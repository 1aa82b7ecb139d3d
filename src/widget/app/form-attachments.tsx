/**
 * The ticket form's attachments, split so opening the form does not wait for them or hold them: the zone
 * (title, hint, limits, the file and capture buttons, drop and paste, with its texts and CSS) and the queue
 * (uploads, saved files, the list) are asked for once their place is rendered where the user sees it, that is
 * with the category's fields (the zone sits below them), or as soon as a file comes. Sending waits until the
 * queue has read the draft's saved files back, as it always did.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useAttachmentLimits } from '../attachments/limits';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { useWidgetEnv } from '../shared/env';
import { ensureNamespaces } from '../shared/i18n';
import { useTranslation } from '../shared/i18n-react';
import { afterPaint, lazyModule, useLoadedModule } from '../shared/lazy-module';
import { RetryNotice } from '../shared/ui';
import type { FormAttachmentsControls, FormAttachmentsState } from './form-attachments-part';
import { useCapture } from './use-capture';

const zonePart = lazyModule(() => import('./form-attachments-zone'));
const queuePart = lazyModule(() => import('./form-attachments-part'));

const WAITING: FormAttachmentsState = { ids: [], names: [], hasImage: false, busy: true, failed: false };

/** In the zone's place when it could not load: the ticket can go without files, or the user tries again. */
export function AttachmentsUnavailable({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation('app');
  return <RetryNotice tone="warning" message={t('attachmentsFailed')} retryLabel={t('common:retry')} onRetry={onRetry} />;
}

/** Where the zone will be: tells the slot its place is rendered. */
function ZonePlace({ onPlaced }: { onPlaced(): void }) {
  useEffect(onPlaced, [onPlaced]);
  return null;
}

/** The form's attachments slot: the zone and the queue right after their place is painted in `shown`. */
export function useFormAttachments(draftKey: string, shown = true): AttachmentsSlot {
  const env = useWidgetEnv();
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inbox = useRef<File[]>([]);
  const controls = useRef<FormAttachmentsControls | null>(null);
  const { i18n } = useTranslation();
  const zone = useLoadedModule(zonePart);
  const part = useLoadedModule(queuePart);
  // A zone or queue that could not load does not hold sending back; the zone's place offers to try again,
  // and showing the form again tries too.
  const [unavailable, setUnavailable] = useState(false);
  const [state, setState] = useState<FormAttachmentsState>(WAITING);
  // Whether the zone's place has been rendered (the category's fields are there).
  const [placed, setPlaced] = useState(false);
  const onPlaced = useCallback(() => setPlaced(true), []);
  const limits = useAttachmentLimits(placed || zone !== undefined);
  const load = useCallback(() => {
    Promise.all([zonePart.load(), queuePart.load()]).then(
      () => setUnavailable(false),
      () => setUnavailable(true),
    );
  }, []);
  useEffect(() => ((zone === undefined || part === undefined) && shown && placed ? afterPaint(load) : undefined), [zone, part, shown, placed, load]);
  if (zone !== undefined) ensureNamespaces(i18n, { attachments: zone.attachmentsMessages });
  const { adoptStyles } = env;
  useLayoutEffect(() => (zone === undefined ? undefined : adoptStyles?.(zone.attachmentsCss)), [zone, adoptStyles]);
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
  const Zone = zone?.AttachmentZone;
  const Part = part?.FormAttachmentsPart;
  const node =
    Zone === undefined ? (
      unavailable ? (
        <AttachmentsUnavailable onRetry={load} />
      ) : (
        <ZonePlace onPlaced={onPlaced} />
      )
    ) : (
      <Zone limits={limits} onFiles={add} onCapture={onCapture} capturing={capturing} captureSlot={captureSlot} pasteTarget={pasteTarget} rootRef={root} inputRef={input}>
        {Part === undefined ? null : <Part draftKey={draftKey} inboxRef={inbox} controlsRef={controls} onState={setState} rootRef={root} inputRef={input} />}
      </Zone>
    );
  return {
    ...state,
    busy: Zone === undefined || Part === undefined ? !unavailable : state.busy,
    clear: () => {
      inbox.current = [];
      controls.current?.clear();
    },
    node,
  };
}
