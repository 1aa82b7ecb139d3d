/** What the picker's live region says, from the queue's last event: an upload finished or failed, a file was taken off, files came back. */
import { useTranslation } from '../shared/i18n-react';
import type { QueueEvent } from './model/types';

/** The announcement text of the last event ('' when there is none). */
export function useAnnouncement(event: QueueEvent | undefined): string {
  const { t } = useTranslation('attachments');
  if (event === undefined) return '';
  switch (event.kind) {
    case 'uploaded':
      return t('announce.uploaded', { name: event.name });
    case 'failed':
      return t('announce.failed', { name: event.name, reason: t(`failure.${event.error}`) });
    case 'restored':
      return t('announce.restored', { count: event.count });
    case 'removed':
      return t('announce.removed', { name: event.name });
    default:
      return event satisfies never;
  }
}
