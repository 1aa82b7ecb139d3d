/** The dynamic part of the picker: refused files, the restoring note, the files with their actions, the live region. */
import type { RefObject } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { AttachmentItem } from './AttachmentItem';
import type { ItemActions } from './AttachmentItem';
import { RefusedList } from './RefusedList';
import { useAnnouncement } from './use-announcements';
import type { AttachmentQueue } from './use-attachment-queue';
import { useFocusAfter } from './use-focus-after';

/** The list over a queue; `rootRef` and `inputRef` are the zone's (focus goes to the file button when nothing is left). */
export function AttachmentList({ queue, rootRef, inputRef }: { queue: AttachmentQueue; rootRef: RefObject<HTMLElement | null>; inputRef: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('attachments');
  const focusAfter = useFocusAfter(rootRef, inputRef);
  const announcement = useAnnouncement(queue.recentEvents);
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
    <>
      <RefusedList items={refused} limits={queue.limits} onDismiss={actions.remove} />
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
        {/* The same words again (the same file attached twice) are a change a screen reader reads: a no-break
            space on every other event. */}
        {(queue.lastEvent?.seq ?? 0) % 2 === 1 ? '\u00a0' : null}
      </div>
    </>
  );
}
