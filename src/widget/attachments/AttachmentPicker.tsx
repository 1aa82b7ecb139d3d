/**
 * The attachment picker: a file button, a drop zone, paste anywhere in the widget, the list with progress and
 * actions, and refused files explained one by one. The screenshot flow is not imported here: the app shell passes
 * `onCapture` (and renders the lazily loaded flow into `captureSlot`).
 */
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { AttachmentList } from './AttachmentList';
import { AttachmentZone } from './AttachmentZone';
import type { AttachmentQueue } from './use-attachment-queue';

/** Props of the picker. */
export interface AttachmentPickerProps {
  queue: AttachmentQueue;
  /** Shows "Сделать скриншот страницы"; the shell lazy-loads the screenshot flow when it is pressed. */
  onCapture?: () => void;
  /** True while the screenshot flow loads or is open: the capture button is busy. */
  capturing?: boolean;
  /** Rendered under the buttons: the place for the screenshot flow while it is open. */
  captureSlot?: ReactNode;
  /** Where a paste attaches images (the widget's container); by default the picker itself. */
  pasteTarget?: () => HTMLElement | ShadowRoot | null;
}

/** The picker UI over a queue. */
export function AttachmentPicker({ queue, onCapture, capturing = false, captureSlot, pasteTarget }: AttachmentPickerProps) {
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  return (
    <AttachmentZone limits={queue.limits} onFiles={queue.add} onCapture={onCapture} capturing={capturing} captureSlot={captureSlot} pasteTarget={pasteTarget} rootRef={root} inputRef={input}>
      <AttachmentList queue={queue} rootRef={root} inputRef={input} />
    </AttachmentZone>
  );
}
