/**
 * The attachment picker: a file button, a drop zone, paste anywhere in the widget, the list with progress and
 * actions, and refused files explained one by one. The screenshot flow is not imported here: the app shell passes
 * `onCapture` (and renders the lazily loaded flow into `captureSlot`).
 */
import { useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Button } from '../shared/ui';
import { AttachmentItem } from './AttachmentItem';
import type { ItemActions } from './AttachmentItem';
import { formatBytes, listTypes } from './model/describe';
import { RefusedList } from './RefusedList';
import { useAnnouncement } from './use-announcements';
import type { AttachmentQueue } from './use-attachment-queue';
import { useDropZone } from './use-drop-zone';
import { useFocusAfter } from './use-focus-after';
import { usePasteFiles } from './use-paste-files';

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
  const { t, i18n } = useTranslation('attachments');
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const focusAfter = useFocusAfter(root, input);
  const { dragging, handlers } = useDropZone(queue.add);
  usePasteFiles(root, pasteTarget, queue.add);
  const announcement = useAnnouncement(queue.lastEvent);
  const { limits } = queue;
  const refused = queue.items.filter((item) => item.status === 'refused');
  const listed = queue.items.filter((item) => item.status !== 'refused');
  const actions: ItemActions = {
    cancel(itemId) {
      queue.cancel(itemId);
      focusAfter([`${itemId}:retry`, `${itemId}:remove`]);
    },
    retry(itemId) {
      queue.retry(itemId);
      focusAfter([`${itemId}:cancel`, `${itemId}:remove`]);
    },
    remove(itemId) {
      queue.remove(itemId);
      focusAfter([]);
    },
  };

  return (
    <div ref={root} className="us-attachments" role="group" aria-labelledby={`${id}-title`} data-state={dragging ? 'dragging' : 'idle'} {...handlers}>
      <p className="us-attachments__title" id={`${id}-title`}>
        {t('title')}
      </p>
      <div className="us-attachments__zone">
        <p className="us-attachments__hint">{dragging ? t('dropActive') : t('dropHint')}</p>
        <p className="us-attachments__limits" id={`${id}-limits`}>
          {t('limits', {
            types: listTypes(limits.acceptedTypes, i18n.language, 'or'),
            size: formatBytes(limits.maxFileBytes, i18n.language),
            count: limits.maxFilesPerTicket,
          })}
        </p>
        <div className="us-attachments__buttons">
          <input
            ref={input}
            id={`${id}-input`}
            className="us-visually-hidden us-attachments__input"
            type="file"
            multiple
            accept={limits.acceptedTypes.join(',')}
            aria-describedby={`${id}-limits`}
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              // Cleared so that picking the same file again (after removing it) still reports a change.
              event.currentTarget.value = '';
              queue.add(files);
            }}
          />
          <label className="us-button us-attachments__pick" data-variant="secondary" htmlFor={`${id}-input`}>
            {t('pick')}
          </label>
          {onCapture === undefined ? null : (
            <Button busy={capturing} onClick={onCapture}>
              {t('capture')}
            </Button>
          )}
        </div>
      </div>
      {captureSlot}
      <RefusedList items={refused} limits={limits} onDismiss={actions.remove} />
      {queue.ready ? null : <p className="us-attachments__restoring">{t('restoring')}</p>}
      {listed.length > 0 ? (
        <ul className="us-attachments__list" aria-label={t('listLabel')}>
          {listed.map((item) => (
            <AttachmentItem key={item.id} item={item} actions={actions} />
          ))}
        </ul>
      ) : null}
      <div className="us-visually-hidden" role="status">
        {announcement}
      </div>
    </div>
  );
}
