/** The ready-made wiring for the app shell: limits from GET /meta, upload through the API, files saved per draft. */
import { useCallback, useMemo } from 'react';
import { useSupportApi } from '../../api';
import type { UploadOptions } from '../../api/types';
import { useWidgetEnv } from '../shared/env';
import type { AttachmentsSlot } from '../shared/attachments-slot';
import { AttachmentPicker } from './AttachmentPicker';
import type { AttachmentPickerProps } from './AttachmentPicker';
import { useAttachmentLimits } from './limits';
import type { PrepareFile } from './prepare-image';
import { toSlot } from './to-slot';
import { useAttachmentQueue } from './use-attachment-queue';
import type { AttachmentQueue } from './use-attachment-queue';

/** A draft's queue wired to the API, GET /meta's limits and env.blobStore (the files survive a reload). */
export function useDraftQueue(draftKey: string, prepare?: PrepareFile): AttachmentQueue {
  const api = useSupportApi();
  const { blobStore } = useWidgetEnv();
  const limits = useAttachmentLimits();
  const upload = useCallback((blob: Blob, name: string, options?: UploadOptions) => api.uploadAttachment(blob, name, options), [api]);
  return useAttachmentQueue({ draftKey, limits, upload, blobStore, ...(prepare === undefined ? {} : { prepare }) });
}

/** Options of `useDraftAttachments`: the draft, and the picker's props besides the queue. */
export type DraftAttachmentsOptions = Omit<AttachmentPickerProps, 'queue'> & { draftKey: string; prepare?: PrepareFile };

/** A draft's queue and its slot (with the picker as `node`), wired to the API, GET /meta and env.blobStore. */
export function useDraftAttachments({ draftKey, prepare, ...picker }: DraftAttachmentsOptions): { queue: AttachmentQueue; slot: AttachmentsSlot } {
  const queue = useDraftQueue(draftKey, prepare);
  const { onCapture, capturing, captureSlot, pasteTarget } = picker;
  return useMemo(() => {
    const props: AttachmentPickerProps = { queue, ...pickerProps({ onCapture, capturing, captureSlot, pasteTarget }) };
    return { queue, slot: toSlot(queue, <AttachmentPicker {...props} />) };
  }, [queue, onCapture, capturing, captureSlot, pasteTarget]);
}

type PickerOnly = Omit<AttachmentPickerProps, 'queue'>;

/** Drops undefined props (exactOptionalPropertyTypes keeps "absent" and "undefined" apart). */
function pickerProps(props: { [Key in keyof PickerOnly]?: PickerOnly[Key] | undefined }): PickerOnly {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
}
