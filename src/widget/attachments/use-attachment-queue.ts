/** The attachment queue of one draft: state from a reducer, effects (jobs, thumbnails, saving) in small hooks. */
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { BlobStore } from '../shared/env';
import { checkFile } from './model/check-file';
import { initialQueueState, queueReducer } from './model/queue-reducer';
import type { CheckVerdict, NewFile } from './model/queue-reducer';
import { sniffBlob } from './model/sniff-type';
import type { QueueEvent, QueueItem, QueueLimits } from './model/types';
import { prepareImage } from './prepare-image';
import type { PrepareFile } from './prepare-image';
import { useDraftPersistence } from './use-draft-persistence';
import { useThumbnails } from './use-thumbnails';
import { useUploadJobs } from './use-upload-jobs';
import type { UploadFile } from './use-upload-jobs';

/** Options of `useAttachmentQueue`. */
export interface AttachmentQueueOptions {
  /** Whose files these are; the saved files of this key are restored on mount. Changing it resets the queue. */
  draftKey: string;
  limits: QueueLimits;
  upload: UploadFile;
  /** Where files survive a reload; without it nothing is saved. */
  blobStore?: BlobStore | undefined;
  /** Image preparation (downscale and re-encode); the browser one by default. */
  prepare?: PrepareFile;
}

/** The queue: its items and what can be done with them. */
export interface AttachmentQueue {
  items: QueueItem[];
  limits: QueueLimits;
  /** False while saved files are still being read back. */
  ready: boolean;
  /** The last upload, failure or restore, for the live region. */
  lastEvent: QueueEvent | undefined;
  /** The last few of them, `lastEvent` last (see `QueueState.recentEvents`). */
  recentEvents: readonly QueueEvent[];
  add(files: readonly File[]): void;
  remove(id: string): void;
  retry(id: string): void;
  cancel(id: string): void;
  /** Forgets every file, saved ones included (after a successful send). */
  clear(): void;
}

let sequence = 0;
const newId = () => `f${Date.now().toString(36)}${(sequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function verdictOf(file: NewFile, limits: QueueLimits): Promise<CheckVerdict> {
  const sniffed = await sniffBlob(file.source).catch(() => null);
  const verdict = checkFile({ size: file.size, sniffed, name: file.name }, limits);
  return verdict.ok ? { id: file.id, type: verdict.type } : { id: file.id, refusal: verdict.reason };
}

/** Builds the attachment queue of a draft. */
export function useAttachmentQueue({ draftKey, limits, upload, blobStore, prepare = prepareImage }: AttachmentQueueOptions): AttachmentQueue {
  const [state, dispatch] = useReducer(queueReducer, undefined, () => initialQueueState(draftKey, blobStore === undefined));
  const limitsRef = useRef(limits);
  useEffect(() => {
    limitsRef.current = limits;
  });
  useEffect(() => {
    if (state.draftKey !== draftKey) dispatch({ type: 'reset', draftKey, ready: blobStore === undefined });
  }, [draftKey, state.draftKey, blobStore]);

  const files = useDraftPersistence(blobStore, draftKey, state, dispatch);
  useThumbnails(state.items, dispatch);
  const jobs = useUploadJobs(state.items, dispatch, {
    upload,
    prepare,
    maxFileBytes: limits.maxFileBytes,
    saveFile: (id, blob, name) => files?.saveFile(id, blob, name),
  });

  const add = useCallback((given: readonly File[]) => {
    const fresh: NewFile[] = given.map((file) => ({ id: newId(), name: file.name || 'file', size: file.size, type: file.type, source: file }));
    if (fresh.length === 0) return;
    dispatch({ type: 'added', files: fresh });
    void Promise.all(fresh.map((file) => verdictOf(file, limitsRef.current))).then((verdicts) =>
      dispatch({ type: 'checked', verdicts, maxFiles: limitsRef.current.maxFilesPerTicket }),
    );
  }, []);

  const { abort, abortAll } = jobs;
  const remove = useCallback(
    (id: string) => {
      abort(id);
      files?.forget(id);
      dispatch({ type: 'removed', id });
    },
    [abort, files],
  );
  const retry = useCallback((id: string) => dispatch({ type: 'retry', id }), []);
  const cancel = useCallback(
    (id: string) => {
      if (abort(id)) dispatch({ type: 'failed', id, error: 'cancelled' });
    },
    [abort],
  );
  const clear = useCallback(() => {
    abortAll();
    files?.forgetAll();
    dispatch({ type: 'cleared' });
  }, [abortAll, files]);

  return useMemo(
    () => ({ items: state.items, limits, ready: state.ready, lastEvent: state.lastEvent, recentEvents: state.recentEvents ?? [], add, remove, retry, cancel, clear }),
    [state.items, state.ready, state.lastEvent, state.recentEvents, limits, add, remove, retry, cancel, clear],
  );
}
