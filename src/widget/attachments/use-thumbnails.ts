/** Object URLs for image thumbnails: created for each image in the queue, revoked when it leaves or on unmount. */
import { useEffect, useRef } from 'react';
import type { Dispatch } from 'react';
import type { QueueAction } from './model/queue-reducer';
import type { QueueItem } from './model/types';

const wantsThumbnail = (item: QueueItem) => item.checked && item.status !== 'refused' && item.type.startsWith('image/');

/** Keeps one object URL per shown image and tells the queue about it. */
export function useThumbnails(items: QueueItem[], dispatch: Dispatch<QueueAction>): void {
  const urls = useRef(new Map<string, string>());

  useEffect(() => {
    const made = urls.current;
    const present = new Set(items.map((item) => item.id));
    for (const [id, url] of made) {
      if (present.has(id)) continue;
      URL.revokeObjectURL(url);
      made.delete(id);
    }
    for (const item of items) {
      if (made.has(item.id) || !wantsThumbnail(item)) continue;
      const url = URL.createObjectURL(item.blob ?? item.source);
      made.set(item.id, url);
      dispatch({ type: 'thumbnail', id: item.id, url });
    }
  }, [items, dispatch]);

  useEffect(() => {
    const made = urls.current;
    return () => {
      for (const url of made.values()) URL.revokeObjectURL(url);
      made.clear();
    };
  }, []);
}
