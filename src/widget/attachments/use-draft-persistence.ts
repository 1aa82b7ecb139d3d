/** Restores a draft's saved files on mount and keeps the saved list in step with the queue. */
import { useEffect, useMemo, useRef } from 'react';
import type { Dispatch } from 'react';
import type { BlobStore } from '../shared/env';
import { createDraftFiles } from './draft-files';
import type { DraftFiles } from './draft-files';
import { manifestOf } from './model/manifest';
import type { QueueAction } from './model/queue-reducer';
import type { QueueState } from './model/types';

/**
 * How long sending waits for the saved files to be read back. A store that never answers (a blocked IndexedDB)
 * must not block the form: after this the queue is usable, and files read back later still join it.
 */
export const RESTORE_TIMEOUT_MS = 3000;

/** The draft's saved files, or null without a store. */
export function useDraftPersistence(
  blobStore: BlobStore | undefined,
  draftKey: string,
  state: QueueState,
  dispatch: Dispatch<QueueAction>,
): DraftFiles | null {
  const files = useMemo(() => (blobStore === undefined ? null : createDraftFiles(blobStore, draftKey)), [blobStore, draftKey]);

  // Until the store answered, the saved list is never written: writing the queue's list would erase it.
  const loaded = useRef(false);
  useEffect(() => {
    if (files === null) return undefined;
    let live = true;
    loaded.current = false;
    const giveUp = setTimeout(() => dispatch({ type: 'restored', draftKey, files: [] }), RESTORE_TIMEOUT_MS);
    void files.restore().then((restored) => {
      clearTimeout(giveUp);
      if (!live) return;
      loaded.current = true;
      dispatch({ type: 'restored', draftKey, files: restored });
    });
    return () => {
      live = false;
      clearTimeout(giveUp);
    };
  }, [files, draftKey, dispatch]);

  const saved = useRef<string | null>(null);
  useEffect(() => {
    // Before the saved list was read back (or while the state still holds another draft) writing would erase it.
    if (files === null || !loaded.current || !state.ready || state.draftKey !== draftKey) return;
    const entries = manifestOf(state.items);
    const json = `${draftKey}\n${JSON.stringify(entries)}`;
    if (json === saved.current) return;
    saved.current = json;
    files.saveManifest(entries);
  }, [files, draftKey, state]);

  return files;
}
