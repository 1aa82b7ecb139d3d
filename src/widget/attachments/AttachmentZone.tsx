/**
 * The static part of the attachment picker: the title, the drop zone with its hint and limits, the file button
 * and "Сделать скриншот страницы", paste anywhere in the widget. It needs no queue, so the ticket form shows it
 * in its first frame and the queue (AttachmentList) can arrive later; files picked, dropped or pasted meanwhile
 * go to `onFiles` all the same.
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Button } from '../shared/ui';
import { formatBytes, listTypes } from './model/describe';
import type { QueueLimits } from './model/types';
import { useDropZone } from './use-drop-zone';
import { usePasteFiles } from './use-paste-files';
import { touchOnly } from '../shared/media';
import { focusFell } from '../shared/focus-fell';

/** Props of the zone. */
export interface AttachmentZoneProps {
  limits: QueueLimits;
  onFiles(files: File[]): void;
  /** Shows "Сделать скриншот страницы"; the shell lazy-loads the screenshot flow when it is pressed. */
  onCapture?: (() => void) | undefined;
  /** True while the screenshot flow loads or is open: the capture button is busy. */
  capturing?: boolean | undefined;
  /** Rendered under the buttons: the place for the screenshot flow while it is open. */
  captureSlot?: ReactNode;
  /** Where a paste attaches images (the widget's container); by default the picker itself. */
  pasteTarget?: (() => HTMLElement | ShadowRoot | null) | undefined;
  /** The group element and the file input, for the list's focus moves. */
  rootRef: RefObject<HTMLDivElement | null>;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The list of files, refusals and the live region (AttachmentList). */
  children?: ReactNode;
}

/** The zone, with the list as its children. */
export function AttachmentZone({ limits, onFiles, onCapture, capturing = false, captureSlot, pasteTarget, rootRef, inputRef, children }: AttachmentZoneProps) {
  const { t, i18n } = useTranslation('attachments');
  const id = useId();
  const { dragging, handlers } = useDropZone(onFiles);
  usePasteFiles(rootRef, pasteTarget, onFiles);
  // The screenshot flow took the focus with it when it closed («Прикрепить», «Отмена»): back to the button that
  // opened it, beside the list the screenshot joins. Focus the user moved elsewhere meanwhile stays there.
  const capture = useRef<HTMLButtonElement>(null);
  const wasCapturing = useRef(capturing);
  useEffect(() => {
    const closed = wasCapturing.current && !capturing;
    wasCapturing.current = capturing;
    if (closed && capture.current !== null && focusFell(capture.current)) capture.current.focus();
  }, [capturing]);
  return (
    <div ref={rootRef} className="us-attachments" role="group" aria-labelledby={`${id}-title`} data-state={dragging ? 'dragging' : 'idle'} {...handlers}>
      <p className="us-attachments__title" id={`${id}-title`}>
        {t('title')}
      </p>
      <div className="us-attachments__zone">
        <p className="us-attachments__hint">{dragging ? t('dropActive') : t(touchOnly() ? 'dropHintTouch' : 'dropHint')}</p>
        <p className="us-attachments__limits" id={`${id}-limits`}>
          {t('limits', {
            types: listTypes(limits.acceptedTypes, i18n.language, 'or'),
            size: formatBytes(limits.maxFileBytes, i18n.language),
            count: limits.maxFilesPerTicket,
          })}
        </p>
        <div className="us-attachments__buttons">
          <input
            ref={inputRef}
            id={`${id}-input`}
            className="us-visually-hidden us-attachments__input"
            type="file"
            multiple
            accept={limits.acceptedTypes.join(',')}
            // Named on its own: its label below is what a pointer clicks, hidden from screen readers, which would
            // otherwise read the name twice, as the control's and as the label's text after it.
            aria-label={t('pick')}
            aria-describedby={`${id}-limits`}
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              // Cleared so that picking the same file again (after removing it) still reports a change.
              event.currentTarget.value = '';
              onFiles(files);
            }}
          />
          <label className="us-button us-attachments__pick" data-variant="secondary" htmlFor={`${id}-input`} aria-hidden="true">
            {t('pick')}
          </label>
          {onCapture === undefined ? null : (
            <Button ref={capture} busy={capturing} onClick={onCapture}>
              {t('capture')}
            </Button>
          )}
        </div>
      </div>
      {captureSlot}
      {children}
    </div>
  );
}
