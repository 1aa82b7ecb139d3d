/** What the picker's live region says, from the queue's last event: an upload finished or failed, a file was taken off, files came back. */
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../shared/i18n-react';
import type { QueueEvent } from './model/types';

/**
 * Uploads that end this close together are said together: files sent at once finish within moments of each other,
 * and a screen reader reads only the region's last text, so «a.png загружен» replaced by «b.png загружен» lost the
 * first. A file taken off or files come back answer the user's own step and are said alone.
 */
export const TOGETHER_MS = 2_000;

/** At most this many events are said together (the region is read whole each time it changes). */
const SAID_TOGETHER = 4;

function eventText(t: TFunction, event: QueueEvent): string {
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

const isUpload = (event: QueueEvent) => event.kind === 'uploaded' || event.kind === 'failed';

/**
 * The live region's text: the events not said yet (`events` is the queue's `recentEvents`, last last), after the
 * uploads just before them when they are uploads too ('' before the first event).
 */
export function useAnnouncement(events: readonly QueueEvent[]): string {
  const { t } = useTranslation('attachments');
  const [said, setSaid] = useState<readonly QueueEvent[]>([]);
  // The last event said, and when, if it was an upload that ended.
  const last = useRef({ seq: 0, ended: Number.NEGATIVE_INFINITY });
  useEffect(() => {
    // A queue started afresh (another draft) counts its events from 1 again.
    if (events.length === 0) last.current = { seq: 0, ended: Number.NEGATIVE_INFINITY };
    const fresh = events.filter((event) => event.seq > last.current.seq);
    const newest = fresh.at(-1);
    if (newest === undefined) return;
    const now = performance.now();
    const together = fresh.every(isUpload) && now - last.current.ended < TOGETHER_MS;
    last.current = { seq: newest.seq, ended: isUpload(newest) ? now : Number.NEGATIVE_INFINITY };
    // The region is read whole at each change: a long run of uploads keeps its last few.
    setSaid((before) => (together ? [...before, ...fresh] : fresh).slice(-SAID_TOGETHER));
  }, [events]);
  return said.map((event) => eventText(t, event)).join(' ');
}
