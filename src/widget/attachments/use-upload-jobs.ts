/**
 * Runs the work of each file — prepare, then upload — as the queue's state asks for it. Jobs are started from
 * state (not from the click that added the file), so restored files, retries and a remount all go the same way.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Dispatch } from 'react';
import type { SupportApi } from '../../api/types';
import type { QueueAction } from './model/queue-reducer';
import type { QueueItem } from './model/types';
import { reasonOfFailure } from './model/upload-error';
import type { PrepareFile } from './prepare-image';

/** The upload seam: the SupportApi's `uploadAttachment`. */
export type UploadFile = SupportApi['uploadAttachment'];

/** What a job needs besides the item; read at the time the job runs. */
export interface JobDeps {
  upload: UploadFile;
  prepare: PrepareFile;
  maxFileBytes: number;
  saveFile(id: string, blob: Blob, name: string): void;
}

/** Controls of running jobs. */
export interface UploadJobs {
  /** Stops the running job of one file without reporting it (the caller says what happened); false if none ran. */
  abort(id: string): boolean;
  abortAll(): void;
}

const isStartable = (item: QueueItem) =>
  (item.status === 'preparing' && item.checked) || (item.status === 'uploading' && item.blob !== undefined);

/**
 * One job per file and attempt. A finished or aborted job stays recorded until its file leaves the queue: a render
 * that still shows the file as uploading (the result is dispatched but not rendered yet) must not start it again.
 */
interface Job {
  attempt: number;
  controller: AbortController;
}

/** Starts a job for every file that needs one and aborts jobs of files that left the queue. */
export function useUploadJobs(items: QueueItem[], dispatch: Dispatch<QueueAction>, deps: JobDeps): UploadJobs {
  const running = useRef(new Map<string, Job>());
  const depsRef = useRef(deps);
  useEffect(() => {
    depsRef.current = deps;
  });

  useEffect(() => {
    const jobs = running.current;
    const present = new Set(items.map((item) => item.id));
    for (const [id, job] of jobs) {
      if (present.has(id)) continue;
      jobs.delete(id);
      job.controller.abort();
    }
    for (const item of items) {
      if (!isStartable(item) || jobs.get(item.id)?.attempt === item.attempt) continue;
      const job: Job = { attempt: item.attempt, controller: new AbortController() };
      jobs.set(item.id, job);
      const isCurrent = () => jobs.get(item.id) === job && !job.controller.signal.aborted;
      void runJob(item, job.controller, isCurrent, dispatch, depsRef.current);
    }
  }, [items, dispatch]);

  useEffect(() => {
    const jobs = running.current;
    return () => {
      // Unmounting (or StrictMode's rehearsal): forget the jobs so a remount starts them afresh.
      for (const job of jobs.values()) job.controller.abort();
      jobs.clear();
    };
  }, []);

  return useMemo(
    () => ({
      abort(id: string) {
        const job = running.current.get(id);
        if (job === undefined || job.controller.signal.aborted) return false;
        job.controller.abort();
        return true;
      },
      abortAll() {
        for (const job of running.current.values()) job.controller.abort();
      },
    }),
    [],
  );
}

/** One file's job. After every await it checks it is still the current job: a cancel or remount replaces it. */
async function runJob(
  item: QueueItem,
  controller: AbortController,
  isCurrent: () => boolean,
  dispatch: Dispatch<QueueAction>,
  deps: JobDeps,
): Promise<void> {
  try {
    let blob = item.blob ?? item.source;
    let name = item.name;
    if (item.status === 'preparing') {
      const prepared = await deps.prepare(new File([item.source], item.name, { type: item.type }));
      if (!isCurrent()) return;
      blob = prepared.blob;
      name = prepared.name;
      dispatch({ type: 'prepared', id: item.id, blob, name, contentType: blob.type || item.type, maxFileBytes: deps.maxFileBytes });
      if (blob.size > deps.maxFileBytes) return;
      deps.saveFile(item.id, blob, name);
    }
    const result = await deps.upload(blob, name, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (isCurrent()) dispatch({ type: 'progress', id: item.id, progress });
      },
    });
    if (!isCurrent()) return;
    if (result.ok) dispatch({ type: 'uploaded', id: item.id, serverId: result.value.id, size: result.value.size });
    else dispatch({ type: 'failed', id: item.id, error: reasonOfFailure(result.error) });
  } catch {
    if (isCurrent()) dispatch({ type: 'failed', id: item.id, error: 'server' });
  }
}
